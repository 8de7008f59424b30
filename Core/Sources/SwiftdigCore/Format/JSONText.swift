// SPDX-License-Identifier: Apache-2.0

/// JSON text exactly as sysdig's JSON library (jsoncpp 1.9, `FastWriter`) writes it.
enum JSONText {
    private static let hexDigits: StaticString = "0123456789abcdef"

    /// Appends `bytes` as a quoted JSON string. jsoncpp escapes `"` and `\`, names `\b \f \n \r \t`,
    /// writes other control characters and every non-ASCII character as `\uXXXX` (UTF-16, lower-case
    /// hex), and decodes malformed UTF-8 leniently, as U+FFFD where it cannot.
    static func appendString(_ bytes: UnsafeRawBufferPointer, into out: inout OutputBuffer) {
        let count = bytes.count
        // One reservation for the worst case: no byte takes more than six (`\u0001`, `\ufffd`, or
        // twelve for a four-byte sequence).
        out.append(maxCount: 6 &* count &+ 2) { c in
            c.put(UInt8(ascii: "\""))
            var i = 0
            while i < count {
                // Most text needs no escape: copy each run of plain ASCII in one go.
                let end = plainRunEnd(bytes, from: i)
                if end > i {
                    c.put(UnsafeRawBufferPointer(rebasing: bytes[i..<end]))
                    i = end
                    if i == count { break }
                }
                putEscaped(bytes, &i, into: &c)
                i &+= 1
            }
            c.put(UInt8(ascii: "\""))
        }
    }

    /// ``appendString(_:into:)`` for an array (keys, cold paths).
    static func appendString(_ bytes: [UInt8], into out: inout OutputBuffer) {
        bytes.withUnsafeBytes { appendString($0, into: &out) }
    }

    /// The end of the run of bytes from `start` that need no escape: eight bytes at a time while
    /// they last, then byte by byte.
    @inline(__always) private static func plainRunEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        let count = bytes.count
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while i &+ 8 <= count {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // A byte's high bit marks it in each test: below 0x20, equal to `"` or `\`, or non-ASCII
            // (the classic "has a zero byte" trick on `w` and on `w` xor the quote and the backslash).
            let control = (w &- ones &* 0x20) & ~w
            let q = w ^ (ones &* 0x22), b = w ^ (ones &* 0x5C)
            let quote = (q &- ones) & ~q
            let backslash = (b &- ones) & ~b
            if (control | quote | backslash | w) & highs != 0 { break }
            i &+= 8
        }
        while i < count && !needsEscape(bytes[i]) { i &+= 1 }
        return i
    }

    /// Whether jsoncpp writes `c` other than as itself.
    @inline(__always) private static func needsEscape(_ c: UInt8) -> Bool {
        c < 0x20 || c >= 0x80 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\")
    }

    /// Stores the escape of the byte at `i` (a byte ``needsEscape(_:)`` picks), leaving `i` on the last
    /// byte of its UTF-8 sequence.
    private static func putEscaped(_ bytes: UnsafeRawBufferPointer, _ i: inout Int, into c: inout OutputBuffer.Cursor) {
        let byte = bytes[i]
        let named: UInt8
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): named = byte
        case 0x08: named = UInt8(ascii: "b")
        case 0x0C: named = UInt8(ascii: "f")
        case 0x0A: named = UInt8(ascii: "n")
        case 0x0D: named = UInt8(ascii: "r")
        case 0x09: named = UInt8(ascii: "t")
        case 0..<0x20:
            putEscape(UInt32(byte), into: &c)
            return
        default:
            let scalar = decodeScalar(bytes, &i)
            if scalar >= 0x10000 {
                let v = scalar - 0x10000
                putEscape(0xD800 + (v >> 10), into: &c)
                putEscape(0xDC00 + (v & 0x3FF), into: &c)
            } else {
                putEscape(scalar, into: &c)
            }
            return
        }
        c.put(UInt8(ascii: "\\"))
        c.put(named)
    }

    /// `\uXXXX` for a UTF-16 unit.
    private static func putEscape(_ unit: UInt32, into c: inout OutputBuffer.Cursor) {
        c.put(UInt8(ascii: "\\"))
        c.put(UInt8(ascii: "u"))
        hexDigits.withUTF8Buffer { digits in
            for shift in stride(from: 12, through: 0, by: -4) {
                c.put(digits[Int((unit >> UInt32(shift)) & 0xF)])
            }
        }
    }

    /// Decodes the UTF-8 sequence starting at `i` as jsoncpp's `utf8ToCodepoint` does (continuation
    /// bytes are taken without checking them), leaving `i` on its last byte.
    private static func decodeScalar(_ bytes: UnsafeRawBufferPointer, _ i: inout Int) -> UInt32 {
        let replacement: UInt32 = 0xFFFD
        let first = UInt32(bytes[i])
        let remaining = bytes.count - i
        func byte(_ n: Int) -> UInt32 { UInt32(bytes[i + n]) & 0x3F }
        if first < 0xE0 {
            guard remaining >= 2 else { return replacement }
            let value = (first & 0x1F) << 6 | byte(1)
            i += 1
            return value < 0x80 ? replacement : value
        }
        if first < 0xF0 {
            guard remaining >= 3 else { return replacement }
            let value = (first & 0x0F) << 12 | byte(1) << 6 | byte(2)
            i += 2
            if value >= 0xD800 && value <= 0xDFFF { return replacement }
            return value < 0x800 ? replacement : value
        }
        if first < 0xF8 {
            guard remaining >= 4 else { return replacement }
            let value = (first & 0x07) << 18 | byte(1) << 12 | byte(2) << 6 | byte(3)
            i += 3
            return value < 0x10000 ? replacement : value
        }
        return replacement
    }
}

/// Field values as sysdig's `-j` writes them (libsinsp's `rawval_to_json`).
enum JSONValue {
    /// Appends the JSON value of `field` for `event`.
    /// - Returns: `false` when the value is `null` (no value, or a type JSON cannot show).
    /// - Throws: for the types libsinsp's JSON conversion rejects (doubles, fds, errnos...), with its
    ///   message: sysdig stops there.
    static func append(
        _ field: BoundField, _ event: Event, _ context: FieldContext, into out: inout OutputBuffer
    ) throws(FieldError) -> Bool {
        if field.hasJSONNumber {
            guard case .number(let v) = field.jsonExtractor(event, context) else { return null(&out) }
            out.append(decimal: Int64(bitPattern: v))
            return true
        }
        let value = field.extract(event, context)
        if case .none = value { return null(&out) }
        let type = field.type, format = field.format
        switch type {
        case .int8, .int16, .int32, .uint8, .uint16, .uint32, .l4proto, .port:
            switch format {
            case .dec, .id: FieldRendering.append(value, type: type, format: format, context, into: &out)
            case .oct, .hex: appendAsString(field, value, context, into: &out)
            default: return null(&out)
            }
        case .int64, .pid:
            if format == .dec || format == .id {
                FieldRendering.append(value, type: type, format: format, context, into: &out)
            } else {
                appendAsString(field, value, context, into: &out)
            }
        case .uint64, .reltime, .abstime:
            switch format {
            case .dec, .id: FieldRendering.append(value, type: type, format: format, context, into: &out)
            case .paddedDec, .oct, .hex: appendAsString(field, value, context, into: &out)
            default: return null(&out)
            }
        case .bool:
            guard case .number(let v) = value else { return null(&out) }
            out.append(v != 0 ? "true" : "false")
        case .charbuf, .fspath, .bytebuf, .ipv4addr, .ipv6addr, .ipaddr, .fsrelpath:
            appendAsString(field, value, context, into: &out)
        case .sockaddr, .sockfamily:
            return null(&out)
        default:
            throw FieldError("wrong event type \(type.rawValue)")
        }
        return true
    }

    private static func null(_ out: inout OutputBuffer) -> Bool {
        out.append("null")
        return false
    }

    /// The value's text (as `-p` prints it) as a JSON string. Texts are escaped straight from where
    /// they are; numbers and addresses print as ASCII that needs no escape, so they are rendered in
    /// place between the quotes.
    private static func appendAsString(
        _ field: BoundField, _ value: FieldResult, _ context: FieldContext, into out: inout OutputBuffer
    ) {
        switch value {
        case .text, .bytes:
            context.withBytes(value) { raw in
                if FieldRendering.isIPv6(raw, type: field.type) {
                    out.append(UInt8(ascii: "\""))
                    out.append(NetworkAddresses.ipv6(raw))
                    out.append(UInt8(ascii: "\""))
                } else {
                    JSONText.appendString(FieldRendering.cString(raw), into: &out)
                }
            }
        case .none, .number:
            out.append(UInt8(ascii: "\""))
            field.render(value, context, into: &out)
            out.append(UInt8(ascii: "\""))
        }
    }
}
