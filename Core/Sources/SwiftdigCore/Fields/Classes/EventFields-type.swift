// SPDX-License-Identifier: Apache-2.0

extension EventFields {
    /// The `procinfo` event code (`PPME_PROCINFO_E`).
    static let procinfoE: UInt16 = 234

    static let typeExtractors: [String: PureExtractor] = [
        "evt.dir": { event, context in context.textResult { $0.append(UInt8(ascii: event.isEnter ? ">" : "<")) } },
        "evt.type": { event, context in context.textResult { TextFormatter.appendType(event, into: &$0) } },
        "syscall.type": { event, context in
            // libsinsp tests EC_INTERNAL against the event flags, where that bit is EF_SKIPPARSERESET.
            if event.type == EventCode.schedSwitch6E || event.layout.pointee.flags.contains(.skipParseReset) { return .none }
            return context.textResult { TextFormatter.appendType(event, into: &$0) }
        },
        "evt.cpu": { event, _ in .number(UInt64(event.cpu)) },
    ]

    static let countExtractors: [String: PureExtractor] = [
        "evt.count": { _, _ in .number(1) },
        "evt.count.exit": { event, _ in event.isEnter ? .none : .number(1) },
        "evt.count.procinfo": { event, context in
            guard event.type == procinfoE, let thread = context.parser.thread, thread.isMainThread else { return .none }
            return .number(1)
        },
        "evt.count.threadinfo": { event, _ in event.type == procinfoE ? .number(1) : .none },
    ]

    /// `evt.type.is.TYPE`: 1 for events of that type (a name, both directions, or a code). libsinsp
    /// matches the whole rest of the text against the names, so in a format string followed by more
    /// text the name matches nothing and the field takes no characters.
    static func bindTypeIs(_ text: Substring, _ definition: FieldDefinition) throws(FieldError)
        -> (field: BoundField, length: Int)
    {
        let base = "evt.type.is".utf8.count
        let rest = text.utf8.dropFirst(base)
        guard rest.first == UInt8(ascii: ".") else { throw FieldError("filter syntax error: \(text)") }
        let wanted = Substring(rest.dropFirst())
        // A number names one code; sysdig also matches PPM_EVENT_MAX then.
        var found: (codes: (UInt32, UInt32), length: Int) = ((UInt32.max, UInt32.max), 0)
        if let code = try? FieldArgumentNumber.unsigned32(wanted) {
            found = ((code, UInt32(legacyEventCount)), text.utf8.count)
        } else if let code = EventSchema.events.prefix(legacyEventCount).firstIndex(where: { $0.name == wanted }) {
            found = ((UInt32(code), UInt32(code + 1)), base + 1 + wanted.utf8.count)
        }
        let (codes, length) = found
        let value: PureExtractor = { event, _ in
            let type = UInt32(event.type)
            return .flag(type == codes.0 || type == codes.1)
        }
        // The field is a UINT32 without print format, which libsinsp cannot print: it shows <NA>;
        // filters compare the value.
        let field = BoundField(
            definition, text: String(Substring(text.utf8.prefix(length))), argument: String(wanted),
            alternatives: { event, context, matches in matches(value(event, context)) }
        ) { _, _ in .none }
        return (field, length)
    }
}
