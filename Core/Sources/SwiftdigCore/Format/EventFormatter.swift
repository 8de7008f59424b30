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
    /// The tokens and the JSON object's layout in raw memory, so that walking them per event costs
    /// no reference counting.
    private let layout: FormatLayout
    /// The JSON text of every field's value for the current event, one after the other.
    private var jsonValues = OutputBuffer(capacity: 1024)

    /// The widest column a `%Nfield` may ask for.
    public static let maximumWidth = 65535

    /// sysdig's default line: `*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info`.
    public static let defaultFormat = "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info"
    /// sysdig's line on a terminal: the default one with the process, its pid and the event type in
    /// colour (`\e` as `-p` writes escape characters).
    public static let terminalFormat =
        #"*%evt.num %evt.outputtime %evt.cpu \e[01;32m%proc.name\e[00m (\e[01;36m%proc.pid\e[00m.%thread.tid) %evt.dir \e[01;34m%evt.type\e[00m %evt.info"#
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
                // Saturated: a long run of digits must not wrap into some other width.
                width = min(width * 10 + Int(bytes[i] - 48), Self.maximumWidth + 1)
                i += 1
            }
            // Found by fuzzing: a huge width padded every line to gigabytes, or wrapped around.
            guard width <= Self.maximumWidth else {
                throw error("column width too large (at most \(Self.maximumWidth))", at: tokenStart)
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

        layout = FormatLayout(tokens)
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
        for n in 0..<layout.pieceCount {
            let piece = layout.pieces[n]
            guard let field = piece.field else {
                if complete { out.append(layout.literal(piece)) }
                continue
            }
            // Fields after a missing value are still extracted, as sysdig does (stateful fields count it).
            let value = field._withUnsafeGuaranteedRef { $0.extract(event, context) }
            guard complete else { continue }
            if case .none = value {
                if requiresAllValues {
                    complete = false
                    continue
                }
                appendPadded(piece.width, into: &out) { $0.append("<NA>") }
            } else {
                appendPadded(piece.width, into: &out) { out in
                    field._withUnsafeGuaranteedRef { $0.render(value, context, into: &out) }
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
    /// it, so this does the same; fields whose extraction is pure (see
    /// ``BoundField/jsonExtractionIsPure``) give the same value twice and are extracted once. Not
    /// for use from several threads at once.
    /// - Returns: `false`, with `out` unchanged, when a field has no value and the format requires all.
    /// - Throws: when a field's type has no JSON form (sysdig stops with `wrong event type N`).
    public func formatJSON(
        _ event: Event, _ context: FieldContext, into out: inout OutputBuffer
    ) throws(FieldError) -> Bool {
        var complete = true
        jsonValues.removeAll()
        for n in 0..<layout.fieldCount {
            let entry = layout.fields[n]
            let start = jsonValues.count
            let hasValue = try entry.append(event, context, into: &jsonValues)
            if !complete || (!hasValue && requiresAllValues) {
                complete = false
                jsonValues.truncate(to: start)
                continue
            }
            if !entry.isPure {
                // The value stored is the second extraction's.
                jsonValues.truncate(to: start)
                _ = try entry.append(event, context, into: &jsonValues)
            }
            layout.values[entry.slot] = (start, jsonValues.count)
        }
        guard complete else { return false }
        jsonValues.withUnsafeBytes { layout.appendJSON(values: $0, into: &out) }
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

/// A format's tokens and the parts of its `-j` object, in memory that is not reference counted.
///
/// sysdig collects the JSON values in a map keyed by the field text: keys sorted, one value per key
/// (the last one written when a field appears twice).
private final class FormatLayout {
    /// A token: a field with its width, or a literal (its bytes in ``literalText``).
    struct Piece {
        /// The field, or `nil` for a literal (the formatter's tokens keep it alive; unmanaged, so
        /// that reading it costs no retain).
        let field: Unmanaged<BoundField>?
        /// The field's column width.
        let width: Int
        /// The literal's bytes in ``literalText``.
        let literalStart: Int, literalEnd: Int
    }

    /// A field of the format, with the index of its key.
    struct Field {
        /// The field (the formatter's tokens keep it alive).
        let field: Unmanaged<BoundField>
        /// The index of its key in output order.
        let slot: Int
        /// See ``BoundField/jsonExtractionIsPure``.
        let isPure: Bool

        /// Appends the field's JSON value (see ``JSONValue/append(_:_:_:into:)``).
        @inline(__always) func append(
            _ event: Event, _ context: FieldContext, into out: inout OutputBuffer
        ) throws(FieldError) -> Bool {
            // The guaranteed reference's call rethrows untyped errors: the error is carried out.
            var failure: FieldError?
            let hasValue = field._withUnsafeGuaranteedRef { f -> Bool in
                do throws(FieldError) {
                    return try JSONValue.append(f, event, context, into: &out)
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            return hasValue
        }
    }

    /// The tokens in order.
    let pieces: UnsafeMutablePointer<Piece>
    let pieceCount: Int
    /// Every literal, one after the other.
    private let literalText: UnsafeMutableRawBufferPointer
    /// The fields in format order.
    let fields: UnsafeMutablePointer<Field>
    let fieldCount: Int
    /// Every key as it prints, one after the other, each but the first with the comma before it:
    /// `"evt.num":,"proc.name":`.
    private let keyText: UnsafeMutableRawBufferPointer
    /// Where each key ends in ``keyText``.
    private let keyEnds: UnsafeMutablePointer<Int>
    let keyCount: Int
    /// For each key, where its value sits in the values buffer for the current event.
    let values: UnsafeMutablePointer<(start: Int, end: Int)>

    init(_ tokens: [EventFormatter.Token]) {
        var literals: [UInt8] = []
        var formatFields: [(BoundField, key: [UInt8])] = []
        pieceCount = tokens.count
        pieces = .allocate(capacity: max(pieceCount, 1))
        for (n, token) in tokens.enumerated() {
            switch token {
            case .literal(let bytes):
                (pieces + n).initialize(
                    to: Piece(field: nil, width: 0, literalStart: literals.count, literalEnd: literals.count + bytes.count)
                )
                literals += bytes
            case .field(let field, let width):
                (pieces + n).initialize(
                    to: Piece(field: Unmanaged.passUnretained(field), width: width, literalStart: 0, literalEnd: 0))
                formatFields.append((field, Array(field.text.utf8)))
            }
        }
        literalText = Self.copy(literals)

        let sortedKeys = Set(formatFields.map(\.key)).sorted { $0.lexicographicallyPrecedes($1) }
        var slotOfKey: [[UInt8]: Int] = [:]
        for (slot, key) in sortedKeys.enumerated() { slotOfKey[key] = slot }
        fieldCount = formatFields.count
        fields = .allocate(capacity: max(fieldCount, 1))
        for (n, entry) in formatFields.enumerated() {
            (fields + n).initialize(
                to: Field(
                    field: Unmanaged.passUnretained(entry.0), slot: slotOfKey[entry.key]!,
                    isPure: entry.0.jsonExtractionIsPure))
        }
        keyCount = sortedKeys.count
        var text = OutputBuffer(capacity: 256)
        keyEnds = .allocate(capacity: max(keyCount, 1))
        for (slot, key) in sortedKeys.enumerated() {
            if slot > 0 { text.append(UInt8(ascii: ",")) }
            JSONText.appendString(key, into: &text)
            text.append(UInt8(ascii: ":"))
            (keyEnds + slot).initialize(to: text.count)
        }
        keyText = text.withUnsafeBytes { Self.copy(Array($0)) }
        values = .allocate(capacity: max(keyCount, 1))
        values.initialize(repeating: (0, 0), count: max(keyCount, 1))
    }

    deinit {
        pieces.deinitialize(count: pieceCount)
        pieces.deallocate()
        literalText.deallocate()
        fields.deinitialize(count: fieldCount)
        fields.deallocate()
        keyText.deallocate()
        keyEnds.deallocate()
        values.deallocate()
    }

    /// `bytes` in memory of their own.
    private static func copy(_ bytes: [UInt8]) -> UnsafeMutableRawBufferPointer {
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { memory.copyMemory(from: $0) }
        return memory
    }

    /// The bytes of a literal piece.
    @inline(__always) func literal(_ piece: Piece) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(literalText)[piece.literalStart..<piece.literalEnd])
    }

    /// Appends `{"key":value,...}`, with the values ``values`` locates in `valueBytes`.
    @inline(__always) func appendJSON(values valueBytes: UnsafeRawBufferPointer, into out: inout OutputBuffer) {
        let keys = UnsafeRawBufferPointer(keyText)
        out.append(maxCount: (keyCount == 0 ? 0 : keyEnds[keyCount - 1]) + valueBytes.count + 2) { c in
            c.put(UInt8(ascii: "{"))
            var keyStart = 0
            for slot in 0..<keyCount {
                let keyEnd = keyEnds[slot]
                c.put(UnsafeRawBufferPointer(rebasing: keys[keyStart..<keyEnd]))
                keyStart = keyEnd
                let (start, end) = values[slot]
                c.put(UnsafeRawBufferPointer(rebasing: valueBytes[start..<end]))
            }
            c.put(UInt8(ascii: "}"))
        }
    }
}
