// SPDX-License-Identifier: Apache-2.0

extension EventFields {
    static let argsExtractors: [String: PureExtractor] = [
        "evt.args": { event, context in appendArgs(event, context) },
        "evt.info": { event, context in
            context.text.removeAll()
            TextFormatter.appendEventInfo(event, parser: context.parser, renderer: &context.renderer, into: &context.text)
            return .text
        },
        "evt.buffer": { event, context in
            // Printed, the buffer is rendered with the display options (-A, -x, the length limit).
            guard let i = ParamIndex.data.index(in: event) else { return .none }
            context.renderer.render(event, i, parser: context.parser)
            let renderer = context.renderer
            return context.textResult { out in renderer.value.withUnsafeBytes { out.append($0) } }
        },
    ]

    /// Filters see the raw bytes of `evt.buffer`, not its rendering.
    static let bufferAlternatives: @Sendable (Event, FieldContext, (FieldResult) -> Bool) -> Bool = {
        event, _, matches in
        guard let data = ParamIndex.data.payload(in: event) else { return false }
        return matches(.bytes(data))
    }

    /// `evt.args`: every parameter as the default output prints them.
    private static func appendArgs(_ event: Event, _ context: FieldContext) -> FieldResult {
        context.text.removeAll()
        TextFormatter.appendInfo(event, parser: context.parser, renderer: &context.renderer, into: &context.text)
        return .text
    }

    // MARK: - Binding arguments

    /// What follows a field name that takes an argument: `[N]` or `.NAME` (libsinsp's `extract_arg`).
    enum Argument {
        /// `[N]`, with the text between the brackets and the length taken (0 when `]` is missing).
        case bracket(Substring, length: Int)
        /// `.NAME`, with the text after the dot.
        case dotted(Substring)
    }

    /// Splits the argument off `text`, which starts with the `base`-character name.
    static func argument(of text: Substring, base: Int) throws(FieldError) -> Argument {
        let utf8 = text.utf8
        let rest = utf8.dropFirst(base)
        switch rest.first {
        case UInt8(ascii: "["):
            // libsinsp looks for `]` from the start of the text and takes the rest when there is none.
            guard let close = utf8.firstIndex(of: UInt8(ascii: "]")) else {
                return .bracket(Substring(rest.dropFirst()), length: 0)
            }
            let inner = Substring(utf8[utf8.index(after: rest.startIndex)..<close])
            return .bracket(inner, length: utf8.distance(from: utf8.startIndex, to: close) + 1)
        case UInt8(ascii: "."):
            return .dotted(Substring(rest.dropFirst()))
        default:
            throw FieldError("filter syntax error: \(text)")
        }
    }

    /// The parameter name at the start of `text`, or sysdig's error.
    static func parameterName(_ text: Substring) throws(FieldError) -> (name: String, type: ParamType) {
        guard let match = LegacyParamNames.longestMatch(text) else {
            throw FieldError("unknown event argument \(text)")
        }
        return match
    }

    /// `evt.arg[N]` and `evt.arg.NAME`: a parameter as text, resolved when it can be.
    static func bindArg(_ text: Substring, _ definition: FieldDefinition) throws(FieldError)
        -> (field: BoundField, length: Int)
    {
        let base = "evt.arg".utf8.count
        switch try argument(of: text, base: base) {
        case .bracket(let number, let length):
            let index = Int(try FieldArgumentNumber.signed32(number))
            let field = BoundField(
                definition, text: text.utf8Prefix(length), argument: String(number), pure: true
            ) { event, context in
                guard index >= 0, index < event.sysdigParamCount else { return .none }
                return context.writeParamText(event, index)
            }
            return (field, length)
        case .dotted(let rest):
            let (name, _) = try parameterName(rest)
            let length = base + 1 + name.utf8.count
            let lookup = ParamIndex(name)
            let field = BoundField(definition, text: text.utf8Prefix(length), argument: name, pure: true) {
                event, context in
                guard let index = lookup.index(in: event) else { return .none }
                return context.writeParamText(event, index)
            }
            return (field, length)
        }
    }

    /// `evt.rawarg.NAME`: a parameter's raw value, typed as the first parameter of that name in the
    /// event table.
    static func bindRawArg(_ text: Substring, _ definition: FieldDefinition) throws(FieldError)
        -> (field: BoundField, length: Int)
    {
        let base = "evt.rawarg".utf8.count
        guard case .dotted(let rest) = try argument(of: text, base: base) else {
            throw FieldError("evt.arg fields must be expressed explicitly")
        }
        let (name, type) = try parameterName(rest)
        let length = base + 1 + name.utf8.count
        let lookup = ParamIndex(name)
        let field = BoundField(
            definition, text: text.utf8Prefix(length), argument: name, type: type,
            alternatives: { event, _, matches in
                guard let p = lookup.payload(in: event) else { return false }
                return matches(rawValue(p, type, printing: false))
            }
        ) { event, _ in
            guard let p = lookup.payload(in: event) else { return .none }
            return rawValue(p, type, printing: true)
        }
        return (field, length)
    }

    /// A raw parameter as a value of `type`. Printing follows libsinsp's `rawval_to_string` with no
    /// print format, which has no text for unsigned and short signed numbers (`<NA>`) and stops
    /// sysdig on the other types it cannot print (fds, flags, ...); filters compare every type.
    static func rawValue(_ p: UnsafeRawBufferPointer, _ type: ParamType, printing: Bool) -> FieldResult {
        switch type {
        case .int64, .pid, .errno, .double: return .number(ParamIndex.load(p, width: 8))
        case .bool, .ipv4addr: return .number(ParamIndex.load(p, width: 4))
        case .charbuf, .fspath, .fsrelpath, .bytebuf, .ipv6addr: return .bytes(p)
        case .ipaddr where p.count == 4: return .number(ParamIndex.load(p, width: 4))
        case .ipaddr where p.count == 16: return .bytes(p)
        default:
            if printing { return .none }
            guard let width = type.fixedWidth else { return .bytes(p) }
            let v = ParamIndex.load(p, width: width)
            switch type {
            // Short signed numbers travel sign-extended.
            case .int8: return .signed(Int64(Int8(truncatingIfNeeded: v)))
            case .int16: return .signed(Int64(Int16(truncatingIfNeeded: v)))
            case .int32: return .signed(Int64(Int32(truncatingIfNeeded: v)))
            default: return .number(v)
            }
        }
    }

    /// `evt.around[T]`: a filter-only field; libsinsp extracts nothing and compares the event's time
    /// with `T` itself (within the filter value in milliseconds): the filter compiler does that from
    /// ``BoundField/argument``, `T` in decimal.
    static func bindAround(_ text: Substring, _ definition: FieldDefinition) throws(FieldError)
        -> (field: BoundField, length: Int)
    {
        guard case .bracket(let number, let length) = try argument(of: text, base: "evt.around".utf8.count) else {
            throw FieldError("wrong syntax for evt.around")
        }
        let center = try FieldArgumentNumber.unsigned64(number)
        // libsinsp parses this name itself and so skips the filter-only check: `-p` prints it as <NA>.
        let printable = FieldDefinition(
            name: definition.name, type: definition.type, format: definition.format,
            flags: definition.flags.subtracting(.filterOnly), displayName: definition.displayName,
            description: definition.description, index: definition.index, classIndex: definition.classIndex)
        let field = BoundField(printable, text: text.utf8Prefix(length), argument: String(center)) { _, _ in .none }
        return (field, length)
    }
}
