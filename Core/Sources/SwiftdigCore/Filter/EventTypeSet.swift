// SPDX-License-Identifier: Apache-2.0

/// An `evt.type` comparison decided per event code once, at compile time: its value depends only on
/// the code (and, for generic events, on the system call id), so the per-event test is a bit lookup.
///
/// The set is built here; ``FilterProgram`` copies its words into memory of its own and tests them
/// with ``test(_:codes:syscalls:unknown:)``.
struct EventTypeSet {
    /// One bit per event code.
    private(set) var codes: [UInt64]
    /// One bit per system call id, for generic events (whose type is the call's name).
    private(set) var syscalls: [UInt64]
    /// The answer for codes beyond the table.
    private(set) var unknown: Bool

    /// Evaluates `test` on the name of every event code and system call.
    init(_ test: (UnsafeRawBufferPointer) -> Bool) {
        func holds(_ name: String) -> Bool {
            var name = name
            return name.withUTF8 { test(UnsafeRawBufferPointer($0)) }
        }
        func bits(_ count: Int, _ name: (Int) -> String?) -> [UInt64] {
            var words = [UInt64](repeating: 0, count: (count + 63) / 64)
            for i in 0..<count where name(i).map(holds) ?? false { words[i >> 6] |= 1 << UInt64(i & 63) }
            return words
        }
        codes = bits(EventSchema.count) { EventSchema.info(UInt16($0))?.name }
        syscalls = bits(SyscallNames.count) { SyscallNames.name(forPPMSC: UInt16($0)) }
        unknown = holds(EventSchema.unknownEvent.name)
    }

    /// The codes whose schema entry's flags pass `test`. Generic events take the generic event's
    /// answer for every system call, and codes beyond the table the unknown event's.
    init(flags test: (EventFlags) -> Bool) {
        func bits(_ count: Int, _ holds: (Int) -> Bool) -> [UInt64] {
            var words = [UInt64](repeating: 0, count: (count + 63) / 64)
            for i in 0..<count where holds(i) { words[i >> 6] |= 1 << UInt64(i & 63) }
            return words
        }
        codes = bits(EventSchema.count) { EventSchema.info(UInt16($0)).map { test($0.flags) } ?? false }
        let generic = EventSchema.info(EventCode.genericX).map { test($0.flags) } ?? false
        syscalls = bits(SyscallNames.count) { _ in generic }
        unknown = test(EventSchema.unknownEvent.flags)
    }

    /// Every event (`all`) or none.
    init(all: Bool) {
        self.init { (_: UnsafeRawBufferPointer) in all }
    }

    /// The events in both sets.
    func intersection(_ other: EventTypeSet) -> EventTypeSet {
        combined(other) { $0 & $1 }
    }

    /// The events in either set.
    func union(_ other: EventTypeSet) -> EventTypeSet {
        combined(other) { $0 | $1 }
    }

    /// The events not in the set (every bit flips, so the test answers the opposite for every code).
    func inverted() -> EventTypeSet {
        var out = self
        out.codes = codes.map { ~$0 }
        out.syscalls = syscalls.map { ~$0 }
        out.unknown = !unknown
        return out
    }

    private func combined(_ other: EventTypeSet, _ op: (UInt64, UInt64) -> UInt64) -> EventTypeSet {
        var out = self
        out.codes = zip(codes, other.codes).map(op)
        out.syscalls = zip(syscalls, other.syscalls).map(op)
        out.unknown = op(unknown ? 1 : 0, other.unknown ? 1 : 0) != 0
        return out
    }

    /// Whether `event` is in the set whose bits are `codes` and `syscalls`. A generic event without
    /// its system call id is in no set (sysdig's `evt.type` then has no value to compare), unless
    /// `missingID` says otherwise.
    @inline(__always) static func test(
        _ event: Event, codes: UnsafeBufferPointer<UInt64>, syscalls: UnsafeBufferPointer<UInt64>, unknown: Bool,
        missingID: Bool = false
    ) -> Bool {
        let code = Int(event.type)
        if code <= Int(EventCode.genericX) {
            guard let id = event.integer(0, as: UInt16.self) else { return missingID }
            return bit(syscalls, Int(id), otherwise: false)
        }
        return bit(codes, code, otherwise: unknown)
    }

    @inline(__always) static func bit(_ words: UnsafeBufferPointer<UInt64>, _ i: Int, otherwise: Bool) -> Bool {
        let word = i &>> 6
        guard word < words.count else { return otherwise }
        return words[word] & (1 &<< UInt64(i & 63)) != 0
    }

    /// Whether `name` is an event type sysdig 0.29.3 accepts in `evt.type` comparisons: a name of its
    /// event table or of its system call table.
    static func isKnownName(_ name: [UInt8]) -> Bool { knownNames.contains(name) }

    private static let knownNames: Set<[UInt8]> = {
        var names = Set<[UInt8]>()
        for code in 0..<EventSchema.legacyCount {
            if let info = EventSchema.info(UInt16(code)) { names.insert(Array(info.name.utf8)) }
        }
        for id in 0..<SyscallNames.legacyCount {
            if let name = SyscallNames.name(forPPMSC: UInt16(id)) { names.insert(Array(name.utf8)) }
        }
        return names
    }()
}
