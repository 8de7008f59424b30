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
        public init() {}
    }

    /// Reads `path` and prints its events. Events read before a damaged part of the file are
    /// printed before the error is thrown.
    public static func run(path: String, options: Options) throws {
        let inspector = try Inspector(path: path)
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
        var failure: Error?
        do {
            try inspector.run { event in
                if let limit = options.eventLimit, event.number > limit { return false }
                if options.summary { counts.count(event) }
                if options.quiet { return true }
                // Internal events (procinfo and the like) are numbered but never printed.
                if event.info.category.rawValue & EventCategory.internal.rawValue != 0 { return true }
                if inspector.parser.filteredOut { return true }
                if let fieldFormatter {
                    context.firstTimestamp = inspector.firstTimestamp
                    let printed = options.json
                        ? fieldFormatter.formatJSON(event, context, into: &out)
                        : fieldFormatter.format(event, context, into: &out)
                    if printed { out.append(UInt8(ascii: "\n")) }
                } else {
                    formatter.format(
                        event, parser: inspector.parser, firstTimestamp: inspector.firstTimestamp, into: &out)
                }
                if out.count >= 1 << 16 {
                    if !out.flush(to: options.outputFD) { return false }
                }
                return true
            }
        } catch {
            failure = error
        }
        if options.summary { counts.write(into: &out) }
        out.flush(to: options.outputFD)
        if let failure { throw failure }
    }
}
