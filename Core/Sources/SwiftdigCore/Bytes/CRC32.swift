// SPDX-License-Identifier: Apache-2.0

import CZlib

/// CRC-32 (IEEE 802.3, the checksum of gzip and zlib), computed by zlib: it closes files whose
/// damage must be caught before their contents are trusted, such as partial results.
public enum CRC32 {
    /// The checksum of `bytes`.
    public static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        let initial = crc32(0, nil, 0)
        let crc = bytes.withUnsafeBufferPointer { buffer in
            buffer.isEmpty ? initial : crc32(initial, buffer.baseAddress, UInt32(buffer.count))
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}
