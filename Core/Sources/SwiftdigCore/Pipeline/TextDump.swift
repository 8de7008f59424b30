// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// The main job of `swiftdig -r`: read a capture and print its events as sysdig prints them.
public enum TextDump {
    /// What to print and how.
    public struct Options: Sendable {
        public var timeFormat: TimeFormat = .human
        public var bufferFormat: BufferFormat = .normal
        /// Buffers longer than this are cut (0: never).
        public var maxBufferLength = 80
        /// Stop after this many events.
        public var eventLimit: UInt64?
        /// Print no events.
        public var quiet = false
        /// Print a table of event counts at the end.
        public var summary = false
        /// Report progress on standard error.
        public var progress = false
        /// A `-p` format string (`nil`: sysdig's default line).
        public var format: String?
        /// Print each event as a JSON object (`-j`).
        public var json = false
        /// The file descriptor to print to.
        public var outputFD: Int32 = 1
        /// Only events this filter matches are counted and printed.
        public var filter: Filter?
        /// Apply ``filter`` to the printed lines only (`-d`), after the state has seen every event,
        /// instead of inside the parser (sysdig's default, where rejected events are not even parsed).
        public var displayFilter = false
        /// Write the events kept to this capture instead of printing them (`-w`).
        public var writePath: String?
        /// gzip the capture written (`-z`).
        public var compress = false
        /// How the capture written is split into several files (`-C`, `-G`, `-e`, `-W`).
        public var rotation = CaptureRotation()
        /// Stop once the events span this many nanoseconds (`-M`, measured on event times as sysdig does).
        public var duration: UInt64?
        /// End the events with a colour reset (`ESC[00m`), as sysdig does when its format has colours.
        public var resetsColours = false
        public init() {}
    }

    /// Reads `path` and prints its events. Events read before a damaged part of the file are
    /// printed before the error is thrown.
    @discardableResult
    public static func run(path: String, options: Options) throws -> UInt64 {
        try run(inspector: Inspector(path: path), options: options)
    }

    /// Prints the events of `inspector` (a file or a live capture), or writes them with
    /// ``Options/writePath``.
    /// - Returns: the number of events the filter kept (sysdig's "Captured Events").
    @discardableResult
    public static func run(inspector: Inspector, options: Options) throws -> UInt64 {
        var formatter = TextFormatter(
            timeFormat: options.timeFormat, bufferFormat: options.bufferFormat,
            maxBufferLength: options.maxBufferLength)
        // The default line has a fast path of its own; other formats and JSON go through the fields.
        let fieldFormatter: EventFormatter?
        let context = FieldContext(
            parser: inspector.parser, bufferFormat: options.bufferFormat, maxBufferLength: options.maxBufferLength)
        context.timeFormat = options.timeFormat
        if options.format != nil || options.json {
            fieldFormatter = try EventFormatter(format: options.format ?? EventFormatter.defaultFormat)
        } else {
            fieldFormatter = nil
        }
        var out = OutputBuffer(capacity: 1 << 17)
        var counts = SummaryCounts()
        var progress = ProgressLine()
        if options.progress { inspector.trackReadProgress() }
        var failure: Error?
        if let filter = options.filter, !options.displayFilter {
            inspector.parser.setFilter(filter, context: context)
        }
        // The context holds the parser and the parser the context: without this, every run with a
        // capture filter kept its whole state alive (found by fuzzing: 2 GiB after 547,000 runs).
        defer { inspector.parser.setFilter(nil, context: context) }
        var delivered: UInt64 = 0
        var durationLimit = options.duration.map(DurationLimit.init)
        let capture = try options.writePath.map { (path) throws(ScapError) in
            // A file started mid-run opens with the state as it is then: each reads on its own.
            try CaptureWriter(path: path, gzip: options.compress, rotation: options.rotation) {
                try writeState(of: inspector.state, machine: inspector.machine, to: $0)
            }
        }
        if let capture { inspector.metadataObserver = { try capture.copy($0) } }
        inspector.parser.isDumping = capture != nil
        inspector.deliversHiddenEvents = capture != nil || options.progress
        inspector.recordsRawEvent = capture != nil
        do {
            // sysdig stops before reading the event after the last one asked for.
            if options.eventLimit != 0 {
                // Live, what was printed goes out before the capture waits for more. (A closure
                // written in the call: one kept in a variable would move `out` to the heap.)
                try inspector.run(beforeWaiting: { out.count == 0 || out.flush(to: options.outputFD) }) { event in
                    if let filterFailure = inspector.parser.filterFailure { throw filterFailure }
                    // Every event read counts for -P, shown or not.
                    if options.progress && event.number % 10000 == 0 { progress.update(inspector.readProgress) }
                    // Events the filter (or sysdig's own rules) hid are neither counted nor printed.
                    let shown = !inspector.parser.filteredOut
                    if let capture, let raw = inspector.rawEvent {
                        let layout = event.layout.pointee
                        let stateNeeded = layout.flags.contains(.modifiesState) || layout.isInternal
                        // A write that became a tracer is written as it was, marked as a tracer.
                        let tracer = inspector.parser.madeTracerEvent ? EventParser.tracerDumpFlag : 0
                        try capture.write(raw, kept: shown, stateNeeded: stateNeeded, extraFlags: tracer)
                    }
                    if !shown { return true }
                    // -M: counted from the first event shown; sysdig stops at the first one past it.
                    if durationLimit?.isReached(at: event.timestamp) == true { return false }
                    delivered += 1
                    if options.summary { counts.count(event) }
                    // Internal events (procinfo and the like) are numbered but never printed.
                    if !options.quiet && !event.layout.pointee.isInternal {
                        let lineStart = out.count
                        if let fieldFormatter {
                            context.firstTimestamp = inspector.firstTimestamp
                            let printed = options.json
                                ? try fieldFormatter.formatJSON(event, context, into: &out)
                                : fieldFormatter.format(event, context, into: &out)
                            if printed { out.append(UInt8(ascii: "\n")) }
                        } else {
                            formatter.format(
                                event, parser: inspector.parser, firstTimestamp: inspector.firstTimestamp, into: &out)
                        }
                        // sysdig's display filter (-d) decides on lines already formatted.
                        if options.displayFilter, out.count > lineStart, let filter = options.filter {
                            context.firstTimestamp = inspector.firstTimestamp
                            if try !filter.matches(event, context) { out.truncate(to: lineStart) }
                        }
                        if out.count >= 1 << 16 && !out.flush(to: options.outputFD) { return false }
                    }
                    return delivered != options.eventLimit
                }
            }
        } catch {
            failure = error
        }
        if options.progress { progress.finish(inspector.readProgress) }
        if options.resetsColours { out.append("\u{1B}[00m") }
        if options.summary { counts.write(into: &out) }
        out.flush(to: options.outputFD)
        // The capture is closed even after a read error: what was written stays readable.
        do { try capture?.close() } catch { failure = failure ?? error }
        if let failure { throw failure }
        return delivered
    }
}

/// The `-P` line on standard error, written as sysdig 0.29.3 writes it: the percentage with two
/// decimals after a carriage return, each time it grew by more than 0.1, the previous one blanked
/// first; at the end, 100.00 and a line end.
struct ProgressLine {
    private var last = 0.0
    private var line: [UInt8] = []
    private var err = OutputBuffer(capacity: 256)

    /// Prints `percent` if it grew enough since the last one printed.
    mutating func update(_ percent: Double) {
        guard percent - last > 0.1 else { return }
        blank()
        var text = [CChar](repeating: 0, count: 64)
        _ = withVaList([percent]) { vsnprintf(&text, text.count, "%.2lf", $0) }
        line = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        err.append(UInt8(ascii: "\r"))
        line.withUnsafeBytes { err.append($0) }
        err.flush(to: 2)
        last = percent
    }

    /// The end of the file (or of the run): the last figure and a line end.
    mutating func finish(_ percent: Double) {
        blank()
        update(percent)
        err.append(UInt8(ascii: "\n"))
        err.flush(to: 2)
    }

    /// Overwrites the line with spaces.
    private mutating func blank() {
        line = [UInt8](repeating: UInt8(ascii: " "), count: line.count)
        err.append(UInt8(ascii: "\r"))
        line.withUnsafeBytes { err.append($0) }
        err.flush(to: 2)
    }
}
