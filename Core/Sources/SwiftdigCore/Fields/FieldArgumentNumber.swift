// SPDX-License-Identifier: Apache-2.0

/// Numbers in field arguments (`evt.arg[2]`, `evt.around[1404996934793590564]`), read as libsinsp's
/// `sinsp_numparser` reads them: `sscanf("%d%c")` and friends, as the filter's constants are read.
enum FieldArgumentNumber {
    /// A signed 32-bit number (`parsed32`): strtol's saturation, then the cast to `int`.
    static func signed32(_ text: Substring) throws(FieldError) -> Int32 {
        Int32(truncatingIfNeeded: try read(text) { s throws(FilterMessage) in try FilterValueParser.signed(s, bits: 32) })
    }

    /// An unsigned 32-bit number (`tryparseu32`).
    static func unsigned32(_ text: Substring) throws(FieldError) -> UInt32 {
        UInt32(truncatingIfNeeded: try read(text) { s throws(FilterMessage) in try FilterValueParser.unsigned(s, bits: 32) })
    }

    /// An unsigned 64-bit number (`parseu64`); a minus sign negates modulo 2^64, as `strtoul` does.
    static func unsigned64(_ text: Substring) throws(FieldError) -> UInt64 {
        try read(text) { s throws(FilterMessage) in try FilterValueParser.unsigned(s, bits: 64) }
    }

    /// Runs the filter's number reader, with its message (`X is not a valid number`) as a field error.
    private static func read(
        _ text: Substring, _ parse: ([UInt8]) throws(FilterMessage) -> UInt64
    ) throws(FieldError) -> UInt64 {
        do {
            return try parse(Array(text.utf8))
        } catch {
            throw FieldError(error.text)
        }
    }
}
