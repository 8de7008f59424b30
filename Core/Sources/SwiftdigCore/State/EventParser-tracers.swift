// SPDX-License-Identifier: Apache-2.0

/// Tracers: writes to `/dev/null` in the tracer format become `tracer` events (libsinsp's
/// `detect_and_process_tracer_write` and `parse_tracer`).
///
/// An fd opened on `/dev/null` is a tracer file; its first write that decodes as a whole tracer
/// makes it a tracer fd, one that does not decode makes it an ordinary file for good. On a tracer
/// fd every read or write exit is a tracer: the event shown is a `tracer` event in place of the
/// write (``EventParser/tracerEvent``), a tracer still incomplete is hidden, and text
/// that is no tracer shows as an enter tracer tagged `invalid tracer ...`.
extension EventParser {
    /// The dump flag of an event that was a tracer when written (`SCAP_DF_TRACER`).
    public static let tracerDumpFlag: UInt32 = 2

    /// A write enter on a tracer fd is hidden (its exit shows as the tracer), unless the run writes a
    /// capture.
    func parseWriteEnter(_ event: Event) {
        // The bookkeeping before parsing found the fd.
        guard !isDumping, let fdi = fdInfoRef else { return }
        if fdi._withUnsafeGuaranteedRef({ $0.flags.contains(.isTracerFD) }) { filteredOut = true }
    }

    /// For a read or write exit on `fdi`: decodes it as a tracer when the fd is one (or may be).
    /// Returns true when the event became a tracer.
    func detectTracerWrite(_ event: Event, _ fdi: FDInfo) -> Bool {
        let flags = fdi.flags
        if flags.contains(.isNotTracerFD) { return false }
        if flags.contains(.isTracerFD) {
            parseTracer(event)
            return true
        }
        guard flags.contains(.isTracerFile), event.layout.pointee.flags.contains(.writesToFD) else { return false }
        switch parseTracer(event) {
        case .ok:
            fdi.flags.insert(.isTracerFD)
            return true
        case .failed:
            fdi.flags.insert(.isNotTracerFD)
        default:
            break
        }
        return false
    }

    /// Decodes the data of `event` (its parameter 1) as the thread's next tracer text and, when it
    /// is a tracer (or no tracer on a tracer fd), makes the tracer event that stands for it.
    @discardableResult
    func parseTracer(_ event: Event) -> TracerParser.Result {
        guard let t = thread else { return .failed }
        let parser = t.tracerParser ?? TracerParser()
        t.tracerParser = parser
        parser.tid = t.tid
        parser.pid = t.pid
        parser.ptid = t.ptid
        let data = event.param(1) ?? UnsafeRawBufferPointer(start: nil, count: 0)
        let result = parser.decode(data)
        if result == .ok && TracerTracking.isRequested { parser.track(in: spans, time: event.timestamp) }
        switch result {
        case .truncated:
            if !isDumping { filteredOut = true }
            return result
        case .ok:
            makeTracerEvent(event, enter: parser.isEnter, id: parser.id, parser: parser)
        default:
            guard let fdi = fdInfo, fdi.flags.contains(.isTracerFD) else { return result }
            // No direction is known: an enter, with the text as its only tag.
            parser.setInvalid(data)
            makeTracerEvent(event, enter: true, id: 0, parser: parser)
        }
        fdInfo = nil
        t.lastEventFD = -1
        t.lastEventType = EventCode.tracerE
        t.latency = 0
        t.lastLatencyEnterTime = 0
        return result
    }

    /// Writes the tracer event standing for `event` into ``tracerScratch``: parameters `id`, the
    /// tags (each ended by a NUL) and the arguments (name and value, each ended by a NUL).
    private func makeTracerEvent(_ event: Event, enter: Bool, id: Int64, parser: TracerParser) {
        let scratch = tracerScratch
        scratch.reset()
        scratch.append(event.timestamp)
        scratch.append(UInt64(bitPattern: event.tid))
        scratch.append(UInt32(0))  // the length, below
        scratch.append(enter ? EventCode.tracerE : EventCode.tracerE + 1)
        scratch.append(UInt32(3))
        let lengths = scratch.count
        for _ in 0..<3 { scratch.append(UInt32(0)) }
        scratch.append(id)
        var start = scratch.count
        parser.forEachTag { tag in
            scratch.append(tag)
            scratch.append(UInt8(0))
        }
        scratch.store(UInt32(8), at: lengths)
        scratch.store(UInt32(scratch.count - start), at: lengths + 4)
        start = scratch.count
        for (name, value) in zip(parser.argNames, parser.argValues) {
            scratch.append(parser.bytes(name))
            scratch.append(UInt8(0))
            scratch.append(parser.bytes(value))
            scratch.append(UInt8(0))
        }
        scratch.store(UInt32(scratch.count - start), at: lengths + 8)
        scratch.store(UInt32(scratch.count), at: 16)
        madeTracerEvent = true
        tracerEvent = Event(
            bytes: scratch.bytes, cpu: event.cpu, dumpFlags: event.dumpFlags, number: event.number, lengthWidth: 4,
            headerSize: Event.headerSize, paramCount: 3)
    }
}

extension TracerParser {
    /// Pairs the tracer just decoded with its span: an enter opens one, an exit closes the one it
    /// matches (libsinsp's partial tracer bookkeeping, done only when spans are tracked).
    func track(in table: SpanTable, time: UInt64) {
        if isEnter {
            // A full pool forgets every open span and leaves ``enterSpan`` as it was.
            if let record = table.enter(self, tid: tid, time: time) { enterSpan = record }
        } else {
            exitSpan.fill(from: self, tid: tid)
            if let record = table.exit(exitSpan) {
                exitSpan.time = time
                enterSpan = record
            } else {
                enterSpan = nil
            }
        }
    }

    /// Makes the decoded tracer an invalid one: no arguments, and one tag telling what was written.
    func setInvalid(_ data: UnsafeRawBufferPointer) {
        argNames.removeAll(keepingCapacity: true)
        argValues.removeAll(keepingCapacity: true)
        var text = Array("invalid tracer ".utf8)
        text.append(contentsOf: data)
        text.append(contentsOf: ", len\(data.count)".utf8)
        // libsinsp keeps it as a C string: it ends at the first NUL.
        if let nul = text.firstIndex(of: 0) { text.removeSubrange(nul...) }
        invalidText = text
    }

    /// Calls `body` with each tag of the last tracer (the invalid text alone for an invalid one).
    func forEachTag(_ body: (UnsafeRawBufferPointer) -> Void) {
        if let invalidText {
            invalidText.withUnsafeBytes(body)
            return
        }
        for piece in tags { body(bytes(piece)) }
    }

    /// The number of tags of the last tracer.
    var tagCount: Int { invalidText == nil ? tags.count : 1 }

    /// Appends tag `index` of the last tracer to `out`.
    func appendTag(_ index: Int, to out: inout OutputBuffer) {
        if let invalidText {
            invalidText.withUnsafeBytes { out.append($0) }
        } else {
            out.append(bytes(tags[index]))
        }
    }
}
