// SPDX-License-Identifier: Apache-2.0

/// sysdig reads its command line with `getopt_long`, where a short option's value may be glued to it
/// (`-pc` is `-p c`, `-cl` is `-c l`, `-n10` is `-n 10`) and flags combine (`-qS`). Users type these
/// forms, so the runner rewrites them into separate words before the argument parser sees them.
enum GetoptArguments {
    /// The short options that take a value, as in sysdig 0.29.3's option string
    /// (`AbB::c:C:dDEe:FG:hH:I:i:jk:K:lLm:M:n:Pp:qRr:Ss:t:TU:uvW:w:xXz`).
    static let optionsWithValue: Set<Character> = [
        "c", "C", "e", "G", "H", "I", "i", "k", "K", "m", "M", "n", "p", "r", "s", "t", "U", "W", "w",
    ]
    /// The short options that are flags.
    /// (`-B` takes an optional value glued to it; as a word of its own it is a flag.)
    static let flags: Set<Character> = [
        "A", "b", "B", "d", "D", "E", "F", "h", "j", "l", "L", "P", "q", "R", "S", "T", "u", "v", "x", "X", "z",
    ]

    /// Splits glued short options into words: `["-pc"]` → `["-p", "c"]`, `["-qSr", "f"]` →
    /// `["-q", "-S", "-r", "f"]`. Long options, lone words and everything after `--` pass unchanged, as
    /// do words with a letter the tables above do not know (the parser reports those).
    static func normalize(_ arguments: [String]) -> [String] {
        var out: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            index += 1
            if word == "--" {
                out.append(contentsOf: arguments[(index - 1)...])
                break
            }
            guard word.hasPrefix("-"), !word.hasPrefix("--"), word.count > 2 else {
                out.append(word)
                if word.count == 2, let letter = word.last, optionsWithValue.contains(letter), index < arguments.count {
                    // A value may itself start with '-' (`-p -x`): it belongs to the option.
                    out.append(arguments[index])
                    index += 1
                }
                continue
            }
            let letters = Array(word.dropFirst())
            var split: [String] = []
            var consumedNext = false
            for (i, letter) in letters.enumerated() {
                if flags.contains(letter) {
                    split.append("-\(letter)")
                    continue
                }
                guard optionsWithValue.contains(letter) else {
                    split = [word]  // not getopt's business: leave it to the parser's error
                    break
                }
                split.append("-\(letter)")
                let rest = String(letters[(i + 1)...])
                if !rest.isEmpty {
                    split.append(rest)
                } else if index < arguments.count {
                    split.append(arguments[index])
                    consumedNext = true
                }
                break
            }
            if consumedNext && split.count > 1 { index += 1 }
            out.append(contentsOf: split)
        }
        return out
    }
}
