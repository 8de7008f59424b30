// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import ChiselHost
import SwiftdigCapture
import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

@main
struct Swiftdig: ParsableCommand {
    /// Parses the command line as sysdig's getopt does first (`-pc` is `-p c`), then runs.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `swiftdig merge PARTS...`: a command of its own (sysdig has no such word).
        if arguments.first == "merge" {
            MergeCommand.main(Array(arguments.dropFirst()))
            return
        }
        let words = GetoptArguments.normalize(arguments)
        BatchCommandLine.words = words
        main(ChiselOptions.takeChisels(from: words))
        // A chisel may ask for a second run once the first has ended (sysdig's `run_app`: `around`
        // and the log chisels write the events around what they found to a file).
        if let next = ChiselOptions.nextRun {
            ChiselOptions.nextRun = nil
            ChiselOptions.requests = []
            main(ChiselOptions.takeChisels(from: GetoptArguments.normalize(next)))
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "swiftdig",
        abstract: "Explore and troubleshoot a Linux system from its system calls.",
        discussion: """
            Reads a capture in the scap format (written by sysdig, Falco's libraries or swiftdig) and prints \
            its events the way sysdig does, filters them with sysdig's filter language, and runs chisels \
            written in Swift (-c NAME [ARGS], or -c FILE.swift; -cl lists them, -i NAME describes one).

            EXAMPLES:
              swiftdig -r trace.scap                     # every event, one per line
              swiftdig -r trace.scap "proc.name=curl"    # the events a filter matches
              swiftdig -r trace.scap -p "*%proc.name %fd.name"  # the fields you choose
              swiftdig -r trace.scap -j                  # one JSON object per event
              swiftdig -r trace.scap -w out.scap -z "fd.type=ipv4"  # a smaller capture
              swiftdig -r trace.scap -c topprocs_net     # a chisel
              swiftdig -r trace.scap -q -S               # how often each event happened
              swiftdig -l                                # every field (docs/filters.md)
              swiftdig -r archive/ "proc.name=curl"      # every capture of a folder, on all cores
              swiftdig -r 'out.scap*' --pieces           # the rotation files of one -C run, as one capture

            SEVERAL CAPTURES: -r takes a file, a folder (its .scap and .scap.gz files, recursively, by \
            path), a quoted glob, and can be given several times. By default they are independent \
            captures: each is read with its own state, as if run alone, --jobs at a time, and the output \
            is the concatenation of the file-by-file runs, in file order. A file that fails does not stop \
            the others: failures are listed at the end and the exit status is 1. Chisels see the files \
            one after the other in one process. With --pieces they are one capture in pieces (the \
            rotation files of one -C/-G/-e run): read in the order of their first events, with the state, \
            event numbers and relative times carried across, printed as one file. See docs/batch.md.
            """,
        version: "swiftdig 0.1.0 (sysdig 0.29.3 compatible)"
    )

    @Option(
        name: .customShort("r"),
        help: ArgumentHelp(
            "Read events from the capture <file>: a file, a folder or a quoted glob; may be repeated (see SEVERAL CAPTURES).",
            valueName: "file"))
    var readFiles: [String] = []

    @Flag(
        name: .customLong("pieces"),
        help: "The -r files are the pieces of one capture (rotation files), not independent captures.")
    var pieces = false

    @Option(
        name: .customLong("jobs"),
        help: ArgumentHelp("Independent captures read at once (default: the number of processors).", valueName: "n"))
    var jobs: Int?

    /// The one file of a single-file run.
    private var readFile: String? { readFiles.first }

    @Option(name: .customShort("w"), help: ArgumentHelp("Write the kept events to capture <file>.", valueName: "file"))
    var writeFile: String?

    @Flag(name: .customShort("z"), help: "gzip the capture written with -w.")
    var compress = false

    @Option(
        name: [.customShort("C"), .customLong("file-size")],
        help: ArgumentHelp("With -w, start a new file every <size> million bytes (files <file>0, <file>1, ...).", valueName: "size"))
    var fileSize: Int?

    @Option(
        name: [.customShort("G"), .customLong("seconds")],
        help: ArgumentHelp("With -w, start a new file every <num> seconds (a % in the -w name is a strftime format).", valueName: "num"))
    var rotateSeconds: Int?

    @Option(name: .customShort("e"), help: ArgumentHelp("With -w, start a new file every <num> events.", valueName: "num"))
    var rotateEvents: UInt64?

    @Option(
        name: [.customShort("W"), .customLong("limit")],
        help: ArgumentHelp("With -C, -G or -e, keep at most <num> files, reusing the oldest names.", valueName: "num"))
    var fileLimit: Int?

    @Flag(
        name: [.customShort("F"), .customLong("fatfile")],
        help: "With -w, also write the events the filter drops whose parsing changes the state, for readers to parse only (a fat file). swiftdig always does.")
    var fatFile = false

    @Option(
        name: [.customShort("M")],
        help: ArgumentHelp("Stop after <num> seconds of events.", valueName: "num"))
    var durationSeconds: Int?

    @Flag(name: [.customShort("E"), .customLong("exclude-users")], help: "Live: do not read users and groups into the state.")
    var excludeUsers = false

    @Flag(name: [.customShort("D"), .customLong("debug")], help: "Live: capture swiftdig's own events too (hidden by default).")
    var debug = false

    @Flag(name: .customShort("B"), help: "Live: use the eBPF driver (swiftdig's only driver; accepted for sysdig's command lines).")
    var bpf = false

    @Flag(name: .customLong("page-faults"), help: "Live: capture page faults too.")
    var pageFaults = false

    @Flag(name: .customShort("A"), help: "Print only the printable part of buffers, with their line ends.")
    var ascii = false

    @Flag(name: .customShort("x"), help: "Print buffers in hex.")
    var hex = false

    @Flag(name: .customShort("X"), help: "Print buffers in hex and ASCII.")
    var hexAscii = false

    @Flag(name: .customShort("b"), help: "Print buffers in base64.")
    var base64 = false

    @Flag(name: .customShort("v"), help: "Print whole buffers instead of their first 80 bytes, and counters at the end (on standard error).")
    var verbose = false

    @Option(
        name: .customShort("s"),
        help: ArgumentHelp("Capture <len> bytes of each I/O buffer (a live-capture setting; read captures keep theirs).",
            valueName: "len"))
    var snaplen: Int?

    @Option(
        name: .customShort("t"),
        help: ArgumentHelp(
            "Print times as h (hh:mm:ss.ns), a (seconds since the epoch), r (since the first event), d (the system call's latency) or D (since the previous event printed).",
            valueName: "h|a|r|d|D"))
    var timeFormat: String?

    @Option(name: .customShort("n"), help: ArgumentHelp("Stop after <num> events.", valueName: "num"))
    var count: UInt64?

    @Flag(name: .customShort("q"), help: "Print no events (use with -S or -w).")
    var quiet = false

    @Flag(name: .customShort("S"), help: "Print a table of how many times each event happened, at the end.")
    var summary = false

    @Flag(name: .customShort("P"), help: "Print the progress of reading the capture on standard error.")
    var progress = false

    @Flag(name: .customShort("L"), help: "List the events swiftdig knows, with their parameters.")
    var listEvents = false

    @Flag(name: [.customShort("d"), .customLong("displayflt")], help: "Apply the filter to the printed events only, after the state has seen them all.")
    var displayFilter = false

    @Flag(name: .customShort("l"), help: "List the fields that filters and -p formats can use (with -v, their types).")
    var listFields = false

    @Flag(name: .customLong("list-markdown"), help: "List the fields as a Markdown document.")
    var listMarkdown = false

    @Option(
        name: .customShort("p"),
        help: ArgumentHelp(
            """
            Print events with <format>: literal text and %field tokens (%20field pads or cuts to 20 \
            characters). A leading * prints every event, with <NA> for missing values; without it, only \
            events where every field has a value print. -pc (or -pcontainer) prints container columns; \
            -pp shows the default format.
            """,
            valueName: "format"))
    var printFormat: String?

    @Option(
        name: .customLong("partial-out"),
        help: ArgumentHelp(
            "With -c, write the chisel's partial result to <file> instead of its output, for swiftdig merge (docs/batch.md).",
            valueName: "file"))
    var partialOut: String?

    @Flag(name: .customShort("j"), help: "Print each event as a JSON object (with -p: its fields).")
    var json = false

    @Option(
        name: [.customShort("i"), .customLong("chisel-info")],
        help: ArgumentHelp("Print the description and arguments of <chisel>.", valueName: "chisel"))
    var chiselInfo: String?

    @Argument(help: ArgumentHelp("A filter: only the events it matches are printed.", valueName: "filter"))
    var filter: [String] = []

    func validate() throws {
        if [ascii, hex, hexAscii, base64].filter({ $0 }).count > 1 {
            throw ValidationError("choose one buffer format: -A, -x, -X or -b.")
        }
        if let t = timeFormat, t.count != 1 || !"hardD".contains(t) {
            throw ValidationError("-t takes one of h, a, r, d or D, not '\(t)'.")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs takes a number of at least 1, not \(jobs).") }
    }

    func run() throws {
        if listEvents {
            writeAll(eventListingText())
            return
        }
        if listFields || listMarkdown {
            writeAll(fieldListingText(verbose: verbose, markdown: listMarkdown))
            return
        }
        if let chiselInfo {
            writeAll(try ChiselOptions.details(of: chiselInfo))
            return
        }
        // sysdig colours its lines on a terminal, and resets the colours when the events end if the
        // format (or its plugin format, which only a custom -p replaces) has escapes.
        let onTerminal = BatchCommandLine.printsToTerminal
        if printFormat == "p" {
            writeAll((onTerminal ? EventFormatter.terminalFormat : EventFormatter.defaultFormat) + "\n")
            return
        }
        var bufferFormat: BufferFormat = ascii ? .ascii : hex ? .hex : hexAscii ? .hexAscii : base64 ? .base64 : .normal
        if json {
            bufferFormat = ascii ? .jsonAscii : hex ? .jsonHex : hexAscii ? .jsonHexAscii : base64 ? .jsonBase64 : .json
        }
        var options = TextDump.Options()
        options.timeFormat = TimeFormat(rawValue: timeFormat?.first ?? "h") ?? .human
        options.bufferFormat = bufferFormat
        options.maxBufferLength = verbose ? 0 : 80
        options.eventLimit = count
        options.quiet = quiet
        options.summary = summary
        options.progress = progress
        options.displayFilter = displayFilter
        options.json = json
        if let durationSeconds, durationSeconds <= 0 { fail("invalid duration\(durationSeconds)") }
        if let durationSeconds { options.duration = UInt64(max(durationSeconds, 0)) * 1_000_000_000 }
        if let writeFile {
            options.writePath = writeFile
            options.compress = compress
            options.quiet = true  // as sysdig: -w writes instead of printing
            options.progress = readFile != nil  // and shows its progress while it writes from a file
            options.rotation.megabytes = fileSize ?? 0
            options.rotation.seconds = rotateSeconds ?? 0
            options.rotation.eventLimit = rotateEvents ?? 0
            options.rotation.fileLimit = fileLimit ?? 0
            options.rotation.isLive = readFile == nil
        }
        switch printFormat {
        case "c", "container":
            options.format = EventFormatter.containerFormat
            options.resetsColours = onTerminal
        case .some(let format):
            options.format = escapeFormat(format)
            options.resetsColours = options.format!.contains("\u{1B}")
        case nil:
            if onTerminal { options.format = escapeFormat(EventFormatter.terminalFormat) }
            options.resetsColours = onTerminal
        }
        var files: [String] = []
        do {
            files = try CaptureSet.files(for: readFiles)
        } catch {
            fail("swiftdig: \(error.description)")
        }
        if files.count > 1 && !pieces {
            return runIndependent(files, options: options, printsContainerData: printFormat == "c" || printFormat == "container")
        }
        var piecesProgress: BatchProgress?
        if files.count > 1 {
            files = CaptureSet.orderedAsPieces(files)
            // The pieces' bar replaces -P's percentage of one file.
            piecesProgress = BatchProgress(files: files, enabled: progress || isatty(2) != 0)
            options.progress = false
        }
        do {
            // Like sysdig, the arguments after the options are one filter, joined by spaces.
            if !filter.isEmpty { options.filter = try Filter(compiling: filter.joined(separator: " ")) }
            // Ctrl-C and SIGTERM end the run as the end of the input would: outputs complete.
            RunInterruption.installSignalHandlers()
            let inspector = try files.isEmpty
                ? Inspector(source: try startLiveCapture())
                : files.count == 1 ? Inspector(path: files[0]) : Inspector(pieces: files)
            // sysdig scans its thread table by event time in live captures only.
            if files.isEmpty { inspector.threadPurge = ThreadPurge(isAlive: ThreadLiveness.isAlive) }
            if let piecesProgress {
                inspector.pieceStarted = { [unowned inspector] index, _ in
                    piecesProgress.update(files: index, bytes: piecesProgress.bytes(ofFirst: index), events: inspector.eventCount)
                }
            }
            defer { piecesProgress.map { $0.finish(files: files.count, bytes: $0.totalBytes, events: inspector.eventCount) } }
            let clockStart = clock()
            let captured: UInt64
            if !ChiselOptions.requests.isEmpty {
                captured = try ChiselOptions.run(
                    inspector: inspector, textOptions: options,
                    printsContainerData: printFormat == "c" || printFormat == "container", partialOutput: partialOut)
            } else {
                if partialOut != nil { fail("swiftdig: --partial-out needs a chisel (-c)") }
                captured = try TextDump.run(inspector: inspector, options: options)
            }
            if verbose { printCounters(inspector.statistics, captured: captured, since: clockStart) }
            warnOfDrops(inspector.statistics)
            BatchCommandLine.report(events: inspector.eventCount)
        } catch let error as CaptureError {
            fail("swiftdig: \(error.description)")
        } catch let error as ScapError {
            fail("swiftdig: \(error.description)")
        } catch let error as FilterError {
            fail(error.description)
        } catch let error as FieldError {
            fail(error.message)
        } catch let error as ChiselRunError {
            fail("swiftdig: \(error.description)")
        } catch let error as PartialMergeError {
            fail("swiftdig: \(error.description)")
        }
    }

    /// Reads several independent captures: each in a child process, `--jobs` at a time, the output in
    /// file order; with chisels, one after the other in this process. Failed files are listed at the
    /// end, and make the exit status 1.
    func runIndependent(_ files: [String], options: TextDump.Options, printsContainerData: Bool) {
        if writeFile != nil {
            fail("swiftdig: -w writes one capture: give --pieces to join the pieces of one capture, or write the files one by one")
        }
        if partialOut != nil && ChiselOptions.requests.isEmpty { fail("swiftdig: --partial-out needs a chisel (-c)") }
        let showsProgress = progress || isatty(2) != 0
        var failures: [BatchRunner.Failure] = []
        do {
            var textOptions = options
            // The filter is checked once here rather than failing in every child.
            if !filter.isEmpty { textOptions.filter = try Filter(compiling: filter.joined(separator: " ")) }
            RunInterruption.installSignalHandlers()
            let jobCount = jobs ?? BatchCommandLine.coreCount
            var batch = BatchRunner.Options(
                executable: BatchCommandLine.executable, arguments: BatchCommandLine.childArguments(), jobs: jobCount)
            batch.showsProgress = showsProgress
            if isatty(1) != 0 { batch.environment.append("\(BatchCommandLine.terminalVariable)=1") }
            if ChiselOptions.requests.isEmpty {
                failures = try BatchRunner(files: files, options: batch).run()
            } else if ChiselOptions.mergeInParallel(textOptions: textOptions, printsContainerData: printsContainerData) {
                failures = try ChiselOptions.runMerging(captures: files, batch: batch, partialOutput: partialOut)
            } else {
                if partialOut != nil { fail("swiftdig: --partial-out over several captures needs one chisel that merges") }
                failures = try ChiselOptions.run(
                    captures: files, textOptions: textOptions, printsContainerData: printsContainerData,
                    showsProgress: showsProgress, jobs: jobCount)
            }
        } catch let error as FilterError {
            fail(error.description)
        } catch let error as ChiselRunError {
            fail("swiftdig: \(error.description)")
        } catch let error as PartialMergeError {
            fail("swiftdig: \(error.description)")
        } catch let error as ChiselLoadError {
            fail("swiftdig: \(error.description)")
        } catch {
            fail("swiftdig: \(error)")
        }
        BatchCommandLine.reportFailures(failures, total: files.count)
        if !failures.isEmpty { Swiftdig.exit(withError: ExitCode(1)) }
    }

    /// Starts capturing the live system with the command line's settings.
    func startLiveCapture() throws -> LiveCapture {
        var live = LiveCapture.Options()
        if let snaplen { live.snaplen = UInt32(clamping: max(snaplen, 0)) }
        live.includesOwnEvents = debug
        live.pageFaults = pageFaults
        live.includesUsers = !excludeUsers
        return try LiveCapture(options: live)
    }

    /// sysdig's `-v` lines at the end of a run, on standard error: the driver's counters, then the
    /// processor time the run took and the events it kept.
    func printCounters(_ counters: CaptureStatistics, captured: UInt64, since start: clock_t) {
        let seconds = Double(clock() - start) / Double(CLOCKS_PER_SEC)
        var text = [CChar](repeating: 0, count: 256)
        _ = withVaList([counters.events, counters.drops, counters.suppressed]) {
            vsnprintf(&text, text.count, "Driver Events:%llu\nDriver Drops:%llu\nSuppressed by Comm:%llu\n", $0)
        }
        var out = OutputBuffer()
        let printed = { String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        out.append(printed())
        _ = withVaList([seconds, captured, Double(captured) / seconds]) {
            vsnprintf(&text, text.count, "Elapsed time: %.3lf, Captured Events: %llu, %.2lf eps\n", $0)
        }
        out.append(printed())
        out.flush(to: 2)
    }

    /// One line on standard error at the end of a live run that lost events, `-v` or not: the
    /// driver's buffer filled faster than swiftdig read it (sysdig shows it as `Driver Drops`).
    func warnOfDrops(_ counters: CaptureStatistics) {
        guard counters.drops > 0 else { return }
        var out = OutputBuffer()
        out.append(DropWarning.line(counters) + "\n")
        out.flush(to: 2)
    }

    /// Prints one error line on standard error and exits with status 1.
    func fail(_ message: String) -> Never {
        var out = OutputBuffer()
        out.append(message + "\n")
        out.flush(to: 2)
        Swiftdig.exit(withError: ExitCode(1))
    }

    /// A format with sysdig's escapes replaced: `\n`, `\t`, `\e` (for colours) and `\\`.
    private func escapeFormat(_ format: String) -> String {
        var out = ""
        var chars = format.makeIterator()
        while let c = chars.next() {
            guard c == "\\" else {
                out.append(c)
                continue
            }
            switch chars.next() {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "e": out.append("\u{1B}")
            case "\\": out.append("\\")
            case let other?: out.append("\\"); out.append(other)
            case nil: out.append("\\")
            }
        }
        return out
    }

    private func writeAll(_ text: String) {
        var out = OutputBuffer()
        out.append(text)
        out.flush(to: 1)
    }
}
