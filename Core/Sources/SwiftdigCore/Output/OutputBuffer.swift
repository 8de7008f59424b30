// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// A growable byte buffer for building output without per-event allocation: the storage is kept and
/// reused, and ``flush(to:)`` writes it out in large chunks.
///
/// The bytes live in raw memory owned by a reference shared between copies until one of them
/// writes (copy on write, like `Array`), but without `Array`'s generic append paths: each write
/// reserves its room once and stores through a pointer.
public struct OutputBuffer {
    /// Owns the memory; a copy of the buffer shares it until it writes.
    final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage
    /// The number of bytes in the buffer.
    public private(set) var count: Int = 0

    /// Creates a buffer with room for `capacity` bytes.
    public init(capacity: Int = 1 << 16) {
        storage = Storage(capacity: capacity)
    }

    /// A copy of the bytes written so far (allocates: for tests and cold paths).
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// Calls `body` with the bytes written so far, valid only during the call.
    @inline(__always) public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: storage.base, count: count))
    }

    /// The bytes written so far, valid until the buffer is next written to or freed. For hot paths
    /// reading a buffer kept in a class: the closure of ``withUnsafeBytes(_:)`` makes Swift retain
    /// the storage around the call, this does not.
    @inline(__always) public var unsafeBytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage.base, count: count)
    }

    /// The byte at `index` (below ``count``).
    @inline(__always) public subscript(index: Int) -> UInt8 { storage.base[index] }

    /// Makes room for `n` more bytes and returns where they go; the caller stores them and adds
    /// them to ``count`` with ``commit(_:)``.
    @inline(__always) mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if _slowPath(count &+ n > storage.capacity || !isKnownUniquelyReferenced(&storage)) { grow(n) }
        return storage.base + count
    }

    /// Adds `n` bytes stored after ``reserve(_:)`` to the buffer.
    @inline(__always) mutating func commit(_ n: Int) { count &+= n }

    @inline(never) private mutating func grow(_ n: Int) {
        var capacity = storage.capacity
        while capacity < count + n { capacity *= 2 }
        let fresh = Storage(capacity: capacity)
        fresh.base.update(from: storage.base, count: count)
        storage = fresh
    }

    /// Appends up to `maxCount` bytes in one go: `body` stores them through the pointer it gets
    /// (with the `Cursor` helpers) and returns how many it stored.
    @inline(__always) mutating func append(maxCount: Int, _ body: (inout Cursor) -> Void) {
        var cursor = Cursor(at: reserve(maxCount))
        body(&cursor)
        count &+= cursor.written
    }

    /// Stores bytes through a pointer into room already reserved (see ``append(maxCount:_:)``).
    struct Cursor {
        private let base: UnsafeMutablePointer<UInt8>
        /// How many bytes were stored.
        private(set) var written = 0

        init(at base: UnsafeMutablePointer<UInt8>) { self.base = base }

        @inline(__always) mutating func put(_ byte: UInt8) {
            base[written] = byte
            written &+= 1
        }

        @inline(__always) mutating func put(_ raw: UnsafeRawBufferPointer) {
            guard raw.count != 0 else { return }
            UnsafeMutableRawPointer(base + written).copyMemory(from: raw.baseAddress!, byteCount: raw.count)
            written &+= raw.count
        }

        @inline(__always) mutating func put(decimal value: UInt64) {
            let n = OutputBuffer.digitCount(value)
            OutputBuffer.storeDigits(value, width: n, at: base + written)
            written &+= n
        }

        /// The last `width` digits of `value`, zero-padded.
        @inline(__always) mutating func put(digits value: UInt64, width: Int) {
            OutputBuffer.storeDigits(value, width: width, at: base + written)
            written &+= width
        }

        @inline(__always) mutating func put(decimal value: Int64) {
            if value < 0 { put(UInt8(ascii: "-")) }
            put(decimal: value < 0 ? UInt64(bitPattern: 0 &- value) : UInt64(value))
        }
    }

    /// Lets `body` edit the bytes in place: it gets the start of the storage, with room for
    /// ``count`` plus `extra` bytes, and the count to update (never past that room).
    @inline(__always) mutating func edit(reserving extra: Int, _ body: (UnsafeMutablePointer<UInt8>, inout Int) -> Void) {
        let base = reserve(extra) - count
        var n = count
        body(base, &n)
        count = n
    }

    /// Appends one byte.
    @inline(__always) public mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count &+= 1
    }

    /// Appends raw bytes.
    @inline(__always) public mutating func append(_ raw: UnsafeRawBufferPointer) {
        let n = raw.count
        guard n != 0 else { return }
        UnsafeMutableRawPointer(reserve(n)).copyMemory(from: raw.baseAddress!, byteCount: n)
        count &+= n
    }

    /// Appends bytes.
    @inline(__always) public mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        append(UnsafeRawBufferPointer(buffer))
    }

    /// Appends the UTF-8 bytes of a string.
    @inline(__always) public mutating func append(_ string: String) {
        var s = string
        s.withUTF8 { append($0) }
    }

    /// Appends a static string's bytes.
    @inline(__always) public mutating func append(_ string: StaticString) {
        string.withUTF8Buffer { append($0) }
    }

    /// Appends the bytes of another buffer.
    @inline(__always) public mutating func append(_ other: OutputBuffer) {
        other.withUnsafeBytes { append($0) }
    }

    /// Appends a signed integer in decimal.
    @inline(__always) public mutating func append(decimal value: Int64) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            append(decimal: UInt64(bitPattern: 0 &- value))
        } else {
            append(decimal: UInt64(value))
        }
    }

    /// The number of decimal digits of `value`.
    @inline(__always) static func digitCount(_ value: UInt64) -> Int {
        var n = 1
        var v = value
        while v >= 10_000 {
            v /= 10_000
            n &+= 4
        }
        if v >= 10 { n &+= 1 }
        if v >= 100 { n &+= 1 }
        if v >= 1000 { n &+= 1 }
        return n
    }

    /// Stores the last `width` decimal digits of `value` at `p`, zero-padded.
    @inline(__always) static func storeDigits(_ value: UInt64, width: Int, at p: UnsafeMutablePointer<UInt8>) {
        // Two digits per division: timestamps have 19.
        var v = value
        var i = width
        digitPairs.withUTF8Buffer { pairs in
            while i >= 2 {
                let q = v / 100
                let r = Int(truncatingIfNeeded: v &- q &* 100) &* 2
                i &-= 2
                p[i] = pairs[r]
                p[i &+ 1] = pairs[r &+ 1]
                v = q
            }
        }
        if i == 1 { p[0] = UInt8(truncatingIfNeeded: v % 10) &+ 48 }
    }

    /// `00` to `99`, for ``storeDigits(_:width:at:)``.
    private static let digitPairs: StaticString =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

    /// Appends an unsigned integer in decimal.
    @inline(__always) public mutating func append(decimal value: UInt64) {
        if value < 10 {
            append(UInt8(truncatingIfNeeded: value) &+ 48)
            return
        }
        let n = Self.digitCount(value)
        Self.storeDigits(value, width: n, at: reserve(n))
        count &+= n
    }

    /// Appends an unsigned integer in decimal, left-padded with zeros to `width` digits.
    public mutating func append(decimal value: UInt64, zeroPaddedTo width: Int) {
        let n = max(Self.digitCount(value), width)
        Self.storeDigits(value, width: n, at: reserve(n))
        count &+= n
    }

    /// Appends an unsigned integer in hexadecimal (`uppercase` as sysdig's `%X`, else `%x`).
    public mutating func append(hex value: UInt64, uppercase: Bool = true) {
        let letters = uppercase ? UInt8(ascii: "A") &- 10 : UInt8(ascii: "a") &- 10
        let n = max(1, (64 - value.leadingZeroBitCount + 3) / 4)
        let p = reserve(n)
        var v = value
        var i = n
        while i > 0 {
            i &-= 1
            let d = UInt8(truncatingIfNeeded: v & 0xF)
            p[i] = d < 10 ? d &+ 48 : d &+ letters
            v >>= 4
        }
        count &+= n
    }

    /// Appends an unsigned integer in octal with a leading zero, as `%#o` does (`0` stays `0`).
    public mutating func append(octal value: UInt64) {
        if value == 0 {
            append(UInt8(ascii: "0"))
            return
        }
        let n = 1 + (64 - value.leadingZeroBitCount + 2) / 3
        let p = reserve(n)
        var v = value
        var i = n
        while i > 0 {
            i &-= 1
            p[i] = UInt8(truncatingIfNeeded: v & 7) &+ 48
            v >>= 3
        }
        count &+= n
    }

    /// Drops everything after the first `count` bytes.
    @inline(__always) public mutating func truncate(to count: Int) {
        if count < self.count { self.count = max(0, count) }
    }

    /// Empties the buffer, keeping its storage.
    @inline(__always) public mutating func removeAll() { count = 0 }

    /// Writes the buffer to a file descriptor and empties it.
    /// - Returns: false when the write failed (a closed pipe, a full disk).
    @discardableResult
    public mutating func flush(to fd: Int32) -> Bool {
        var done = 0
        var ok = true
        while done < count {
            let n = write(fd, storage.base + done, count - done)
            if n < 0 {
                if errno == EINTR { continue }
                ok = false
                break
            }
            done += n
        }
        count = 0
        return ok
    }
}
