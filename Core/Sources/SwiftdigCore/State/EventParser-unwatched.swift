// SPDX-License-Identifier: Apache-2.0

/// The event codes whose events need no parsing beyond sysdig's per-event bookkeeping while the
/// run's consumers watch only some types: one bit per code, tested per event.
///
/// sysdig's chisels filter events after libsinsp parsed them, so an event a chisel's filter cannot
/// pass must still leave the state as parsing would. For a code that no watcher admits, that does
/// not change the state (`EF_MODIFIES_STATE`) and for which the parser has no handler, parsing is
/// only ``EventParser/reset(_:)``'s bookkeeping: such events get that and nothing else (no stored
/// thread or fd, no delivery). Whether the parser handles a code is learned, not listed: a code
/// joins the set the first time its event goes through the parser's dispatch without a handler.
/// Generic events (whose type is their system call) skip only when no filter may pass a system call,
/// and only with their system call id.
final class UnwatchedEventCodes {
    /// The codes that skip: candidates known to have no handler.
    let codes: EventCodeBits
    /// The codes that may skip once known to have no handler.
    private let candidates: EventCodeBits
    /// The codes whose events no filter can pass, parsed or not: they come out filtered out, and a
    /// consumer that takes no hidden event is not called for them. Not generic events (a filter may
    /// pass them by their system call), nor writes (which may become tracer events).
    let hidden: EventCodeBits

    /// The codes none of `filters` can pass, or `nil` when one of them may pass any type.
    init?(outside filters: [Filter]) {
        let gates = filters.map(\.typeGate)
        if gates.contains(where: { $0 == nil }) { return nil }
        (codes, candidates, hidden) = (.allocate(), .allocate(), .allocate())
        for code in 0..<EventSchema.count {
            // A write may become a tracer event, which a filter may pass.
            guard let info = EventSchema.info(UInt16(code)), code != Int(EventCode.writeX),
                !gates.contains(where: { $0!.admits(code: code) })
            else { continue }
            if code > Int(EventCode.genericX) { hidden.insert(UInt16(code)) }
            if !GatedEventCodes.mustBeParsed(UInt16(code), flags: info.flags) { candidates.insert(UInt16(code)) }
        }
    }

    deinit {
        for bits in [codes, candidates, hidden] { bits.deallocate() }
    }

    /// Notes that the parser has no handler for `code`: a candidate starts skipping.
    func noteUnhandled(_ code: UInt16) {
        if candidates.contains(code) { codes.insert(code) }
    }
}

extension EventParser {
    /// Lets the events of codes none of `filters` can pass skip their parsing when that changes
    /// nothing later events can see (see ``UnwatchedEventCodes``); such events come out filtered
    /// out (``filteredOut``), and so do those of such codes that are parsed for the state. `nil`, or
    /// a filter that may pass any type, parses every event. For consumers that look at the events
    /// their filters pass and at the state (chisels); a run that counts or times every event must
    /// not use it.
    public func watchOnly(_ filters: [Filter]?) {
        unwatched = filters.flatMap { UnwatchedEventCodes(outside: $0) }
    }

    /// Whether ``watchOnly(_:)`` lets some events skip their parsing.
    public var skipsUnwatchedEvents: Bool { unwatched != nil }

    /// For an event of an unwatched code: what parsing it leaves behind, which for a code without a
    /// handler is ``reset(_:)``'s bookkeeping and an exit's release of the stored enter event.
    /// Unlike a rejection by the capture filter, the enter keeps its type, so its exit pairs.
    @inline(never) func resetUnwatched(_ event: Event) {
        // For these reset() only finds procinfo's thread, which nothing reads when no one watches it.
        if event.layout.pointee.flags.contains(.skipParseReset) { return }
        var thread: Unmanaged<ThreadInfo>? = nil
        var fd: Unmanaged<FDInfo>? = nil
        // The enter's fd lookup too: it marks the fd's name as seen (`fd.name_changed`).
        _ = reset(event, thread: &thread, fd: &fd, findingEnterFD: true, mayChangeState: false)
        if !event.isEnter, let thread { thread._withUnsafeGuaranteedRef { $0.releaseEnterEvent() } }
    }
}

extension ThreadInfo {
    /// Forgets the stored enter event, as an exit event does (libsinsp's event_cleanup).
    @inline(__always) func releaseEnterEvent() {
        lastEventDataValid = false
        // Mostly empty already: `removeAll` is a call even then.
        if !lastEventData.isEmpty { lastEventData.removeAll(keepingCapacity: true) }
    }
}
