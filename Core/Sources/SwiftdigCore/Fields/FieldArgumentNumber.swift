// SPDX-License-Identifier: Apache-2.0

/// Numbers in field arguments (`evt.arg[2]`, `evt.around[1404996934793590564]`), read as libsinsp's
/// `sinsp_numparser` reads them: `sscanf("%d%c")`, which allows leading blanks and a sign and
/// nothing after the digits.
enum FieldArgumentNumber {
    /// A signed 32-bit number (`parsed32`). Out-of-range values wrap as glibc stores a `long` in an `int`.
    static func signed32(_ text: Substring) throws(FieldError) -> Int32 {
        guard let (negative, magnitude) = scan(text) else { throw invalid(text) }
        let clamped: Int64 = negative
            ? (magnitude > UInt64(Int64.max) ? Int64.min : -Int64(magnitude))
            : (magnitude > UInt64(Int64.max) ? Int64.max : Int64(magnitude))
        return Int32(truncatingIfNeeded: clamped)
    }

    /// An unsigned 32-bit number (`tryparseu32`), the low bits of what `strtoul` reads.
    static func unsigned32(_ text: Substring) throws(FieldError) -> UInt32 {
        UInt32(truncatingIfNeeded: try unsigned64(text))
    }

    /// An unsigned 64-bit number (`parseu64`); a minus sign negates modulo 2^64, as `strtoul` does.
    static func unsigned64(_ text: Substring) throws(FieldError) -> UInt64 {
        guard let (negative, magnitude) = scan(text) else { throw invalid(text) }
        return negative ? 0 &- magnitude : magnitude
    }

    /// sysdig's message for a malformed number.
    static func invalid(_ text: Substring) -> FieldError { FieldError("\(text) is not a valid number") }

    /// Blanks, an optional sign, then at least one digit up to the end; the magnitude saturates.
    private static func scan(_ text: Substring) -> (negative: Bool, magnitude: UInt64)? {
        var bytes = text.utf8[...]
        while let c = bytes.first, c == 0x20 || (0x09...0x0D).contains(c) { bytes = bytes.dropFirst() }
        var negative = false
        if let c = bytes.first, c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            negative = c == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty else { return nil }
        var value: UInt64 = 0
        var overflow = false
        for c in bytes {
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            value = sum
        }
        return (negative, overflow ? UInt64.max : value)
    }
}
