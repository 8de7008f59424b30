// SPDX-License-Identifier: Apache-2.0

/// Writes a mergeable chisel's partial result (see ``MergeableChisel``): unsigned and signed
/// integers as LEB128 varints (signed ones zigzag-coded), doubles as their 8 bits-exact bytes,
/// strings and byte runs after their length. The reader reads the same values in the same order.
/// Since protocol 1.6.
public struct ChiselPartialWriter: Sendable {
    /// What was written.
    public private(set) var bytes: [UInt8] = []

    /// An empty writer.
    public init() {}

    /// Writes `value` as a varint.
    public mutating func write(unsigned value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Writes `value` zigzag-coded (small magnitudes stay short whatever their sign).
    public mutating func write(signed value: Int64) {
        write(unsigned: UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes `value`'s bits, so it reads back exactly (NaN and signed zero included).
    public mutating func write(double value: Double) {
        let bits = value.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    /// Writes `value` as one byte, 0 or 1.
    public mutating func write(bool value: Bool) { bytes.append(value ? 1 : 0) }

    /// Writes `value`'s UTF-8 after its length.
    public mutating func write(string value: String) { write(bytes: Array(value.utf8)) }

    /// Writes `value` after its length.
    public mutating func write<Bytes: Collection>(bytes value: Bytes) where Bytes.Element == UInt8 {
        write(unsigned: UInt64(value.count))
        bytes.append(contentsOf: value)
    }
}

/// Reads what a ``ChiselPartialWriter`` wrote. Every read checks the bytes left and throws a
/// ``ChiselPartialError`` (with the offset, counted in the whole file) instead of reading past
/// them: partial files come from elsewhere and may be damaged. Since protocol 1.6.
public struct ChiselPartialReader: Sendable {
    private let bytes: [UInt8]
    /// Where the next read starts, in `bytes`.
    public private(set) var position: Int
    private let end: Int
    /// What ``position`` 0 is in the file (for error offsets).
    public let baseOffset: Int

    /// A reader of `bytes[range]` (all of them when `range` is `nil`); errors count offsets from
    /// `baseOffset` for the first byte of `bytes`.
    public init(_ bytes: [UInt8], range: Range<Int>? = nil, baseOffset: Int = 0) {
        self.bytes = bytes
        let r = range ?? 0..<bytes.count
        position = max(0, min(r.lowerBound, bytes.count))
        end = max(position, min(r.upperBound, bytes.count))
        self.baseOffset = baseOffset
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { position >= end }
    /// The bytes left.
    public var remaining: Int { end - position }
    /// ``position`` as an offset in the file.
    public var offset: Int { baseOffset + position }

    /// An error at the current offset.
    public func error(_ what: String) -> ChiselPartialError { ChiselPartialError(offset: offset, what: what) }

    /// Reads a varint.
    public mutating func readUnsigned() throws(ChiselPartialError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else { throw ChiselPartialError(offset: start, what: "truncated number") }
            let byte = bytes[position]
            position += 1
            // The tenth byte holds bit 63 only.
            guard shift < 63 || byte <= 1 else { throw ChiselPartialError(offset: start, what: "number longer than 64 bits") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    /// Reads a zigzag-coded varint.
    public mutating func readSigned() throws(ChiselPartialError) -> Int64 {
        let u = try readUnsigned()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    /// Reads a varint that must fit an `Int` (and not be negative).
    public mutating func readInt() throws(ChiselPartialError) -> Int {
        let start = offset
        let u = try readUnsigned()
        guard u <= UInt64(Int.max) else { throw ChiselPartialError(offset: start, what: "number \(u) too large") }
        return Int(u)
    }

    /// Reads a count of items that take at least `minimumSize` bytes each: more than the bytes left
    /// can hold is damage (and never makes a caller reserve memory for it).
    public mutating func readCount(minimumSize: Int = 1) throws(ChiselPartialError) -> Int {
        let start = offset
        let n = try readUnsigned()
        guard n <= UInt64(remaining / max(minimumSize, 1)) else {
            throw ChiselPartialError(offset: start, what: "count \(n) exceeds the \(remaining) bytes left")
        }
        return Int(n)
    }

    /// Reads 8 bytes as a double.
    public mutating func readDouble() throws(ChiselPartialError) -> Double {
        guard remaining >= 8 else { throw error("truncated double") }
        var bits: UInt64 = 0
        for i in 0..<8 { bits |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += 8
        return Double(bitPattern: bits)
    }

    /// Reads a byte that must be 0 or 1.
    public mutating func readBool() throws(ChiselPartialError) -> Bool {
        guard position < end else { throw error("truncated flag") }
        let b = bytes[position]
        guard b <= 1 else { throw error("flag byte \(b) is neither 0 nor 1") }
        position += 1
        return b == 1
    }

    /// Reads a byte run written with its length.
    public mutating func readBytes() throws(ChiselPartialError) -> [UInt8] {
        let n = try readCount()
        defer { position += n }
        return Array(bytes[position..<position + n])
    }

    /// Reads a string (its bytes must be UTF-8).
    public mutating func readString() throws(ChiselPartialError) -> String {
        let start = offset
        let raw = try readBytes()
        guard let text = String(validating: raw, as: UTF8.self) else {
            throw ChiselPartialError(offset: start, what: "string is not UTF-8")
        }
        return text
    }

    /// Reads `n` raw bytes (no length before them).
    public mutating func readRaw(_ n: Int) throws(ChiselPartialError) -> ArraySlice<UInt8> {
        guard n >= 0, remaining >= n else { throw error("truncated: \(n) bytes wanted, \(remaining) left") }
        defer { position += n }
        return bytes[position..<position + n]
    }

    /// Throws unless every byte was read.
    public func expectEnd(_ what: String) throws(ChiselPartialError) {
        guard isAtEnd else { throw error("\(remaining) unexpected bytes after \(what)") }
    }
}

/// A partial result that does not read: where (the offset in its file) and what is wrong. Since
/// protocol 1.6.
public struct ChiselPartialError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offset of the damage in the file.
    public var offset: Int
    /// What is wrong.
    public var what: String

    /// An error at `offset`.
    public init(offset: Int, what: String) {
        self.offset = offset
        self.what = what
    }

    /// `offset N: WHAT`.
    public var description: String { "offset \(offset): \(what)" }
}
