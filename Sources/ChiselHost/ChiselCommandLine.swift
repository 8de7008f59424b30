// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// A chisel the command line asked for, loaded, with its arguments.
public struct ChiselRequest {
    /// The plugin.
    public let plugin: ChiselPlugin
    /// The name it was asked for by.
    public let name: String
    /// Its argument values, in order.
    public let arguments: [String]

    /// A request for `plugin` with `arguments`.
    public init(plugin: ChiselPlugin, name: String, arguments: [String]) {
        self.plugin = plugin
        self.name = name
        self.arguments = arguments
    }
}

/// Takes `-c NAME [ARGS]` out of a command line as sysdig's `parse_chisel_args` does: whether the
/// word after the name is the chisel's arguments depends on the chisel, so it is loaded here.
public enum ChiselCommandLine {
    /// What the command line asked of chisels.
    public struct Extraction {
        /// The chisels to run, in command-line order.
        public var requests: [ChiselRequest] = []
        /// Whether `-cl` (or `--list-chisels`) was given.
        public var listRequested = false
        /// The other words, for the argument parser.
        public var rest: [String] = []
    }

    /// Splits `words` (already in getopt's separate form: `-c NAME`).
    /// - Parameter isFilter: whether text compiles as a filter (for chisels with only optional
    ///   arguments, the next word is theirs unless the rest of the line is a filter).
    /// - Throws: ``ChiselLoadError`` for a missing or broken chisel, or bad arguments.
    public static func extract(
        _ words: [String], loader: ChiselLoader, isFilter: (String) -> Bool
    ) throws(ChiselLoadError) -> Extraction {
        var out = Extraction()
        var i = 0
        while i < words.count {
            let word = words[i]
            i += 1
            if word == "--" {
                out.rest += words[(i - 1)...]
                break
            }
            if word == "--list-chisels" {
                out.listRequested = true
                continue
            }
            guard word == "-c" || word == "--chisel" else {
                out.rest.append(word)
                continue
            }
            guard i < words.count else { throw ChiselLoadError("-c needs a chisel name") }
            let name = words[i]
            i += 1
            if name == "l" {
                out.listRequested = true
                continue
            }
            let plugin = try loader.load(name)
            let declared = plugin.info.arguments
            var given: [String] = []
            if !declared.isEmpty {
                let required = declared.filter { !$0.isOptional }.count
                if i < words.count {
                    let next = words[i]
                    let rest = words[i...].joined(separator: " ")
                    let takes = required > 0
                        || (!next.hasPrefix("-") && ((declared.count == 1 && declared[0].type == "filter") || !isFilter(rest)))
                    if takes {
                        given = try split(next, chisel: name)
                        i += 1
                    }
                } else if required > 0 {
                    throw ChiselLoadError("missing arguments for chisel \(name)")
                }
            }
            try validate(given, against: plugin.info, chisel: name)
            out.requests.append(ChiselRequest(plugin: plugin, name: name, arguments: given))
        }
        return out
    }

    /// Splits one command-line word into argument values as sysdig does: at spaces, except inside
    /// `'...'` or `` `...` ``.
    /// - Throws: ``ChiselLoadError`` for an unclosed quote.
    public static func split(_ word: String, chisel: String) throws(ChiselLoadError) -> [String] {
        let text = Array(word.utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed())
        guard !text.isEmpty else { return [] }
        var values: [String] = []
        var begin = 0, correction = 0
        var inQuotes = false
        for (j, c) in text.enumerated() {
            if c == UInt8(ascii: " ") && !inQuotes {
                values.append(String(decoding: text[begin..<max(begin, j - correction)], as: UTF8.self))
                begin = j + 1
                correction = 0
            } else if c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                if inQuotes {
                    correction = 1
                    inQuotes = false
                } else {
                    begin += 1
                    inQuotes = true
                }
            }
        }
        if inQuotes { throw ChiselLoadError("corrupted parameters for chisel \(chisel)") }
        values.append(String(decoding: text[min(begin, text.count)..<max(begin, text.count - correction)], as: UTF8.self))
        return values
    }

    /// Checks the number of `values` against the chisel's arguments, with sysdig's messages.
    public static func validate(_ values: [String], against info: ChiselInfo, chisel: String) throws(ChiselLoadError) {
        let required = info.arguments.filter { !$0.isOptional }.count
        let optional = info.arguments.count - required
        if values.count < required {
            throw ChiselLoadError("wrong number of parameters for chisel \(chisel), \(required) required, \(values.count) given")
        }
        if values.count > required + optional {
            throw ChiselLoadError(
                "too many parameters for chisel \(chisel), \(required) required, \(optional) optional, \(values.count) given")
        }
    }
}
