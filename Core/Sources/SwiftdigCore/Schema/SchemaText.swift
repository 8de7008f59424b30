// SPDX-License-Identifier: Apache-2.0

// Splitting of the schema text tables (events, names, syscalls, fields), which every run parses at
// start-up. It works on UTF-8 bytes: splitting by `Character` (grapheme clusters) cost about
// three quarters of the start-up's instructions.

extension StringProtocol where SubSequence == Substring {
    /// The parts of the text between occurrences of the ASCII byte `separator`, as
    /// `split(separator:maxSplits:omittingEmptySubsequences:)` gives them, found byte by byte.
    func splitBytes(_ separator: UInt8, maxSplits: Int = .max, omittingEmpty: Bool = true) -> [Substring] {
        var parts: [Substring] = []
        let bytes = utf8
        var start = bytes.startIndex
        var index = start
        var splits = 0
        while index != bytes.endIndex, splits < maxSplits {
            if bytes[index] == separator {
                if !omittingEmpty || start != index {
                    parts.append(self[start..<index])
                    splits += 1
                }
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        if !omittingEmpty || start != bytes.endIndex { parts.append(self[start..<bytes.endIndex]) }
        return parts
    }

    /// The text without the spaces that start it.
    func droppingLeadingSpaces() -> Substring {
        let bytes = utf8
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == UInt8(ascii: " ") { index = bytes.index(after: index) }
        return self[index..<bytes.endIndex]
    }
}

/// Splits schema text into entries: drops blank lines and `#` comments, and joins a line that starts with
/// a space to the entry before it.
func schemaEntries(_ text: String) -> [String] {
    var entries: [String] = []
    for line in text.splitBytes(UInt8(ascii: "\n")) {
        let trimmed = line.droppingLeadingSpaces()
        if trimmed.isEmpty || trimmed.utf8.first == UInt8(ascii: "#") { continue }
        if trimmed.startIndex != line.startIndex, !entries.isEmpty {
            entries[entries.count - 1] += " " + trimmed
        } else {
            entries.append(String(trimmed))
        }
    }
    return entries
}
