// SPDX-License-Identifier: Apache-2.0

/// The event codes a capture filter's type gate rejects whose events the parser may skip: no
/// `EF_MODIFIES_STATE`, not a write exit (a write to a tracer fd changes the state). One bit per
/// 16-bit code, so the per-event test is one load and one bit test instead of the gate's and the
/// flags' tests. Generic codes and codes past the schema have no bit (see ``covers(_:)``).
final class GatedEventCodes {
    /// The bits, one per code.
    let codes = EventCodeBits.allocate()

    /// The codes `gate` rejects that need no parsing.
    init(_ gate: EventTypeGate) {
        for code in 0..<EventSchema.count where Self.covers(UInt16(code)) {
            guard let info = EventSchema.info(UInt16(code)), !Self.mustBeParsed(UInt16(code), flags: info.flags),
                !gate.admits(code: code)
            else { continue }
            codes.insert(UInt16(code))
        }
    }

    /// Whether events of `code` must be parsed even when no filter can pass them: they change the
    /// state (`EF_MODIFIES_STATE`), or they are write exits (a write to a tracer fd changes it).
    @inline(__always) static func mustBeParsed(_ code: UInt16, flags: EventFlags) -> Bool {
        flags.contains(.modifiesState) || code == EventCode.writeX
    }

    deinit { codes.deallocate() }

    /// The number of codes of the schema, read once.
    private static let schemaCount = EventSchema.count

    /// Whether `code` has its bit: generic events are judged by their system call, and codes past
    /// the schema by the gate's rule for unknown codes.
    @inline(__always) static func covers(_ code: UInt16) -> Bool {
        code > EventCode.genericX && Int(code) < schemaCount
    }
}
