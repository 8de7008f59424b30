// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Runs a command over many independent captures, several at a time: each file is one child
/// process (`swiftdig` with the same options and `-r FILE`), which keeps a crash to its file and
/// the parent's memory flat. Output stays in file order: each child writes to a temporary file of
/// its own (unlinked: on disk, not in memory), which the parent copies to the output in the kernel
/// (`sendfile`) when the file's turn comes, following it as it grows while the child still runs; so
/// standard output is exactly the concatenation of the file-by-file runs.
///
/// A file whose child fails does not stop the batch; its error line is collected and returned.
public final class BatchRunner {
    /// How to run.
    public struct Options {
        /// The program each child runs.
        public var executable: String
        /// The child's arguments besides `-r FILE`.
        public var arguments: [String]
        /// Arguments of the child of the file of each index, besides ``arguments``.
        public var fileArguments: ((Int) -> [String])?
        /// `NAME=value` words added to each child's environment.
        public var environment: [String] = []
        /// How many children run at once.
        public var jobs: Int
        /// Draw the progress bar on standard error.
        public var showsProgress = false
        /// Where the output goes.
        public var outputFD: Int32 = 1
        /// Where children's messages go.
        public var errorFD: Int32 = 2

        /// Runs `executable -r FILE arguments`, `jobs` at a time.
        public init(executable: String, arguments: [String], jobs: Int) {
            self.executable = executable
            self.arguments = arguments
            self.jobs = max(jobs, 1)
        }
    }

    /// A file whose run failed.
    public struct Failure: Sendable, Equatable {
        /// The file.
        public var path: String
        /// Its place in the batch's files (-1 when unknown).
        public var index = -1
        /// The child's error line (without its `swiftdig: ` prefix), or how it ended.
        public var error: String

        /// A failure of `path` with the one-line `error`.
        public init(path: String, error: String) {
            self.path = path
            self.error = error
        }
    }

    /// The name of the environment variable that tells a child to report on descriptor 3.
    public static let reportVariable = "SWIFTDIG_BATCH_REPORT_FD"

    private let files: [String]
    private let options: Options
    private let sizes: [UInt64]
    private let progress: BatchProgress
    /// The running and the finished-but-not-yet-printed files, by index.
    private var jobs: [Int: Job] = [:]
    /// The next file to start and the next file whose output goes out.
    private var nextToStart = 0, head = 0
    private var failures: [Failure] = []
    private var filesDone = 0, bytesDone: UInt64 = 0, eventsDone: UInt64 = 0
    private var chunk = [UInt8](repeating: 0, count: 1 << 20)
    /// Whether the output is a terminal, which the progress bar shares (asked once).
    private let outputIsTerminal: Bool
    /// Whether the output takes `sendfile` (not when opened with `O_APPEND`).
    private var canSendFile = true

    /// A batch over `files`, in this order.
    public init(files: [String], options: Options) {
        self.files = files
        self.options = options
        progress = BatchProgress(files: files, enabled: options.showsProgress)
        sizes = progress.fileSizes
        outputIsTerminal = isatty(options.outputFD) != 0
    }

    /// Runs every file (until a stop is asked for with ``RunInterruption``: the files started then
    /// end as their children end them, the others are not started).
    /// - Returns: the files that failed, in file order.
    /// - Throws: ``BatchError`` when a child cannot be started or its output cannot be kept.
    public func run() throws(BatchError) -> [Failure] {
        var stopping = false
        while head < nextToStart || (nextToStart < files.count && !stopping) {
            if RunInterruption.isRequested && !stopping {
                stopping = true
                // The children of a Ctrl-C got it too; those of a `kill` of the parent did not.
                for job in jobs.values where job.status == nil { kill(job.child.pid, SIGTERM) }
            }
            while !stopping && nextToStart < files.count && jobs.values.filter({ $0.status == nil }).count < options.jobs {
                try start(nextToStart)
                nextToStart += 1
            }
            try pump()
            try advance()
            progress.update(files: filesDone, bytes: bytesDone, events: eventsDone)
        }
        progress.finish(files: filesDone, bytes: bytesDone, events: eventsDone)
        return failures
    }

    /// One file's child and what it left to print.
    private final class Job {
        let child: ChildProcess
        /// The child's output, an unlinked temporary file.
        let spool: Int32
        /// How much of ``spool`` went to the output.
        var copied: off_t = 0
        var messages: [UInt8] = []
        var report: [UInt8] = []
        /// The `wait` status, once the child ended.
        var status: Int32?
        init(child: ChildProcess, spool: Int32) {
            self.child = child
            self.spool = spool
        }
        deinit { close(spool) }
    }

    private func start(_ index: Int) throws(BatchError) {
        var template = Array("/tmp/swiftdig-batch-XXXXXX".utf8CString)
        let spool = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard spool >= 0 else { throw BatchError("cannot make a temporary file: \(String(cString: strerror(errno)))") }
        // Gone from the folder at once: it ends with the descriptors, whatever happens.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        do {
            let child = try ChildProcess(
                executable: options.executable,
                // The file first: the shared arguments may end with `--` and words that are not options.
                arguments: ["-r", files[index]] + (options.fileArguments?(index) ?? []) + options.arguments,
                environment: options.environment + ["\(Self.reportVariable)=\(ChildProcess.reportFD)"], output: spool)
            jobs[index] = Job(child: child, spool: spool)
        } catch {
            close(spool)
            throw error
        }
    }

    /// Waits for messages of running children and moves them on: at most 0.05 s while the file
    /// whose turn it is runs (its output is followed at that pace), 0.2 s otherwise (the progress bar).
    private func pump() throws(BatchError) {
        var watched: [pollfd] = []
        var owners: [(index: Int, pipe: Int)] = []
        for (index, job) in jobs where job.status == nil {
            for (pipe, fd) in job.child.outputs.enumerated() where fd >= 0 {
                watched.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
                owners.append((index, pipe))
            }
        }
        guard !watched.isEmpty else { return }
        let following = jobs[head].map { $0.status == nil } ?? false
        if poll(&watched, nfds_t(watched.count), following ? 50 : 200) <= 0 { return }
        for (slot, entry) in watched.enumerated() where entry.revents != 0 {
            let (index, pipe) = owners[slot]
            guard let job = jobs[index] else { continue }
            try drain(entry.fd, pipe: pipe, of: index, job)
        }
    }

    /// Moves on what pipe `pipe` of file `index` holds, until it is empty (or ends: then, once all
    /// of the child's pipes ended, the child is waited for).
    private func drain(_ fd: Int32, pipe: Int, of index: Int, _ job: Job) throws(BatchError) {
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 && errno == EAGAIN { return }
            guard got > 0 else {
                job.child.closeOutput(pipe)
                if job.child.isDrained { finish(index, job) }
                return
            }
            chunk.withUnsafeBytes { raw in
                let data = UnsafeRawBufferPointer(rebasing: raw[0..<got])
                if pipe == 0 { job.messages.append(contentsOf: data) } else { job.report.append(contentsOf: data) }
            }
        }
    }

    /// The child of file `index` closed its pipes: its exit status and report are in.
    private func finish(_ index: Int, _ job: Job) {
        let status = job.child.wait()
        job.status = status
        filesDone += 1
        bytesDone += sizes[index]
        eventsDone += UInt64(String(decoding: job.report, as: UTF8.self).split(separator: "\n").last ?? "") ?? 0
    }

    /// Prints, in file order, what the finished files at the head of the order left (their output,
    /// then their messages) and notes failures; then what the running file whose turn it is wrote
    /// so far.
    private func advance() throws(BatchError) {
        while let job = jobs[head] {
            // The child's output is complete once its status is in: copied to the end.
            let finished = job.status != nil
            try copyOut(job)
            guard finished, let status = job.status else { return }
            let text = String(decoding: job.messages, as: UTF8.self)
            if let ending = ChildProcess.failureText(status) {
                var failure = Failure(path: files[head], error: Self.errorLine(text) ?? ending)
                failure.index = head
                failures.append(failure)
            } else if !job.messages.isEmpty {
                progress.clear()
                job.messages.withUnsafeBytes { _ = Self.writeAll($0, to: options.errorFD) }
            }
            jobs[head] = nil
            head += 1
        }
    }

    /// Copies what `job`'s child wrote since the last call to the output.
    private func copyOut(_ job: Job) throws(BatchError) {
        var end = stat()
        guard fstat(job.spool, &end) == 0 else { throw BatchError("cannot read back kept output") }
        guard end.st_size > job.copied else { return }
        if outputIsTerminal { progress.clear() }
        while job.copied < end.st_size {
            let count = Int(end.st_size - job.copied)
            var sent = canSendFile ? sendfile(options.outputFD, job.spool, &job.copied, count) : -1
            if sent < 0 && errno == EINTR { continue }
            if sent < 0 && canSendFile && errno != EINVAL && errno != ENOSYS {
                throw BatchError("cannot write the output: \(String(cString: strerror(errno)))")
            }
            if sent < 0 {
                // An output sendfile refuses (opened with O_APPEND, as `>>` opens it): by hand.
                canSendFile = false
                sent = chunk.withUnsafeMutableBytes { pread(job.spool, $0.baseAddress!, min($0.count, count), job.copied) }
                guard sent > 0 else { throw BatchError("cannot read back kept output") }
                let wrote = chunk.withUnsafeBytes {
                    Self.writeAll(UnsafeRawBufferPointer(rebasing: $0[0..<sent]), to: options.outputFD)
                }
                guard wrote else { throw BatchError("cannot write the output: \(String(cString: strerror(errno)))") }
                job.copied += off_t(sent)
            }
            if sent == 0 { break }
        }
    }

    /// The last line of a failed child's messages, without the `swiftdig: ` its errors start with.
    static func errorLine(_ messages: String) -> String? {
        guard let last = messages.split(whereSeparator: \.isNewline).last(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return nil
        }
        let prefix = "swiftdig: "
        return String(last.hasPrefix(prefix) ? last.dropFirst(prefix.count) : last)
    }

    /// The lines that list `failures` at the end of a batch of `total` files: one per file, the file
    /// named first unless its error line already starts with it.
    public static func failureReport(_ failures: [Failure], total: Int) -> String {
        var text = "swiftdig: \(failures.count) of \(total) captures failed:\n"
        for failure in failures {
            text += failure.error.hasPrefix(failure.path) ? "  \(failure.error)\n" : "  \(failure.path): \(failure.error)\n"
        }
        return text
    }

    /// Writes all of `data` to `fd`; false when the descriptor refused it.
    @discardableResult
    static func writeAll(_ data: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var done = 0
        while done < data.count {
            let wrote = write(fd, data.baseAddress! + done, data.count - done)
            if wrote < 0 && errno == EINTR { continue }
            guard wrote > 0 else { return false }
            done += wrote
        }
        return true
    }
}
