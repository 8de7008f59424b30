// SPDX-License-Identifier: Apache-2.0

/// JSON text as sysdig's chisels write it: `dkjson.encode(value, { indent = true })`, the encoder
/// its `common.lua` loads. Objects put each member on a line of its own, indented two spaces a
/// level; arrays stay on one line.
enum ChiselJSON {
    /// A value to encode.
    indirect enum Value {
        case string(String)
        /// A Lua number, written as Lua's `tostring` writes it.
        case number(Double)
        case bool(Bool)
        case null
        case array([Value])
        /// Members in the order given (dkjson's follows Lua's hash order, which varies run to run).
        case object([(String, Value)])
    }

    /// The text of `value`, without a final line end.
    static func encode(_ value: Value) -> String {
        var out = ""
        append(value, level: 0, to: &out)
        return out
    }

    private static func append(_ value: Value, level: Int, to out: inout String) {
        switch value {
        case .string(let text): quote(text, to: &out)
        case .number(let n): out += n.isFinite ? ChiselFormat.number(n) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                append(item, level: level + 1, to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (i, (key, member)) in members.enumerated() {
                if i > 0 { out += "," }
                out += "\n" + String(repeating: "  ", count: level + 1)
                quote(key, to: &out)
                out += ":"
                append(member, level: level + 1, to: &out)
            }
            out += "\n" + String(repeating: "  ", count: level) + "}"
        }
    }

    /// dkjson's `quotestring`: control characters, `"`, `\` and DEL escaped, and the code points
    /// JavaScript mishandles (U+0080–U+009F, U+00AD, U+0600–U+0604, U+070F, U+17B4, U+17B5,
    /// U+200C–U+200F, U+2028–U+202F, U+2060–U+206F, U+FEFF, U+FFF0–U+FFFF) as `\uXXXX`.
    static func quote(_ text: String, to out: inout String) {
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x22: bytes += Array("\\\"".utf8)
            case 0x5C: bytes += Array("\\\\".utf8)
            case 0x08: bytes += Array("\\b".utf8)
            case 0x0C: bytes += Array("\\f".utf8)
            case 0x0A: bytes += Array("\\n".utf8)
            case 0x0D: bytes += Array("\\r".utf8)
            case 0x09: bytes += Array("\\t".utf8)
            case 0x00...0x1F, 0x7F, 0x80...0x9F, 0xAD, 0x600...0x604, 0x70F, 0x17B4, 0x17B5, 0x200C...0x200F,
                0x2028...0x202F, 0x2060...0x206F, 0xFEFF, 0xFFF0...0xFFFF:
                bytes += Array(ChiselFormat.printf("\\u%.4x", Int32(v)).utf8)
            default:
                bytes += Array(String(scalar).utf8)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        out += String(decoding: bytes, as: UTF8.self)
    }
}
