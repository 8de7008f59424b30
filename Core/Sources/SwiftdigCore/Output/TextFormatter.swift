// SPDX-License-Identifier: Apache-2.0

/// Writes events in sysdig's default line format:
/// `%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info`.
///
/// The line is built straight into an ``OutputBuffer``: no strings per event.
public struct TextFormatter {
    /// How `evt.outputtime` prints.
    public var timeFormat: TimeFormat
    /// Renders the parameters that `evt.info` lists.
    public var renderer: ParamRenderer
    private var previousPrintedTS: UInt64 = 0

    /// Creates a formatter.
    public init(timeFormat: TimeFormat = .human, bufferFormat: BufferFormat = .normal, maxBufferLength: Int = 80) {
        self.timeFormat = timeFormat
        self.renderer = ParamRenderer(bufferFormat: bufferFormat, maxBufferLength: maxBufferLength)
    }

    /// Appends the line for `event` (with its newline) to `out`.
    /// - Parameters:
    ///   - firstTimestamp: the timestamp of the capture's first event, for relative time.
    public mutating func format(
        _ event: Event, parser: EventParser, firstTimestamp: UInt64, into out: inout OutputBuffer
    ) {
        out.append(decimal: event.number)
        out.append(UInt8(ascii: " "))
        appendTime(event, parser: parser, firstTimestamp: firstTimestamp, into: &out)
        out.append(UInt8(ascii: " "))
        out.append(decimal: UInt64(event.cpu))
        out.append(UInt8(ascii: " "))
        if let t = parser.thread { out.append(t.comm) } else { out.append("<NA>") }
        out.append(" (")
        out.append(decimal: event.tid)
        out.append(") ")
        out.append(event.isEnter ? UInt8(ascii: ">") : UInt8(ascii: "<"))
        out.append(UInt8(ascii: " "))
        appendType(event, into: &out)
        out.append(UInt8(ascii: " "))
        Self.appendEventInfo(event, parser: parser, renderer: &renderer, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// `evt.type`: the event's name, or the system call's for generic events.
    public func appendType(_ event: Event, into out: inout OutputBuffer) {
        Self.appendType(event, into: &out)
    }

    /// `evt.type` of `event` (shared with the `evt.type` field).
    public static func appendType(_ event: Event, into out: inout OutputBuffer) {
        let type = event.type
        if type == EventCode.genericE || type == EventCode.genericX {
            let id = Int(event.integer(0, as: UInt16.self) ?? 0)
            out.append(SyscallNames.name(forPPMSC: UInt16(id)) ?? "")
        } else {
            out.append(event.info.name)
        }
    }

    /// `evt.outputtime` in the chosen ``TimeFormat``.
    public mutating func appendTime(
        _ event: Event, parser: EventParser, firstTimestamp: UInt64, into out: inout OutputBuffer
    ) {
        let ts = event.timestamp
        switch timeFormat {
        case .human:
            out.appendClock(ts)
        case .absolute:
            // sysdig does not pad the nanoseconds here.
            out.append(decimal: ts / 1_000_000_000)
            out.append(UInt8(ascii: "."))
            out.append(decimal: ts % 1_000_000_000)
        case .relative:
            out.appendSeconds(ts &- firstTimestamp)
        case .latency:
            if let t = parser.thread { out.appendSeconds(t.latency) } else { out.append("0.000000000") }
        case .delta:
            if previousPrintedTS == 0 { previousPrintedTS = ts }
            out.appendSeconds(ts &- previousPrintedTS)
            previousPrintedTS = ts
        }
    }

    /// `evt.args`: `name=value` or `name=value(resolved)` for every parameter, each followed by a
    /// space; nothing for generic events.
    public mutating func appendInfo(_ event: Event, parser: EventParser, into out: inout OutputBuffer) {
        Self.appendInfo(event, parser: parser, renderer: &renderer, into: &out)
    }

    /// `evt.info`: for a syslog message written to `/dev/log` its summary, else the parameters as
    /// ``appendInfo(_:parser:renderer:into:)`` lists them (shared with the `evt.info` field).
    public static func appendEventInfo(
        _ event: Event, parser: EventParser, renderer: inout ParamRenderer, into out: inout OutputBuffer
    ) {
        if let message = SyslogMessage(event, parser: parser) {
            message.appendSummary(into: &out)
        } else {
            appendInfo(event, parser: parser, renderer: &renderer, into: &out)
        }
    }

    /// The parameters of `event`, rendered with `renderer` (shared with the `evt.args` field).
    public static func appendInfo(
        _ event: Event, parser: EventParser, renderer: inout ParamRenderer, into out: inout OutputBuffer
    ) {
        let type = event.type
        if type == EventCode.genericE || type == EventCode.genericX { return }
        let count = min(event.paramCount, event.info.legacyParamCount)
        var i = 0
        while i < count {
            renderer.render(event, i, parser: parser)
            out.append(event.info.params[i].name)
            out.append(UInt8(ascii: "="))
            Self.appendCStringPrefix(renderer.value.bytes, into: &out)
            if renderer.resolved.count != 0 {
                out.append(UInt8(ascii: "("))
                Self.appendCStringPrefix(renderer.resolved.bytes, into: &out)
                out.append(UInt8(ascii: ")"))
            }
            out.append(UInt8(ascii: " "))
            i += 1
        }
    }

    /// Appends bytes up to the first NUL, as sysdig's C strings end there.
    @inline(__always) static func appendCStringPrefix(_ bytes: [UInt8], into out: inout OutputBuffer) {
        bytes.withUnsafeBytes { raw in
            if let nul = raw.firstIndex(of: 0) {
                out.append(UnsafeRawBufferPointer(rebasing: raw[0..<nul]))
            } else {
                out.append(raw)
            }
        }
    }
}
