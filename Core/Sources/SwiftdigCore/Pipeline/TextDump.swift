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
        /// The file descriptor to print to.
        public var outputFD: Int32 = 1
        public init() {}
    }

    /// Reads `path` and prints its events. Events read before a damaged part of the file are
    /// printed before the error is thrown.
    public static func run(path: String, options: Options) throws {
        let inspector = try Inspector(path: path)
        var formatter = TextFormatter(
            timeFormat: options.timeFormat, bufferFormat: options.bufferFormat,
            maxBufferLength: options.maxBufferLength)
        var out = OutputBuffer(capacity: 1 << 17)
        var counts = SummaryCounts()
        var progress = ProgressLine()
        if options.progress { inspector.trackReadProgress() }
        var failure: Error?
        do {
            // sysdig stops before reading the event after the last one asked for.
            if options.eventLimit != 0 {
                try inspector.run { event in
                    if options.summary { counts.count(event) }
                    if options.progress && event.number % 10000 == 0 { progress.update(inspector.readProgress) }
                    if !options.quiet
                        // Internal events (procinfo and the like) are numbered but never printed.
                        && !event.layout.pointee.isInternal && !inspector.parser.filteredOut
                    {
                        formatter.format(
                            event, parser: inspector.parser, firstTimestamp: inspector.firstTimestamp, into: &out)
                        if out.count >= 1 << 16 && !out.flush(to: options.outputFD) { return false }
                    }
                    return event.number != options.eventLimit
                }
            }
        } catch {
            failure = error
        }
        if options.progress { progress.finish(inspector.readProgress) }
        if options.summary { counts.write(into: &out) }
        out.flush(to: options.outputFD)
        if let failure { throw failure }
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
