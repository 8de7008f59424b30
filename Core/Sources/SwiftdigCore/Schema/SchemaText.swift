// SPDX-License-Identifier: Apache-2.0

// Reading of the schema text tables (events, names, syscalls, fields), which every run parses at
// start-up. It works on the UTF-8 bytes of the tables' string literals through pointers: splitting by
// `Character` cost about three quarters of the start-up's instructions, and `Substring` words with
// string comparisons still cost more than a third of the start-up of a filtered run.

/// A run of bytes of a schema table: an entry's word or a part of one. It points into the table's
/// text and is valid only inside the `withSchemaText` or `forEachSchemaEntry` call that made it.
struct SchemaSpan: CustomStringConvertible {
    /// The first byte.
    let start: UnsafePointer<UInt8>
    /// The number of bytes.
    let count: Int

    /// Whether the span has no bytes.
    var isEmpty: Bool { count == 0 }

    /// The bytes as a string (a copy).
    var string: String { String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self) }

    /// The bytes as text, for error messages.
    var description: String { string }

    /// The byte at `offset` from the start.
    subscript(offset: Int) -> UInt8 { start[offset] }

    /// The first `n` bytes.
    func prefix(_ n: Int) -> SchemaSpan { SchemaSpan(start: start, count: min(n, count)) }

    /// The span without its first `n` bytes.
    func dropFirst(_ n: Int = 1) -> SchemaSpan {
        let n = min(n, count)
        return SchemaSpan(start: start + n, count: count - n)
    }

    /// The span without its last `n` bytes.
    func dropLast(_ n: Int = 1) -> SchemaSpan { SchemaSpan(start: start, count: count - min(n, count)) }

    /// The offset of the first `byte`, or nil.
    func firstIndex(of byte: UInt8) -> Int? {
        var offset = 0
        while offset < count {
            if start[offset] == byte { return offset }
            offset += 1
        }
        return nil
    }

    /// Whether the span ends with `byte`.
    func hasSuffix(_ byte: UInt8) -> Bool { count > 0 && start[count - 1] == byte }

    /// Whether the span starts with the bytes of `literal`.
    func hasPrefix(_ literal: StaticString) -> Bool {
        count >= literal.utf8CodeUnitCount && prefix(literal.utf8CodeUnitCount) == literal
    }

    /// The parts between occurrences of `separator`, as `split(separator:maxSplits:omittingEmptySubsequences:)`
    /// gives them.
    func split(_ separator: UInt8, maxSplits: Int = .max, omittingEmpty: Bool = true) -> [SchemaSpan] {
        var parts: [SchemaSpan] = []
        var partStart = 0
        var offset = 0
        while offset < count, parts.count < maxSplits {
            if start[offset] == separator {
                if !omittingEmpty || partStart != offset {
                    parts.append(SchemaSpan(start: start + partStart, count: offset - partStart))
                }
                partStart = offset + 1
            }
            offset += 1
        }
        if !omittingEmpty || partStart != count {
            parts.append(SchemaSpan(start: start + partStart, count: count - partStart))
        }
        return parts
    }

    /// The span as a decimal number, or nil when it is not one (or overflows).
    var decimal: Int? {
        guard count > 0 else { return nil }
        var value = 0
        for offset in 0..<count {
            let digit = Int(start[offset]) &- Int(UInt8(ascii: "0"))
            guard digit >= 0, digit <= 9 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(digit)
            guard !o1, !o2 else { return nil }
            value = sum
        }
        return value
    }

    /// The span as a decimal or `0x` hexadecimal number, or nil when it is neither.
    var number: UInt64? {
        guard hasPrefix("0x") else { return decimal.map { UInt64($0) } }
        let digits = dropFirst(2)
        guard digits.count > 0, digits.count <= 16 else { return nil }
        var value: UInt64 = 0
        for offset in 0..<digits.count {
            guard let digit = ASCIIHex.value(digits[offset]) else { return nil }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    /// Whether the span holds exactly the bytes of `literal`.
    static func == (span: SchemaSpan, literal: StaticString) -> Bool {
        guard span.count == literal.utf8CodeUnitCount else { return false }
        let bytes = literal.utf8Start
        for offset in 0..<span.count where span.start[offset] != bytes[offset] { return false }
        return true
    }

    /// Lets a `switch` over a span match string literals.
    static func ~= (literal: StaticString, span: SchemaSpan) -> Bool { span == literal }
}

/// Calls `body` with the bytes of `text` as one span.
func withSchemaText<Result>(_ text: String, _ body: (SchemaSpan) -> Result) -> Result {
    // The tables are string literals, whose UTF-8 is contiguous already.
    if let result = text.utf8.withContiguousStorageIfAvailable({ bytes in
        body(SchemaSpan(start: bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: bytes.count))
    }) {
        return result
    }
    let copy = Array(text.utf8)
    return copy.withUnsafeBufferPointer { bytes in
        body(SchemaSpan(start: bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: bytes.count))
    }
}

/// Calls `body` with the space-separated words of each entry of schema text, in order: blank lines
/// and `#` comments are dropped, and a line that starts with a space continues the entry before it.
func forEachSchemaEntry(_ text: String, _ body: (_ words: [SchemaSpan]) -> Void) {
    withSchemaText(text) { all in
        var words: [SchemaSpan] = []
        for line in all.split(UInt8(ascii: "\n")) {
            var indent = 0
            while indent < line.count, line[indent] == UInt8(ascii: " ") { indent += 1 }
            let content = line.dropFirst(indent)
            if content.isEmpty || content[0] == UInt8(ascii: "#") { continue }
            if indent == 0 || words.isEmpty {
                if !words.isEmpty { body(words) }
                words.removeAll(keepingCapacity: true)
            }
            words.append(contentsOf: content.split(UInt8(ascii: " ")))
        }
        if !words.isEmpty { body(words) }
    }
}

extension Array where Element == SchemaSpan {
    /// The words joined by spaces, for error messages.
    var text: String { map(\.string).joined(separator: " ") }
}
