// SPDX-License-Identifier: Apache-2.0

/// A Swift type a field's values can be read as (what chisels ask for).
public protocol FieldValueType {
    /// Whether values of `type` convert to this Swift type.
    static func accepts(_ type: ParamType) -> Bool
    /// The value of an extraction, or `nil` when there is none.
    static func value(of result: FieldResult, field: BoundField, context: FieldContext) -> Self?
}

/// Reads one field of the current event as a Swift value: what a chisel holds for each field it uses.
///
/// ```swift
/// let name = try FieldAccessor<String>("proc.name")
/// let bytes = try FieldAccessor<UInt64>("evt.buflen")
/// if let n = bytes(event, context), let who = name(event, context) { ... }
/// ```
public struct FieldAccessor<Value: FieldValueType> {
    /// The bound field.
    public let field: BoundField

    /// Binds `name` (with its argument: `evt.arg.fd`, `proc.aname[1]`).
    /// - Throws: ``FieldError`` when the field is unknown or its values do not convert to `Value`.
    public init(_ name: String) throws(FieldError) {
        field = try FieldCatalog.bind(name, forFiltering: true)
        guard Value.accepts(field.type) else {
            throw FieldError("\(name) is \(field.type.listingName), which cannot be read as \(Value.self)")
        }
    }

    /// The field's value for `event`, or `nil` when it has none.
    @inline(__always) public func callAsFunction(_ event: Event, _ context: FieldContext) -> Value? {
        Value.value(of: field.extract(event, context), field: field, context: context)
    }
}

extension String: FieldValueType {
    /// Every type has a text form: the one `-p` prints.
    public static func accepts(_ type: ParamType) -> Bool { true }
    public static func value(of result: FieldResult, field: BoundField, context: FieldContext) -> String? {
        if case .none = result { return nil }
        var text = OutputBuffer(capacity: 64)
        field.render(result, context, into: &text)
        return String(decoding: text.bytes, as: UTF8.self)
    }
}

extension Int64: FieldValueType {
    public static func accepts(_ type: ParamType) -> Bool { FieldNumbers.signed.contains(type) }
    public static func value(of result: FieldResult, field: BoundField, context: FieldContext) -> Int64? {
        guard case .number(let v) = result else { return nil }
        switch field.type {
        case .int8: return Int64(Int8(truncatingIfNeeded: v))
        case .int16: return Int64(Int16(truncatingIfNeeded: v))
        case .int32: return Int64(Int32(truncatingIfNeeded: v))
        default: return Int64(bitPattern: v)
        }
    }
}

extension UInt64: FieldValueType {
    public static func accepts(_ type: ParamType) -> Bool { FieldNumbers.unsigned.contains(type) }
    public static func value(of result: FieldResult, field: BoundField, context: FieldContext) -> UInt64? {
        guard case .number(let v) = result else { return nil }
        return v
    }
}

extension Bool: FieldValueType {
    public static func accepts(_ type: ParamType) -> Bool { type == .bool }
    public static func value(of result: FieldResult, field: BoundField, context: FieldContext) -> Bool? {
        guard case .number(let v) = result else { return nil }
        return v != 0
    }
}

extension Double: FieldValueType {
    public static func accepts(_ type: ParamType) -> Bool {
        type == .double || FieldNumbers.signed.contains(type) || FieldNumbers.unsigned.contains(type)
    }
    public static func value(of result: FieldResult, field: BoundField, context: FieldContext) -> Double? {
        guard case .number(let v) = result else { return nil }
        if field.type == .double { return Double(bitPattern: v) }
        if FieldNumbers.isSigned(field.type) {
            return Int64.value(of: result, field: field, context: context).map(Double.init)
        }
        return Double(v)
    }
}

extension Array: FieldValueType where Element == UInt8 {
    /// The raw bytes of text and buffer values (`evt.buffer`, IPv6 addresses).
    public static func accepts(_ type: ParamType) -> Bool { !FieldNumbers.numeric.contains(type) }
    public static func value(of result: FieldResult, field: BoundField, context: FieldContext) -> [UInt8]? {
        switch result {
        case .none, .number: return nil
        case .text, .bytes: return context.withBytes(result) { Array($0) }
        }
    }
}

/// Which field types hold numbers, and of which signedness.
enum FieldNumbers {
    static let signed: Set<ParamType> = [.int8, .int16, .int32, .int64, .pid, .errno, .fd]
    static let unsigned: Set<ParamType> = [
        .uint8, .uint16, .uint32, .uint64, .reltime, .abstime, .port, .l4proto, .ipv4addr, .uid, .gid,
    ]
    static let numeric: Set<ParamType> = signed.union(unsigned).union([.bool, .double])

    /// ``signed`` as one bit per raw value: a value read tests it per event, where the set would hash.
    private static let signedBits: [UInt64] = signed.reduce(into: [UInt64](repeating: 0, count: 4)) { bits, type in
        bits[Int(type.rawValue) >> 6] |= 1 << UInt64(type.rawValue & 63)
    }

    /// Whether `type` is in ``signed``.
    @inline(__always) static func isSigned(_ type: ParamType) -> Bool {
        signedBits[Int(type.rawValue) >> 6] & (1 << UInt64(type.rawValue & 63)) != 0
    }
}
