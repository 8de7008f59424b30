// SPDX-License-Identifier: Apache-2.0

/// The text forms of byte buffers, one per ``BufferFormat``, as sysdig writes them.
enum BufferEncoding {
    @inline(__always) static func isPrintable(_ c: UInt8) -> Bool { c >= 0x20 && c <= 0x7E }

    static func encode(_ p: UnsafeRawBufferPointer, format: BufferFormat, into out: inout OutputBuffer) {
        switch format {
        case .hex, .jsonHex: hexRows(p, ascii: false, into: &out)
        case .hexAscii, .jsonHexAscii: hexRows(p, ascii: true, into: &out)
        case .base64, .jsonBase64: base64(p, into: &out)
        case .ascii, .jsonAscii: asciiOnly(p, leadingNewline: true, into: &out)
        default: dots(p, into: &out)
        }
    }

    /// Printable bytes as they are, the rest as `.`; stops at a NUL in the output as the C string
    /// sysdig builds would.
    static func dots(_ p: UnsafeRawBufferPointer, into out: inout OutputBuffer) {
        let n = p.count
        let target = out.reserve(n)
        for i in 0..<n {
            let c = p[i]
            target[i] = isPrintable(c) ? c : UInt8(ascii: ".")
        }
        out.commit(n)
    }

    /// Printable bytes and line ends only; `\r\n` becomes one line end.
    static func asciiOnly(_ p: UnsafeRawBufferPointer, leadingNewline: Bool, into out: inout OutputBuffer) {
        if leadingNewline { out.append(UInt8(ascii: "\n")) }
        var j = 0
        while j < p.count {
            let c = p[j]
            if isPrintable(c) {
                out.append(c)
            } else if c == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
            } else if c == UInt8(ascii: "\n") {
                if j > 0 && p[j - 1] != UInt8(ascii: "\r") { out.append(c) }
            }
            j += 1
        }
    }

    /// Rows of sixteen bytes: `\n\t0xOFFS: 1234 5678 ...`, with an ASCII column for `-X`, and a
    /// final line end.
    static func hexRows(_ p: UnsafeRawBufferPointer, ascii: Bool, into out: inout OutputBuffer) {
        let digits: StaticString = "0123456789abcdef"
        func hex2(_ b: UInt8) {
            digits.withUTF8Buffer { d in
                out.append(d[Int(b >> 4)])
                out.append(d[Int(b & 0xF)])
            }
        }
        var j = 0
        while j < p.count {
            out.append("\n\t0x")
            hex2(UInt8(truncatingIfNeeded: j >> 8))
            hex2(UInt8(truncatingIfNeeded: j))
            out.append(UInt8(ascii: ":"))
            var chunks = 0
            var k = j
            while chunks < 8 && k < p.count {
                out.append(UInt8(ascii: " "))
                if k == p.count - 1 {
                    hex2(p[k])
                } else {
                    hex2(p[k])
                    hex2(p[k + 1])
                }
                chunks += 1
                k += 2
            }
            if ascii {
                while chunks < 8 {
                    out.append("     ")
                    chunks += 1
                }
                out.append("  ")
                var a = j
                while a < j + 16 && a < p.count {
                    out.append(isPrintable(p[a]) ? p[a] : UInt8(ascii: "."))
                    a += 1
                }
            }
            j += 16
        }
        out.append(UInt8(ascii: "\n"))
    }

    static func base64(_ p: UnsafeRawBufferPointer, into out: inout OutputBuffer) {
        let table: StaticString = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
        table.withUTF8Buffer { t in
            var j = 0
            while j < p.count {
                let a = UInt32(p[j])
                let b = j + 1 < p.count ? UInt32(p[j + 1]) : 0
                let c = j + 2 < p.count ? UInt32(p[j + 2]) : 0
                let triple = a << 16 | b << 8 | c
                out.append(t[Int((triple >> 18) & 0x3F)])
                out.append(t[Int((triple >> 12) & 0x3F)])
                out.append(j + 1 < p.count ? t[Int((triple >> 6) & 0x3F)] : UInt8(ascii: "="))
                out.append(j + 2 < p.count ? t[Int(triple & 0x3F)] : UInt8(ascii: "="))
                j += 3
            }
        }
    }
}

/// `printf` conversions that Swift's standard library does not spell the same way.
enum CFormat {
    /// `%g` (and `%lg`): six significant digits, trailing zeros removed, exponent form outside
    /// 1e-4 ..< 1e6.
    static func g(_ x: Double) -> String {
        if x == 0 { return "0" }
        if !x.isFinite { return x.isNaN ? "nan" : (x < 0 ? "-inf" : "inf") }
        let precision = 6
        var exponent = Int((abs(x)).log10Floor)
        // Rounding to six digits can carry into the next power of ten.
        let rounded = (abs(x) / pow10(exponent - precision + 1)).rounded() * pow10(exponent - precision + 1)
        if rounded >= pow10(exponent + 1) { exponent += 1 }
        if exponent < -4 || exponent >= precision {
            var mantissa = fixed(x / pow10(exponent), decimals: precision - 1)
            mantissa = trimZeros(mantissa)
            let sign = exponent < 0 ? "-" : "+"
            let e = abs(exponent)
            return mantissa + "e" + sign + (e < 10 ? "0" : "") + String(e)
        }
        return trimZeros(fixed(x, decimals: max(0, precision - 1 - exponent)))
    }

    private static func pow10(_ n: Int) -> Double {
        var r = 1.0
        if n >= 0 { for _ in 0..<n { r *= 10 } } else { for _ in 0..<(-n) { r /= 10 } }
        return r
    }

    /// `%.Nf`.
    static func fixed(_ x: Double, decimals: Int) -> String {
        let scale = pow10(decimals)
        let negative = x < 0
        let scaled = (abs(x) * scale).rounded(.toNearestOrEven)
        let whole = UInt64(scaled / scale)
        var frac = UInt64(scaled - Double(whole) * scale)
        var out = (negative ? "-" : "") + String(whole)
        if decimals > 0 {
            var digits = [Character](repeating: "0", count: decimals)
            var i = decimals - 1
            while i >= 0 {
                digits[i] = Character(String(frac % 10))
                frac /= 10
                i -= 1
            }
            out += "." + String(digits)
        }
        return out
    }

    private static func trimZeros(_ s: String) -> String {
        guard s.contains(".") else { return s }
        var t = s
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }
}

extension Double {
    /// ⌊log10(self)⌋ for a positive value.
    fileprivate var log10Floor: Double {
        var e = 0.0
        var v = self
        while v >= 10 { v /= 10; e += 1 }
        while v < 1 { v *= 10; e -= 1 }
        return e
    }
}
