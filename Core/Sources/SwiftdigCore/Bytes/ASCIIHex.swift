// SPDX-License-Identifier: Apache-2.0

/// ASCII hexadecimal digits, as the schema tables (`0x` numbers, `%XX` escapes) and filter values
/// (`\x` escapes, `bcontains` operands) spell them.
enum ASCIIHex {
    /// The value of the digit `c` (`0`-`9`, `a`-`f`, `A`-`F`), or `nil` when it is not one.
    static func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
