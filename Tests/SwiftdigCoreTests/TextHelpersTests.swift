// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

/// The byte-level helpers behind names and addresses agree with their plain definitions.
@Suite struct TextHelpersTests {
    /// The eight-bytes-at-a-time printable test against the byte-by-byte rule, with every byte value
    /// at every position of a 17-byte run (two words and a tail).
    @Test func allPrintableMatchesTheByteRule() {
        for position in 0..<17 {
            for value in 0...255 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 17)
                bytes[position] = UInt8(value)
                let expected = !PathResolution.isInvalid(UInt8(value))
                bytes.withUnsafeBytes { #expect(PathResolution.allPrintable($0) == expected) }
            }
        }
    }

    /// IPv6 text as `inet_ntop` writes it: the longest zero run folded, leading zeros dropped.
    @Test func ipv6Text() {
        func address(_ words: [UInt16]) -> [UInt8] { words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }
        #expect(NetworkAddresses.ipv6(address([0x2a00, 0x1450, 0x4001, 0x80b, 0, 0, 0, 0x2004])) == "2a00:1450:4001:80b::2004")
        #expect(NetworkAddresses.ipv6(address([0, 0, 0, 0, 0, 0, 0, 1])) == "::1")
        #expect(NetworkAddresses.ipv6(address([0, 0, 0, 0, 0, 0, 0, 0])) == "::")
        #expect(NetworkAddresses.ipv6(address([0xfe80, 0, 0, 0, 0xabc, 0xffff, 0xf, 0])) == "fe80::abc:ffff:f:0")
        #expect(NetworkAddresses.ipv6(address([1, 0, 2, 0, 3, 0, 4, 0])) == "1:0:2:0:3:0:4:0")
        #expect(NetworkAddresses.ipv6(address([1, 0, 0, 2, 0, 0, 0, 3])) == "1:0:0:2::3")
        #expect(NetworkAddresses.ipv6(address([0, 0, 0, 0, 0, 0xffff, 0x0a00, 0x0001])) == "::ffff:10.0.0.1")
    }
}
