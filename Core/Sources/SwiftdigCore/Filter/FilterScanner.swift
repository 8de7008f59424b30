// SPDX-License-Identifier: Apache-2.0

/// The character-level reader of libsinsp 0.29.3's filter compiler: it has no tokens, only a scan
/// position that the parser moves with ``next()``, ``operand(first:inList:)`` and ``comparisonOperator()``.
/// Error positions are this position, so every move mirrors the C++ one, quirks included.
struct FilterScanner {
    /// The filter text.
    let text: [UInt8]
    /// The scan position; -1 before the first ``next()``. It may stand one past the end.
    var position = -1

    init(_ text: String) { self.text = Array(text.utf8) }

    /// The byte at `i`, or NUL past the end (std::string's `operator[]` at `size()`).
    @inline(__always) func byte(_ i: Int) -> UInt8 { i >= 0 && i < text.count ? text[i] : 0 }

    /// The byte at the scan position.
    var current: UInt8 { byte(position) }

    static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
    static func isBracket(_ c: UInt8) -> Bool { c == UInt8(ascii: "(") || c == UInt8(ascii: ")") }
    /// The bytes that end a field name.
    static func isSpecial(_ c: UInt8) -> Bool {
        isBracket(c) || c == UInt8(ascii: "!") || c == UInt8(ascii: "=") || c == UInt8(ascii: "<")
            || c == UInt8(ascii: ">")
    }
    static func isQuote(_ c: UInt8) -> Bool { c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") }

    /// Moves to the next non-blank byte and returns it, or 0 at the end.
    mutating func next() -> UInt8 {
        while true {
            position += 1
            if position >= text.count { return 0 }
            if !Self.isBlank(text[position]) { return text[position] }
        }
    }

    /// Skips a blank under the scan position, as the compiler does before operands and operators.
    mutating func skipBlank() {
        if Self.isBlank(current) { _ = next() }
    }

    private enum EscapeState { case normal, slash, hex, error }

    /// Reads a field name (`first`) or a value. Values may be quoted (either quote closes) and take the
    /// escapes `\\`, `\"` and `\xHH`; other backslashes stay. In lists a comma also ends a value. The scan
    /// position is left on the byte that ended the word, or before a bracket or comma.
    mutating func operand(first: Bool, inList: Bool) throws(FilterMessage) -> [UInt8] {
        var word: [UInt8] = []
        skipBlank()
        var quoted = false
        if position < text.count && Self.isQuote(current) {
            quoted = true
            position += 1
        }
        let start = position
        var state = EscapeState.normal
        var digits: [UInt8] = []
        while position < text.count && state != .error {
            let c = text[position]
            let ends: Bool
            if first {
                ends = Self.isBlank(c) || Self.isSpecial(c)
            } else {
                ends = (!quoted && (Self.isBlank(c) || Self.isBracket(c) || (inList && c == UInt8(ascii: ","))))
                    || (quoted && state != .slash && Self.isQuote(c))
            }
            if ends {
                if state != .normal {
                    state = .error
                    break
                }
                if Self.isBracket(c) || (inList && c == UInt8(ascii: ",")) { position -= 1 }
                return word
            }
            switch state {
            case .normal:
                if c == UInt8(ascii: "\\") && !first { state = .slash } else { word.append(c) }
            case .slash:
                switch c {
                case UInt8(ascii: "\\"), UInt8(ascii: "\""):
                    state = .normal
                    word.append(c)
                case UInt8(ascii: "x"):
                    state = .hex
                default:
                    state = .normal
                    word.append(UInt8(ascii: "\\"))
                    word.append(c)
                }
            case .hex:
                if let v = ASCIIHex.value(c) {
                    digits.append(v)
                    if digits.count == 2 {
                        word.append(digits[0] << 4 | digits[1])
                        digits.removeAll()
                        state = .normal
                    }
                } else {
                    state = .error
                }
            case .error:
                break
            }
            position += 1
        }
        if state == .error {
            // sysdig passes the scan position as the substring's length, not its end.
            let from = min(max(start, 0), text.count)
            let end = min(from + max(position, 0), text.count)
            throw FilterMessage("filter error: unrecognized escape sequence at " + Self.string(text[from..<end]))
        }
        if quoted { throw FilterMessage("filter error: unclosed quotes") }
        return word
    }

    /// Reads a comparison operator: the first spelling in sysdig's order that the text starts with here.
    mutating func comparisonOperator() throws(FilterMessage) -> FilterOperator {
        skipBlank()
        let start = position
        for (spelling, op) in FilterOperator.spellings where startsHere(spelling) {
            position += spelling.count
            return op
        }
        let prefix = text[0..<min(max(start, 0), text.count)]
        throw FilterMessage("filter error: unrecognized comparison operator after " + Self.string(prefix))
    }

    private func startsHere(_ word: [UInt8]) -> Bool {
        guard position >= 0, position + word.count <= text.count else { return false }
        return text[position..<(position + word.count)].elementsEqual(word)
    }

    /// The text sysdig would print for `bytes`: a C string stops at the first NUL.
    static func string<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}
