// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// A growable byte buffer for building output without per-event allocation: the storage is kept and
/// reused, and ``flush(to:)`` writes it out in large chunks.
public struct OutputBuffer {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates a buffer with room for `capacity` bytes.
    public init(capacity: Int = 1 << 16) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The number of bytes in the buffer.
    @inline(__always) public var count: Int { bytes.count }

    /// Appends one byte.
    @inline(__always) public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Appends raw bytes.
    @inline(__always) public mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    /// Appends the UTF-8 bytes of a string.
    @inline(__always) public mutating func append(_ string: String) {
        var s = string
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a static string's bytes.
    @inline(__always) public mutating func append(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends a signed integer in decimal.
    @inline(__always) public mutating func append(decimal value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            append(decimal: UInt64(bitPattern: 0 &- value))
        } else {
            append(decimal: UInt64(value))
        }
    }

    /// Appends an unsigned integer in decimal.
    @inline(__always) public mutating func append(decimal value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: value) &+ 48)
            return
        }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // 32 bytes of scratch
        withUnsafeMutableBytes(of: &digits) { scratch in
            var v = value
            var i = 32
            while v != 0 {
                i -= 1
                scratch[i] = UInt8(truncatingIfNeeded: v % 10) &+ 48
                v /= 10
            }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: scratch[i..<32]))
        }
    }

    /// Appends an unsigned integer in decimal, left-padded with zeros to `width` digits.
    public mutating func append(decimal value: UInt64, zeroPaddedTo width: Int) {
        var digits = 1
        var v = value
        while v >= 10 {
            v /= 10
            digits += 1
        }
        if digits < width {
            for _ in 0..<(width - digits) { bytes.append(UInt8(ascii: "0")) }
        }
        append(decimal: value)
    }

    /// Appends an unsigned integer in hexadecimal (`uppercase` as sysdig's `%X`, else `%x`).
    public mutating func append(hex value: UInt64, uppercase: Bool = true) {
        let alphabet: StaticString = uppercase ? "0123456789ABCDEF" : "0123456789abcdef"
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var shift = (64 - value.leadingZeroBitCount + 3) / 4 * 4
        alphabet.withUTF8Buffer { digits in
            while shift > 0 {
                shift -= 4
                bytes.append(digits[Int((value >> UInt64(shift)) & 0xF)])
            }
        }
    }

    /// Appends an unsigned integer in octal with a leading zero, as `%#o` does (`0` stays `0`).
    public mutating func append(octal value: UInt64) {
        if value == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        var tmp: [UInt8] = []
        var v = value
        while v != 0 {
            tmp.append(UInt8(v & 7) + 48)
            v >>= 3
        }
        bytes.append(UInt8(ascii: "0"))
        bytes.append(contentsOf: tmp.reversed())
    }

    /// Drops everything after the first `count` bytes.
    @inline(__always) public mutating func truncate(to count: Int) {
        bytes.removeLast(bytes.count - count)
    }

    /// Empties the buffer, keeping its storage.
    @inline(__always) public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Writes the buffer to a file descriptor and empties it.
    /// - Returns: false when the write failed (a closed pipe, a full disk).
    @discardableResult
    public mutating func flush(to fd: Int32) -> Bool {
        var ok = true
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    return
                }
                done += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
        return ok
    }
}
