// SPDX-License-Identifier: Apache-2.0

/// A read position over borrowed bytes, after swift-nio's `ByteBuffer`: the `get*(at:)` methods
/// look at an absolute index and return `nil` when the value does not fit in the bytes, the
/// `read*` methods do the same at ``readerIndex`` and move it past the value on success only.
///
/// Integers are little-endian, the byte order of every capture this project reads. The cursor does
/// not own the bytes: it is valid only while they are.
public struct ByteCursor {
    /// The bytes under the cursor.
    public let bytes: UnsafeRawBufferPointer
    /// The index of the next byte a `read*` method reads.
    public var readerIndex: Int

    /// Creates a cursor over `bytes`, reading first at `readerIndex`.
    @inlinable
    public init(_ bytes: UnsafeRawBufferPointer, readerIndex: Int = 0) {
        self.bytes = bytes
        self.readerIndex = readerIndex
    }

    /// How many bytes remain from ``readerIndex`` to the end.
    @inlinable
    public var readableBytes: Int { bytes.count - readerIndex }

    /// Whether `count` bytes starting at `index` lie inside the bytes.
    @inlinable
    public func contains(_ index: Int, count: Int) -> Bool {
        index >= 0 && count >= 0 && index <= bytes.count && count <= bytes.count - index
    }

    /// The little-endian integer at `index`, or `nil` when it does not fit.
    @inlinable
    public func getInteger<T: FixedWidthInteger>(at index: Int, as type: T.Type = T.self) -> T? {
        guard contains(index, count: MemoryLayout<T>.size), let base = bytes.baseAddress else { return nil }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: index, as: T.self))
    }

    /// Reads a little-endian integer and moves past it, or returns `nil` and stays put.
    @inlinable
    public mutating func readInteger<T: FixedWidthInteger>(as type: T.Type = T.self) -> T? {
        guard let value = getInteger(at: readerIndex, as: T.self) else { return nil }
        readerIndex += MemoryLayout<T>.size
        return value
    }

    /// The `count` bytes at `index`, borrowed, or `nil` when they do not fit.
    @inlinable
    public func getBytes(at index: Int, count: Int) -> UnsafeRawBufferPointer? {
        guard contains(index, count: count) else { return nil }
        return UnsafeRawBufferPointer(rebasing: bytes[index..<(index + count)])
    }

    /// Reads `count` bytes, borrowed, and moves past them, or returns `nil` and stays put.
    @inlinable
    public mutating func readBytes(count: Int) -> UnsafeRawBufferPointer? {
        guard let value = getBytes(at: readerIndex, count: count) else { return nil }
        readerIndex += count
        return value
    }

    /// A copy of the `count` bytes at `index`, or `nil` when they do not fit.
    public func getByteString(at index: Int, count: Int) -> ByteString? {
        getBytes(at: index, count: count).map { ByteString($0) }
    }

    /// Reads a copy of `count` bytes and moves past them, or returns `nil` and stays put.
    public mutating func readByteString(count: Int) -> ByteString? {
        readBytes(count: count).map { ByteString($0) }
    }

    /// Moves past `count` bytes; returns `false` and stays put when fewer remain.
    @inlinable
    @discardableResult
    public mutating func skip(_ count: Int) -> Bool {
        guard contains(readerIndex, count: count) else { return false }
        readerIndex += count
        return true
    }
}
