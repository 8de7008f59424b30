// SPDX-License-Identifier: Apache-2.0

/// A `glob` pattern compiled once: glibc's `fnmatch(pattern, string, 0)` in the C locale, which sysdig
/// calls per event. `*` and `?` match any byte including `/` and a leading `.`; `[...]` takes `!` or `^`,
/// ranges and `[:class:]`; a backslash escapes the next byte; an unclosed `[` is a literal.
struct GlobPattern: Equatable {
    enum Token: Equatable {
        case byte(UInt8)
        case any
        case star
        /// A bracket expression as a 256-bit set (already inverted for `[!...]`).
        case set([UInt64])
        /// A pattern that can never match (a trailing backslash, an unknown class).
        case impossible
    }

    let tokens: [Token]

    init(_ pattern: [UInt8]) {
        var tokens: [Token] = []
        var i = 0
        while i < pattern.count {
            let c = pattern[i]
            switch c {
            case UInt8(ascii: "*"):
                if tokens.last != .star { tokens.append(.star) }
                i += 1
            case UInt8(ascii: "?"):
                tokens.append(.any)
                i += 1
            case UInt8(ascii: "\\"):
                if i + 1 < pattern.count {
                    tokens.append(.byte(pattern[i + 1]))
                    i += 2
                } else {
                    tokens.append(.impossible)
                    i += 1
                }
            case UInt8(ascii: "["):
                if let (token, end) = Self.bracket(pattern, from: i + 1) {
                    tokens.append(token)
                    i = end
                } else {
                    tokens.append(.byte(c))
                    i += 1
                }
            default:
                tokens.append(.byte(c))
                i += 1
            }
        }
        self.tokens = tokens
    }

    /// Parses a bracket expression whose body starts at `from`; returns the token and the index after
    /// its `]`, or `nil` when it is not closed (then `[` is literal).
    private static func bracket(_ p: [UInt8], from: Int) -> (Token, Int)? {
        var bits = [UInt64](repeating: 0, count: 4)
        func add(_ c: UInt8) { bits[Int(c >> 6)] |= 1 << UInt64(c & 63) }
        var i = from
        let negated = i < p.count && (p[i] == UInt8(ascii: "!") || p[i] == UInt8(ascii: "^"))
        if negated { i += 1 }
        var first = true
        var impossible = false
        while i < p.count {
            var c = p[i]
            if c == UInt8(ascii: "]") && !first {
                if impossible { return (.impossible, i + 1) }
                return (.set(negated ? bits.map { ~$0 } : bits), i + 1)
            }
            first = false
            if c == UInt8(ascii: "[") && i + 1 < p.count && p[i + 1] == UInt8(ascii: ":") {
                guard let close = Self.find(p, [UInt8(ascii: ":"), UInt8(ascii: "]")], from: i + 2) else { return nil }
                let name = String(decoding: p[(i + 2)..<close], as: UTF8.self)
                if let test = classes[name] {
                    for b in 0...255 where test(UInt8(b)) { add(UInt8(b)) }
                } else {
                    impossible = true
                }
                i = close + 2
                continue
            }
            if c == UInt8(ascii: "\\") {
                guard i + 1 < p.count else { return nil }
                i += 1
                c = p[i]
            }
            // A range `a-z`, unless `-` ends the expression.
            if i + 2 < p.count && p[i + 1] == UInt8(ascii: "-") && p[i + 2] != UInt8(ascii: "]") {
                var hi = p[i + 2]
                var next = i + 3
                if hi == UInt8(ascii: "\\") && i + 3 < p.count {
                    hi = p[i + 3]
                    next = i + 4
                }
                if c <= hi { for b in c...hi { add(b) } }
                i = next
                continue
            }
            add(c)
            i += 1
        }
        return nil
    }

    private static func find(_ p: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        var i = from
        while i + needle.count <= p.count {
            if p[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static let classes: [String: @Sendable (UInt8) -> Bool] = [
        "alpha": { isUpper($0) || isLower($0) }, "digit": isDigit,
        "alnum": { isUpper($0) || isLower($0) || isDigit($0) }, "upper": isUpper, "lower": isLower,
        "space": { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }, "blank": { $0 == 0x20 || $0 == 0x09 },
        "punct": { $0 > 0x20 && $0 < 0x7F && !(isUpper($0) || isLower($0) || isDigit($0)) },
        "print": { $0 >= 0x20 && $0 < 0x7F }, "graph": { $0 > 0x20 && $0 < 0x7F },
        "cntrl": { $0 < 0x20 || $0 == 0x7F },
        "xdigit": { isDigit($0) || ($0 >= 0x41 && $0 <= 0x46) || ($0 >= 0x61 && $0 <= 0x66) },
    ]
    private static func isUpper(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    private static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// Whether the whole of `s` matches. Only `*` varies in length, so one backtracking point (the
    /// latest star) suffices.
    func matches(_ s: UnsafeRawBufferPointer) -> Bool {
        var t = 0, i = 0
        var starToken = -1, starInput = 0
        while i < s.count {
            if t < tokens.count {
                switch tokens[t] {
                case .star:
                    starToken = t
                    starInput = i
                    t += 1
                    continue
                case .any:
                    t += 1
                    i += 1
                    continue
                case .byte(let b) where b == s[i]:
                    t += 1
                    i += 1
                    continue
                case .set(let bits) where bits[Int(s[i] >> 6)] & (1 << UInt64(s[i] & 63)) != 0:
                    t += 1
                    i += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            starInput += 1
            i = starInput
            t = starToken + 1
        }
        while t < tokens.count, tokens[t] == .star { t += 1 }
        return t == tokens.count
    }
}
