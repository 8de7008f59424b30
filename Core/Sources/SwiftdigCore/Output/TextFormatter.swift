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
        if let t = parser.thread { out.append(t.commBytes.raw) } else { out.append("<NA>") }
        out.append(" (")
        out.append(decimal: event.tid)
        out.append(") ")
        out.append(event.isEnter ? UInt8(ascii: ">") : UInt8(ascii: "<"))
        out.append(UInt8(ascii: " "))
        appendType(event, into: &out)
        out.append(UInt8(ascii: " "))
        appendInfo(event, parser: parser, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// `evt.type`: the event's name, or the system call's for generic events.
    public func appendType(_ event: Event, into out: inout OutputBuffer) {
        let layout = event.layout
        if layout.pointee.isGeneric {
            let id = Int(event.integer(0, as: UInt16.self) ?? 0)
            out.append(SyscallNames.name(forPPMSC: UInt16(id)) ?? "")
        } else {
            out.append(layout.pointee.name.raw)
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

    /// `evt.info`: `name=value` or `name=value(resolved)` for every parameter, each followed by a
    /// space; nothing for generic events.
    public mutating func appendInfo(_ event: Event, parser: EventParser, into out: inout OutputBuffer) {
        let layout = event.layout
        if layout.pointee.isGeneric { return }
        let count = min(event.paramCount, layout.pointee.legacyParamCount)
        guard count > 0 else { return }
        let params = layout.pointee.params.baseAddress!
        // The renderer writes values straight into the line: lend it the line's buffer.
        swap(&out, &renderer.value)
        var offset = event.valuesOffset
        var i = 0
        while i < count {
            let payload = event.param(i, at: offset)
            offset &+= payload.count
            renderer.value.append(params[i].label.raw)
            let start = renderer.value.count
            renderer.renderAppending(event, i, payload, params + i, parser: parser)
            renderer.value.cutAtNUL(from: start)
            if renderer.resolved.count != 0 {
                renderer.value.append(UInt8(ascii: "("))
                let start = renderer.value.count
                renderer.value.append(renderer.resolved)
                renderer.value.cutAtNUL(from: start)
                renderer.value.append(UInt8(ascii: ")"))
            }
            renderer.value.append(UInt8(ascii: " "))
            i &+= 1
        }
        swap(&out, &renderer.value)
    }
}
