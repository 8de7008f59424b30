// SPDX-License-Identifier: Apache-2.0

/// Prints events with a `-p` format string: literal text and `%field` tokens, as sysdig's
/// `sinsp_evt_formatter` does.
///
/// - `%field` prints the field's value; `%20field` pads it with spaces or cuts it to 20 characters.
/// - Without a leading `*`, an event prints only when every field has a value; with it, missing
///   values print as `<NA>`.
/// - In JSON (`-j`), the line is an object with one key per field, in key order, values typed as
///   sysdig types them.
///
/// ```swift
/// let formatter = try EventFormatter(format: "*%evt.num %proc.name %fd.name")
/// if formatter.format(event, context, into: &out) { out.append(UInt8(ascii: "\n")) }
/// ```
public final class EventFormatter {
    /// One piece of a format string.
    public enum Token {
        /// Text printed as it is.
        case literal([UInt8])
        /// A field, with its column width (0: as long as its value).
        case field(BoundField, width: Int)
    }

    /// The format's pieces in order.
    public let tokens: [Token]
    /// Whether an event prints only when every field has a value (no leading `*`).
    public let requiresAllValues: Bool
    /// The JSON keys (the field text as written) in output order, with the index of their token.
    private let jsonKeys: [(key: [UInt8], token: Int)]
    /// For each token, the index of its key in ``jsonKeys`` (-1 for literals).
    private let jsonSlotOfToken: [Int]
    /// The JSON text of each key's value for the current event, reused across events.
    private var jsonValues: [OutputBuffer]
    private var jsonScratch = OutputBuffer(capacity: 256)

    /// sysdig's default line: `*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info`.
    public static let defaultFormat = "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info"
    /// The `-pc` / `-pcontainer` line.
    public static let containerFormat =
        "*%evt.num %evt.outputtime %evt.cpu %container.name (%container.id) %proc.name (%thread.tid:%thread.vtid) %evt.dir %evt.type %evt.info"

    /// Parses a format string.
    /// - Throws: ``FieldError`` with sysdig's message and where in the format it went wrong:
    ///   `format error at position 1: invalid formatting token foo`.
    public init(format: String) throws(FieldError) {
        var text = Substring(format)
        if text.isEmpty { throw FieldError("format error at position 0: empty formatting token") }
        requiresAllValues = text.first != "*"
        if !requiresAllValues { text = text.dropFirst() }
        let skipped = requiresAllValues ? 0 : 1
        func error(_ message: String, at index: Int) -> FieldError {
            FieldError("format error at position \(index + skipped): \(message)")
        }

        var tokens: [Token] = []
        var literal: [UInt8] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "%") else {
                literal.append(bytes[i])
                i += 1
                continue
            }
            if !literal.isEmpty {
                tokens.append(.literal(literal))
                literal = []
            }
            let tokenStart = i
            if i == bytes.count - 1 {
                throw error("invalid formatting syntax: formatting cannot end with a %", at: tokenStart)
            }
            i += 1
            var width = 0
            while i < bytes.count, bytes[i] >= 48, bytes[i] <= 57 {
                width = width &* 10 &+ Int(bytes[i] - 48)
                i += 1
            }
            if i == bytes.count {
                throw error("invalid formatting syntax: formatting cannot end with a number", at: tokenStart)
            }
            let rest = Substring(decoding: bytes[i...], as: UTF8.self)
            let bound: (field: BoundField, length: Int)?
            do throws(FieldError) {
                bound = try FieldCatalog.bind(rest, exact: false, forFiltering: false)
            } catch let failure {
                throw error(failure.message, at: i)
            }
            guard let (field, length) = bound else { throw error("invalid formatting token \(rest)", at: i) }
            tokens.append(.field(field, width: width))
            i += length
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        self.tokens = tokens

        // sysdig collects JSON values in a map keyed by the field text: sorted, one per key.
        var keys: [[UInt8]: Int] = [:]
        for (n, token) in tokens.enumerated() {
            if case .field(let field, _) = token { keys[Array(field.text.utf8)] = n }
        }
        jsonKeys = keys.map { (key: $0.key, token: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var slots = [Int](repeating: -1, count: tokens.count)
        for (slot, entry) in jsonKeys.enumerated() {
            for (n, token) in tokens.enumerated() {
                if case .field(let f, _) = token, Array(f.text.utf8) == entry.key { slots[n] = slot }
            }
        }
        jsonSlotOfToken = slots
        jsonValues = jsonKeys.map { _ in OutputBuffer(capacity: 256) }
    }

    /// The fields of the format, in order.
    public var fields: [BoundField] {
        tokens.compactMap { if case .field(let f, _) = $0 { return f } else { return nil } }
    }

    /// Appends the line for `event` (without a newline) to `out`.
    /// - Returns: `false`, with `out` unchanged, when a field has no value and the format requires all.
    public func format(_ event: Event, _ context: FieldContext, into out: inout OutputBuffer) -> Bool {
        let start = out.count
        var complete = true
        for token in tokens {
            switch token {
            case .literal(let bytes):
                if complete { bytes.withUnsafeBytes { out.append($0) } }
            case .field(let field, let width):
                let value = field.extract(event, context)
                guard complete else { continue }
                if case .none = value {
                    if requiresAllValues {
                        complete = false
                        continue
                    }
                    appendPadded(width, into: &out) { $0.append("<NA>") }
                } else {
                    appendPadded(width, into: &out) { field.render(value, context, into: &$0) }
                }
            }
        }
        if !complete { out.truncate(to: start) }
        return complete
    }

    /// Appends the JSON object for `event` (without a newline) to `out`, as sysdig's `-j` prints it.
    ///
    /// sysdig's formatter extracts each field twice, in format order: once to see whether it is
    /// null, once for the value it stores under the field's key; after a missing required value it
    /// still makes the first extraction of the remaining fields. Stateful fields (`util.cnt`) show
    /// it, so this does the same. Not for use from several threads at once.
    /// - Returns: `false`, with `out` unchanged, when a field has no value and the format requires all.
    /// - Throws: when a field's type has no JSON form (sysdig stops with `wrong event type N`).
    public func formatJSON(
        _ event: Event, _ context: FieldContext, into out: inout OutputBuffer
    ) throws(FieldError) -> Bool {
        var complete = true
        for (n, token) in tokens.enumerated() {
            guard case .field(let field, _) = token else { continue }
            jsonScratch.removeAll()
            let hasValue = try JSONValue.append(field, event, context, into: &jsonScratch)
            guard complete else { continue }
            if !hasValue && requiresAllValues {
                complete = false
                continue
            }
            let slot = jsonSlotOfToken[n]
            jsonValues[slot].removeAll()
            _ = try JSONValue.append(field, event, context, into: &jsonValues[slot])
        }
        guard complete else { return false }
        out.append(UInt8(ascii: "{"))
        for (slot, entry) in jsonKeys.enumerated() {
            if slot > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.appendString(entry.key, into: &out)
            out.append(UInt8(ascii: ":"))
            jsonValues[slot].bytes.withUnsafeBytes { out.append($0) }
        }
        out.append(UInt8(ascii: "}"))
        return true
    }

    /// Runs `body` to append a value, then pads it with spaces or cuts it to `width` (0: leaves it).
    @inline(__always) private func appendPadded(
        _ width: Int, into out: inout OutputBuffer, _ body: (inout OutputBuffer) -> Void
    ) {
        let start = out.count
        body(&out)
        guard width > 0 else { return }
        let written = out.count - start
        if written > width {
            out.truncate(to: start + width)
        } else {
            for _ in written..<width { out.append(UInt8(ascii: " ")) }
        }
    }
}
