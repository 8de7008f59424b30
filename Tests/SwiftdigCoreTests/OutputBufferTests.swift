// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// `OutputBuffer` keeps value semantics over its raw memory, and prints numbers as `printf` would.
@Suite struct OutputBufferTests {
    static func text(_ buffer: OutputBuffer) -> String { String(decoding: buffer.bytes, as: UTF8.self) }

    @Test func copiesDoNotShareWrites() {
        var a = OutputBuffer(capacity: 16)
        a.append("abc")
        var b = a
        b.append("def")
        a.append("xyz")
        #expect(Self.text(a) == "abcxyz")
        #expect(Self.text(b) == "abcdef")
        b.truncate(to: 1)
        b.append("!")
        #expect(Self.text(a) == "abcxyz")
        #expect(Self.text(b) == "a!")
    }

    @Test func growsPastItsCapacity() {
        var a = OutputBuffer(capacity: 16)
        for i in 0..<1000 { a.append(decimal: UInt64(i % 10)) }
        #expect(a.count == 1000)
        #expect(a[999] == UInt8(ascii: "9"))
    }

    @Test func numbers() {
        var a = OutputBuffer()
        a.append(decimal: Int64.min)
        a.append(UInt8(ascii: " "))
        a.append(decimal: UInt64.max)
        a.append(UInt8(ascii: " "))
        a.append(decimal: 7, zeroPaddedTo: 9)
        a.append(UInt8(ascii: " "))
        a.append(decimal: 1_234_567_890, zeroPaddedTo: 9)
        a.append(UInt8(ascii: " "))
        a.append(hex: 0xBEEF)
        a.append(UInt8(ascii: " "))
        a.append(hex: 0xBEEF, uppercase: false)
        a.append(UInt8(ascii: " "))
        a.append(hex: 0)
        a.append(UInt8(ascii: " "))
        a.append(octal: 0o644)
        a.append(UInt8(ascii: " "))
        a.append(octal: 0)
        #expect(
            Self.text(a)
                == "-9223372036854775808 18446744073709551615 000000007 1234567890 BEEF beef 0 0644 0")
    }

    /// Every digit count, odd and even (digits are stored two at a time), against `String(describing:)`.
    @Test func decimalsOfEveryLength() {
        var value: UInt64 = 0
        for digits in 1...20 {
            for candidate in [value, value &* 10 &+ 9, UInt64(String(repeating: "9", count: digits)) ?? .max] {
                var a = OutputBuffer(capacity: 32)
                a.append(decimal: candidate)
                #expect(Self.text(a) == String(candidate))
            }
            value = value &* 10 &+ UInt64(digits % 10)
        }
    }
}
