// SPDX-License-Identifier: Apache-2.0

/// Sixteen bytes of an IPv6 address, in network order: ``high`` holds bytes 0-7 and ``low`` bytes
/// 8-15, each read big-endian, so `::1` has `high == 0` and `low == 1`.
public struct IPv6Address: Sendable, Hashable, CustomStringConvertible {
    /// Bytes 0-7 as a big-endian number.
    public var high: UInt64
    /// Bytes 8-15 as a big-endian number.
    public var low: UInt64

    /// Creates an address from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Creates an address from 16 bytes in network order (fewer are zero-filled, more ignored).
    public init<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.prefix(16).enumerated() {
            if index < 8 {
                high |= UInt64(byte) << (56 - 8 * UInt64(index))
            } else {
                low |= UInt64(byte) << (56 - 8 * UInt64(index - 8))
            }
        }
        self.init(high: high, low: low)
    }

    /// The 16 bytes in network order.
    public var bytes: [UInt8] {
        (0..<16).map { index in
            UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> (56 - 8 * UInt64(index % 8)))
        }
    }

    /// Eight groups of four hex digits joined by colons, uncompressed.
    public var description: String {
        let all = bytes
        return stride(from: 0, to: 16, by: 2).map { String(UInt16(all[$0]) << 8 | UInt16(all[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// The address stored at the start of `raw` (16 bytes).
    static func load(_ raw: UnsafeRawBufferPointer) -> IPv6Address { IPv6Address(bytes: raw) }
}
