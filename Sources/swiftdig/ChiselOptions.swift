// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import ChiselHost
import SwiftdigChisel
import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// The runner's chisel options: `-c NAME [ARGS]` (several allowed), `-cl`, `-i NAME`.
///
/// `-c` cannot go through the argument parser: whether the word after a chisel's name is its
/// arguments depends on the chisel (sysdig's rule), so chisels are found and loaded before parsing.
enum ChiselOptions {
    /// The chisels of this command line, loaded (set before parsing, once).
    nonisolated(unsafe) static var requests: [ChiselRequest] = []
    /// The loader every chisel of this process comes from (exec'd chisels too).
    nonisolated(unsafe) static var loader = ChiselLoader()

    /// `words` without the chisel options, after loading the chisels they name. `-cl` prints the
    /// list and exits; a chisel that cannot be loaded is one error line and exit status 1.
    static func takeChisels(from words: [String]) -> [String] {
        guard words.contains(where: { $0 == "-c" || $0 == "--chisel" || $0 == "--list-chisels" }) else { return words }
        do {
            let found = try ChiselCommandLine.extract(words, loader: loader) { text in
                (try? Filter(compiling: text)) != nil
            }
            if found.listRequested {
                write(ChiselListing.list(ChiselCatalog.all(loader), searched: loader.searchPath.directories), to: 1)
                Swiftdig.exit()
            }
            requests = found.requests
            return found.rest
        } catch {
            write("swiftdig: \(error.description)\n", to: 2)
            Swiftdig.exit(withError: ExitCode(1))
        }
    }

    /// What `-i NAME` prints.
    /// - Throws: a one-line error when no visible chisel has that name.
    static func details(of name: String) throws -> String {
        guard let info = ChiselCatalog.all(loader).first(where: { $0.name == name && !$0.hidden }) else {
            throw ValidationError("chisel \(name) not found - use -cl to list them.")
        }
        return ChiselListing.details(info)
    }

    /// The command line a chisel asked to run once the run has ended (sysdig's `run_app`).
    nonisolated(unsafe) static var nextRun: [String]?

    /// Runs the chisels over the events of `inspector` with the command line's filter and limits.
    /// - Returns: the number of events that reached the chisels.
    static func run(
        inspector: Inspector, textOptions: TextDump.Options, printsContainerData: Bool, partialOutput: String? = nil
    ) throws -> UInt64 {
        var options = runOptions(textOptions, isLive: inspector.reader == nil, printsContainerData: printsContainerData)
        options.environment.captureSource = inspector.reader?.path ?? ""
        options.partialOutput = partialOutput
        let outcome = try ChiselRun.run(inspector: inspector, requests: requests, loader: loader, options: options)
        nextRun = outcome.nextRun
        return outcome.delivered
    }

    /// Runs the chisels over independent captures, one after the other in this process (a chisel's
    /// result is one value over every file, which only one instance can build), with a note when
    /// more than one job was possible.
    /// - Returns: the files that could not be read to their end.
    static func run(
        captures files: [String], textOptions: TextDump.Options, printsContainerData: Bool, showsProgress: Bool, jobs: Int
    ) throws -> [BatchRunner.Failure] {
        if jobs > 1 {
            let why = requests.count > 1 ? "several chisels" : "\(requests[0].name) does not merge partial results"
            write("swiftdig: note: \(why): the chisels read the \(files.count) captures one after the other, in one process\n", to: 2)
        }
        var options = runOptions(textOptions, isLive: false, printsContainerData: printsContainerData)
        options.environment.captureSource = files[0]
        let progress = BatchProgress(files: files, enabled: showsProgress)
        let outcome = try ChiselRun.run(captures: files, requests: requests, loader: loader, options: options) { index, eventsBefore in
            progress.update(files: index, bytes: progress.bytes(ofFirst: index), events: eventsBefore)
        }
        progress.finish(files: files.count, bytes: progress.totalBytes, events: outcome.eventsRead)
        nextRun = outcome.nextRun
        return outcome.failures.map { BatchRunner.Failure(path: $0.path, error: $0.error) }
    }

    /// Whether the command line's chisels can run over independent captures in parallel: one chisel
    /// that merges partial results (a `table_generator` table: every top and `fd*_by` chisel).
    static func mergeInParallel(textOptions: TextDump.Options, printsContainerData: Bool) -> Bool {
        guard requests.count == 1, let request = requests.first else { return false }
        let options = runOptions(textOptions, isLive: false, printsContainerData: printsContainerData)
        let merges = try? PartialMerge.canWritePartial(
            chisel: request.name, arguments: request.arguments, loader: loader, environment: options.environment)
        return merges == true
    }

    /// Runs the one mergeable chisel over independent captures in parallel: a child per file writes
    /// its partial result (`--partial-out`), then the partials of the files that did not fail are
    /// merged in file order and the chisel prints what it would have printed over all of them (or,
    /// with `--partial-out` here, the merged partial is written).
    /// - Returns: the files that failed.
    static func runMerging(
        captures files: [String], batch: BatchRunner.Options, partialOutput: String?
    ) throws -> [BatchRunner.Failure] {
        var template = Array("/tmp/swiftdig-partials-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw BatchError("cannot make a temporary folder for partial results")
        }
        let directory = String(cString: made)
        let partial = { (index: Int) in "\(directory)/\(index).part" }
        defer {
            for index in files.indices { unlink(partial(index)) }
            rmdir(directory)
        }
        var batch = batch
        batch.fileArguments = { ["--partial-out", partial($0)] }
        let failures = try BatchRunner(files: files, options: batch).run()
        let failed = Set(failures.map(\.index))
        let partials = files.indices.filter { !failed.contains($0) && access(partial($0), R_OK) == 0 }.map(partial)
        guard !partials.isEmpty else { return failures }
        var options = PartialMerge.Options()
        options.partialOutput = partialOutput
        try PartialMerge.printMerged(partials: partials, loader: loader, options: options)
        return failures
    }

    /// The chisel run's options from the command line's.
    private static func runOptions(_ textOptions: TextDump.Options, isLive: Bool, printsContainerData: Bool) -> ChiselRun.Options {
        var options = ChiselRun.Options()
        options.filter = textOptions.filter
        options.eventLimit = textOptions.eventLimit
        options.duration = textOptions.duration
        options.bufferFormat = textOptions.bufferFormat
        options.resetsColours = textOptions.resetsColours
        options.environment = ChiselEnvironment(
            isLive: isLive, prefersJSON: textOptions.json, printsContainerData: printsContainerData,
            filter: textOptions.filter?.text ?? "")
        return options
    }

    private static func write(_ text: String, to fd: Int32) {
        var out = OutputBuffer()
        out.append(text)
        out.flush(to: fd)
    }
}
