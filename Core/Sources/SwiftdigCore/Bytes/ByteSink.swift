// SPDX-License-Identifier: Apache-2.0

/// A growable byte array to build capture bytes in: little-endian integers, byte strings, padding,
/// and lengths patched in once the bytes they count are known.
public struct ByteSink: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]

    /// Creates an empty sink with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes written so far.
    public var count: Int { bytes.count }

    /// Appends a little-endian integer.
    @inlinable
    public mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Appends raw bytes.
    public mutating func append(bytes raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    /// Appends raw bytes.
    public mutating func append(bytes raw: [UInt8]) { bytes.append(contentsOf: raw) }

    /// Appends `count` zero bytes.
    public mutating func appendZeros(_ count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(0, count: count)) }
    }

    /// Appends zero bytes until the count is a multiple of four.
    public mutating func padToFour() { appendZeros((4 - bytes.count % 4) % 4) }

    /// Overwrites the little-endian integer at `index`, which must lie inside the written bytes.
    public mutating func set<T: FixedWidthInteger>(_ value: T, at index: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (offset, byte) in raw.enumerated() { bytes[index + offset] = byte }
        }
    }

    /// Removes every byte, keeping the storage.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
