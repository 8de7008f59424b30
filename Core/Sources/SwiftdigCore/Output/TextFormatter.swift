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
    /// `hh:mm:ss` of the last second printed, as 8 bytes, and that second (events come in bursts
    /// within one second: the clock's divisions are done once per second).
    private var clockSecond: UInt64 = .max
    private var clockText: UInt64 = 0

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
        out.append(maxCount: 21) {
            $0.put(decimal: event.number)
            $0.put(UInt8(ascii: " "))
        }
        appendTime(event, parser: parser, firstTimestamp: firstTimestamp, into: &out)
        let na: StaticString = "<NA>"
        let comm = parser.threadRef?._withUnsafeGuaranteedRef { $0.commBytes.raw }
            ?? UnsafeRawBufferPointer(start: na.utf8Start, count: 4)
        let name = Self.typeName(event)
        out.append(maxCount: comm.count + name.count + 41) {
            put(event, comm: comm, into: &$0)
            $0.put(name)
            $0.put(UInt8(ascii: " "))
        }
        Self.appendEventInfo(event, parser: parser, renderer: &renderer, into: &out)
        out.append(UInt8(ascii: "\n"))
    }

    /// ` cpu comm (tid) dir `: the part of the line between the time and the type.
    @inline(__always) private func put(_ event: Event, comm: UnsafeRawBufferPointer, into c: inout OutputBuffer.Cursor) {
        c.put(UInt8(ascii: " "))
        c.put(decimal: UInt64(event.cpu))
        c.put(UInt8(ascii: " "))
        c.put(comm)
        c.put(UInt8(ascii: " "))
        c.put(UInt8(ascii: "("))
        c.put(decimal: event.tid)
        c.put(UInt8(ascii: ")"))
        c.put(UInt8(ascii: " "))
        c.put(event.isEnter ? UInt8(ascii: ">") : UInt8(ascii: "<"))
        c.put(UInt8(ascii: " "))
    }

    /// `evt.type`: the event's name, or the system call's for generic events.
    public func appendType(_ event: Event, into out: inout OutputBuffer) {
        Self.appendType(event, into: &out)
    }

    /// `evt.type` of `event` (shared with the `evt.type` field).
    public static func appendType(_ event: Event, into out: inout OutputBuffer) {
        out.append(typeName(event))
    }

    @inline(__always) private static func typeName(_ event: Event) -> UnsafeRawBufferPointer {
        let layout = event.layout
        guard layout.pointee.isGeneric else { return layout.pointee.name.raw }
        return EventLayouts.syscallName(event.integer(0, as: UInt16.self) ?? 0)
    }

    /// `evt.outputtime` in the chosen ``TimeFormat``.
    public mutating func appendTime(
        _ event: Event, parser: EventParser, firstTimestamp: UInt64, into out: inout OutputBuffer
    ) {
        let ts = event.timestamp
        switch timeFormat {
        case .human:
            let second = ts / 1_000_000_000
            if second != clockSecond {
                var text = OutputBuffer(capacity: 16)
                text.appendClock(ts, nanoseconds: false)
                clockText = text.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                clockSecond = second
            }
            let text = clockText
            out.append(maxCount: 18) { c in
                withUnsafeBytes(of: text) { c.put($0) }
                c.put(UInt8(ascii: "."))
                c.put(digits: ts % 1_000_000_000, width: 9)
            }
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
            // No value or resolved form holds a NUL: payload strings end at theirs and names from
            // the state were cut at theirs, as sysdig's C strings are.
            renderer.renderAppending(event, i, payload, params + i, parser: parser)
            if renderer.resolved.count != 0 {
                let resolved = renderer.resolved
                renderer.value.append(maxCount: resolved.count + 3) { c in
                    c.put(UInt8(ascii: "("))
                    resolved.withUnsafeBytes { c.put($0) }
                    c.put(UInt8(ascii: ")"))
                    c.put(UInt8(ascii: " "))
                }
            } else {
                renderer.value.append(UInt8(ascii: " "))
            }
            i &+= 1
        }
        swap(&out, &renderer.value)
    }

    /// Appends bytes up to the first NUL, as sysdig's C strings end there.
    @inline(__always) static func appendCStringPrefix(_ bytes: [UInt8], into out: inout OutputBuffer) {
        bytes.withUnsafeBytes { appendCStringPrefix($0, into: &out) }
    }

    /// Appends bytes up to the first NUL, as sysdig's C strings end there.
    @inline(__always) static func appendCStringPrefix(_ raw: UnsafeRawBufferPointer, into out: inout OutputBuffer) {
        if let nul = raw.firstIndex(of: 0) {
            out.append(UnsafeRawBufferPointer(rebasing: raw[0..<nul]))
        } else {
            out.append(raw)
        }
    }
}
