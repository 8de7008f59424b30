// SPDX-License-Identifier: Apache-2.0

/// The `evtin` field class (libsinsp's `sinsp_filter_check_evtin`): whether an event falls inside a
/// tracer span. Spans come from tracer events, which the state model does not decode (see
/// ``SpanFields``), so no event is inside one and every field yields nothing.
struct SpanInFields: FieldBinder {
    /// The fields that take an argument (`[N]` or `.NAME`, a parameter name).
    private static let argumentFields: [String] = [
        "evtin.span.tag", "evtin.span.arg", "evtin.span.p.tag", "evtin.span.p.arg", "evtin.span.s.tag",
        "evtin.span.s.arg", "evtin.span.m.tag", "evtin.span.m.arg",
    ]

    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        // `evtin.span.tags` and `evtin.span.args` (and their p, s, m forms) have no argument.
        for name in Self.argumentFields
        where text.utf8.starts(with: name.utf8) && !text.utf8.starts(with: (name + "s").utf8) {
            return try Self.bindArgument(text, fieldClass.field(named: name))
        }
        return try fieldClass.bindStandard(text) { definition in
            BoundField(definition, text: definition.name) { _, _ in .none }
        }
    }

    private static func bindArgument(_ text: Substring, _ definition: FieldDefinition) throws(FieldError)
        -> (field: BoundField, length: Int)
    {
        let base = definition.name.utf8.count
        let length: Int
        let argument: String
        switch try EventFields.argument(of: text, base: base) {
        case .bracket(let number, let taken):
            argument = String(try FieldArgumentNumber.signed32(number))
            length = taken
        case .dotted(let rest):
            argument = try EventFields.parameterName(rest).name
            length = base + 1 + argument.utf8.count
        }
        let field = BoundField(definition, text: text.utf8Prefix(length), argument: argument) { _, _ in
            .none
        }
        return (field, length)
    }
}
