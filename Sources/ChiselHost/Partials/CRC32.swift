// SPDX-License-Identifier: Apache-2.0

/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320: zlib's and gzip's), which closes every
/// partial result so that damage anywhere is caught before the contents are trusted.
enum CRC32 {
    /// The byte-at-a-time table, built once.
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The checksum of `bytes`.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { t in
            for b in bytes { crc = t[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
