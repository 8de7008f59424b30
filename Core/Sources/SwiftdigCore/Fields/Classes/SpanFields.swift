// SPDX-License-Identifier: Apache-2.0

/// The `span` field class (libsinsp's `sinsp_filter_check_tracer`): the spans of distributed-tracing
/// tracers. libsinsp builds them from tracer events, which its parser makes out of the tracer
/// strings applications write to `/dev/null`; the state model does not decode those, so no event
/// has a span and every field yields nothing, as sysdig's do on captures without tracers.
struct SpanFields: FieldBinder {
    /// The fields that take an argument, each with the plural name it must not be mistaken for.
    private static let argumentFields: [(name: String, unless: String?)] = [
        ("span.tag", "span.tags"), ("span.arg", "span.args"), ("span.enterarg", "span.enterargs"),
        ("span.duration.fortag", nil), ("span.count.fortag", nil), ("span.childcount.fortag", nil),
        ("span.idtag", nil),
    ]

    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        for (name, unless) in Self.argumentFields where text.utf8.starts(with: name.utf8) {
            if let unless, text.utf8.starts(with: unless.utf8) { continue }
            return try Self.bindArgument(text, fieldClass.field(named: name))
        }
        return try fieldClass.bindStandard(text) { definition in
            BoundField(definition, text: definition.name) { _, _ in .none }
        }
    }

    /// `[N]` (an offset, negative from the end) or `.NAME`, which takes the whole rest of the text
    /// (libsinsp's `extract_arg` for tracers).
    private static func bindArgument(_ text: Substring, _ definition: FieldDefinition) throws(FieldError)
        -> (field: BoundField, length: Int)
    {
        let name = definition.name
        let length: Int
        let argument: String
        switch try EventFields.argument(of: text, base: name.utf8.count) {
        case .bracket(let number, let taken):
            argument = String(try FieldArgumentNumber.signed32(number))
            length = taken
        case .dotted(let rest):
            if name == "span.tag" || name == "span.idtag" { throw FieldError("invalid syntax for \(name)") }
            argument = String(rest)
            length = text.utf8.count
        }
        let field = BoundField(definition, text: text.utf8Prefix(length), argument: argument) { _, _ in
            .none
        }
        return (field, length)
    }
}
