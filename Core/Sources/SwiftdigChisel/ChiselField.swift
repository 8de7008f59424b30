// SPDX-License-Identifier: Apache-2.0

/// A field a chisel asked for with ``ChiselContext/field(_:as:)``: read it with `event[field]`.
public struct ChiselField<Value: ChiselFieldValue>: Sendable {
    /// The field's name as asked for.
    public let name: String
    /// Where the runner keeps the bound field.
    public let slot: Int

    /// A field in `slot` (made by ``ChiselContext/field(_:as:)``).
    public init(name: String, slot: Int) {
        self.name = name
        self.slot = slot
    }
}

/// The Swift types a field can be read as.
public enum ChiselValueKind: Sendable {
    /// `String`: the text `-p` prints; every field has one.
    case text
    /// `Int64`: signed numeric fields (`evt.rawres`, `proc.pid`, `fd.num`).
    case signed
    /// `UInt64`: unsigned numeric fields (`evt.buflen`, `fd.sport`, times).
    case unsigned
    /// `Double`: any numeric field, as sysdig's Lua chisels see numbers.
    case double
    /// `Bool`: boolean fields (`evt.is_io`).
    case bool
    /// `[UInt8]`: the raw bytes of text and buffer fields (`evt.buffer`).
    case bytes
}

/// A type ``ChiselField`` can read values as: `String`, `Int64`, `UInt64`, `Double`, `Bool`, `[UInt8]`.
public protocol ChiselFieldValue {
    /// How the runner binds fields read as this type.
    static var kind: ChiselValueKind { get }
    /// The value in `slot` for the current event, or `nil` when the field has none.
    static func read(_ source: any ChiselEventSource, slot: Int) -> Self?
}

extension String: ChiselFieldValue {
    /// ``ChiselValueKind/text``.
    public static var kind: ChiselValueKind { .text }
    /// The field's text.
    public static func read(_ source: any ChiselEventSource, slot: Int) -> String? { source.text(slot) }
}

extension Int64: ChiselFieldValue {
    /// ``ChiselValueKind/signed``.
    public static var kind: ChiselValueKind { .signed }
    /// The field's number.
    public static func read(_ source: any ChiselEventSource, slot: Int) -> Int64? { source.signed(slot) }
}

extension UInt64: ChiselFieldValue {
    /// ``ChiselValueKind/unsigned``.
    public static var kind: ChiselValueKind { .unsigned }
    /// The field's number.
    public static func read(_ source: any ChiselEventSource, slot: Int) -> UInt64? { source.unsigned(slot) }
}

extension Double: ChiselFieldValue {
    /// ``ChiselValueKind/double``.
    public static var kind: ChiselValueKind { .double }
    /// The field's number.
    public static func read(_ source: any ChiselEventSource, slot: Int) -> Double? { source.double(slot) }
}

extension Bool: ChiselFieldValue {
    /// ``ChiselValueKind/bool``.
    public static var kind: ChiselValueKind { .bool }
    /// The field's truth.
    public static func read(_ source: any ChiselEventSource, slot: Int) -> Bool? { source.bool(slot) }
}

extension Array: ChiselFieldValue where Element == UInt8 {
    /// ``ChiselValueKind/bytes``.
    public static var kind: ChiselValueKind { .bytes }
    /// The field's bytes.
    public static func read(_ source: any ChiselEventSource, slot: Int) -> [UInt8]? { source.bytes(slot) }
}
