// SPDX-License-Identifier: Apache-2.0

/// An `evt.type` comparison decided per event code once, at compile time: its value depends only on
/// the code (and, for generic events, on the system call id), so the per-event test is a bit lookup.
struct EventTypeSet {
    /// One bit per event code.
    private let codes: [UInt64]
    /// One bit per system call id, for generic events (whose type is the call's name).
    private let syscalls: [UInt64]
    /// The answer for codes beyond the table.
    private let unknown: Bool

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

    @inline(__always) func matches(_ event: Event) -> Bool {
        let code = Int(event.type)
        if code <= Int(EventCode.genericX) {
            guard let id = event.integer(0, as: UInt16.self) else { return false }
            return Self.test(syscalls, Int(id), otherwise: false)
        }
        return Self.test(codes, code, otherwise: unknown)
    }

    @inline(__always) private static func test(_ words: [UInt64], _ i: Int, otherwise: Bool) -> Bool {
        let word = i >> 6
        guard word < words.count else { return otherwise }
        return words[word] & (1 << UInt64(i & 63)) != 0
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
