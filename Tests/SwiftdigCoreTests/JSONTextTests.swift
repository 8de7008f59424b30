// SPDX-License-Identifier: Apache-2.0
@testable import SwiftdigCore
import Testing

/// JSON strings as jsoncpp writes them, whatever the position of the bytes that need escapes
/// (plain runs are scanned eight bytes at a time).
@Suite struct JSONTextTests {
    static func json(_ bytes: [UInt8]) -> String {
        var out = OutputBuffer(capacity: 16)
        JSONText.appendString(bytes, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Each escape, alone and at every offset of a longer plain text.
    @Test func escapesAtEveryOffset() {
        let cases: [(UInt8, String)] = [
            (0x22, "\\\""), (0x5C, "\\\\"), (0x08, "\\b"), (0x0C, "\\f"), (0x0A, "\\n"), (0x0D, "\\r"),
            (0x09, "\\t"), (0x01, "\\u0001"), (0x1F, "\\u001f"), (0x7F, "\u{7F}"), (0x20, " "),
        ]
        for (byte, escaped) in cases {
            for offset in 0..<20 {
                let prefix = String(repeating: "a", count: offset)
                let bytes = Array(prefix.utf8) + [byte] + Array("tail-of-text".utf8)
                #expect(Self.json(bytes) == "\"" + prefix + escaped + "tail-of-text\"")
            }
        }
    }

    /// Non-ASCII characters become UTF-16 escapes; malformed sequences U+FFFD.
    @Test func nonASCII() {
        #expect(Self.json(Array("0123456789é".utf8)) == "\"0123456789\\u00e9\"")
        #expect(Self.json(Array("€ and 😀!".utf8)) == "\"\\u20ac and \\ud83d\\ude00!\"")
        #expect(Self.json([0x41, 0xC3]) == "\"A\\ufffd\"")
        #expect(Self.json([0xFF, 0x41]) == "\"\\ufffdA\"")
        #expect(Self.json([]) == "\"\"")
        #expect(Self.json(Array("plain text longer than sixteen bytes".utf8)) == "\"plain text longer than sixteen bytes\"")
    }
}
