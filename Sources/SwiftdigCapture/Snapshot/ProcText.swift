// SPDX-License-Identifier: Apache-2.0

/// Parsing of /proc's text files on their bytes, the way libscap's `sscanf` and `strtoul` calls
/// read them: leading blanks skipped, a number ends at its first non-digit.
enum ProcText {
    static let newline = UInt8(ascii: "\n")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")

    /// The lines of `bytes`, without their newlines.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: newline, omittingEmptySubsequences: false)
    }

    /// The blank-separated fields of `line` (spaces and tabs, as `strtok(" \t")`).
    static func fields(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        line.split(whereSeparator: { $0 == space || $0 == tab })
    }

    /// `line` without the `prefix` it starts with, or `nil`.
    static func after(_ prefix: String, in line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let start = line.startIndex
        var index = start
        for byte in prefix.utf8 {
            guard index < line.endIndex, line[index] == byte else { return nil }
            index += 1
        }
        return line[index...]
    }

    /// The unsigned number at the start of `text` (after blanks) in `radix`, or `nil` without digits.
    static func unsigned(_ text: ArraySlice<UInt8>, radix: UInt64 = 10) -> UInt64? {
        var value: UInt64 = 0
        var digits = 0
        for byte in text.drop(while: { $0 == space || $0 == tab }) {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt64(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt64(byte - UInt8(ascii: "A") + 10)
            default: digit = radix
            }
            if digit >= radix { break }
            value = value &* radix &+ digit
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// The signed decimal number at the start of `text` (after blanks), or `nil`.
    static func signed(_ text: ArraySlice<UInt8>) -> Int64? {
        let trimmed = text.drop(while: { $0 == space || $0 == tab })
        if trimmed.first == UInt8(ascii: "-") {
            return unsigned(trimmed.dropFirst()).map { 0 &- Int64(bitPattern: $0) }
        }
        return unsigned(trimmed).map { Int64(bitPattern: $0) }
    }

    /// The first blank-delimited word of `text` (`%s`).
    static func word(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let trimmed = text.drop(while: { $0 == space || $0 == tab || $0 == newline })
        return trimmed.prefix(while: { $0 != space && $0 != tab && $0 != newline })
    }
}
