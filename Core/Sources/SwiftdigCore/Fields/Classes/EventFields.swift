// SPDX-License-Identifier: Apache-2.0

/// The `evt (syscall events)` field class (libsinsp's `sinsp_filter_check_event`). The binder here
/// parses names as `parse_field_name` does; the extractors live in the `EventFields-*.swift` files.
struct EventFields: FieldBinder {
    typealias Extractor = BoundField.Extractor
    /// A stateless extractor, which tables can hold.
    typealias PureExtractor = @Sendable (Event, FieldContext) -> FieldResult

    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        let name = text.utf8
        // The fields with arguments are recognised by prefix before the longest-name rule, in this order.
        if name.starts(with: "evt.arg".utf8) && !name.starts(with: "evt.args".utf8) {
            return try Self.bindArg(text, fieldClass.field(named: "evt.arg"))
        }
        if name.starts(with: "evt.rawarg".utf8) {
            return try Self.bindRawArg(text, fieldClass.field(named: "evt.rawarg"))
        }
        if name.starts(with: "evt.around".utf8) {
            return try Self.bindAround(text, fieldClass.field(named: "evt.around"))
        }
        if name.starts(with: "evt.abspath".utf8) {
            return Self.bindAbsPath(text, fieldClass.field(named: "evt.abspath"))
        }
        if name.starts(with: "evt.type.is".utf8) {
            return try Self.bindTypeIs(text, fieldClass.field(named: "evt.type.is"))
        }
        return try fieldClass.bindStandard(text) { definition in Self.bindPlain(definition) }
    }

    /// A field without argument.
    private static func bindPlain(_ definition: FieldDefinition) -> BoundField {
        let name = definition.name
        if let make = statefulExtractors[name] {
            let (extractor, json) = make()
            return BoundField(
                definition, text: name, jsonNumber: json, pure: jsonIsPure.contains(name), extractor: extractor)
        }
        guard let extractor = extractors[name] else { preconditionFailure("no extractor for \(name)") }
        var json: Extractor?
        if valueInJSON.contains(name) { json = extractor }
        var alternatives: BoundField.AlternativesExtractor?
        if name == "evt.buffer" { alternatives = bufferAlternatives }
        return BoundField(
            definition, text: name, alternatives: alternatives, jsonNumber: json, pure: true, extractor: extractor)
    }

    /// The stateless extractors, by field name.
    static let extractors: [String: PureExtractor] = latencyExtractors
        .merging(resultExtractors) { a, _ in a }
        .merging(ioExtractors) { a, _ in a }
        .merging(countExtractors) { a, _ in a }
        .merging(typeExtractors) { a, _ in a }
        .merging(argsExtractors) { a, _ in a }
        .merging(infraExtractors) { a, _ in a }

    /// The fields whose extractors keep state of their own (a new instance per binding, as libsinsp
    /// keeps it per filter check), with their `-j` extractor.
    static let statefulExtractors: [String: @Sendable () -> (Extractor, Extractor?)] = [
        "evt.deltatime": { deltaExtractor { $0 } },
        "evt.deltatime.s": { deltaExtractor { $0 / 1_000_000_000 } },
        "evt.deltatime.ns": { deltaExtractor { $0 % 1_000_000_000 } },
        "evt.outputtime": { (outputTimeExtractor(), { event, _ in .number(event.timestamp) }) },
        "evt.latency.human": { (latencyHumanExtractor(), nil) },
    ]

    /// The stateful fields whose `-j` extractor keeps no state: `evt.outputtime` is the timestamp there.
    private static let jsonIsPure: Set<String> = ["evt.outputtime"]

    /// The stateless fields `-j` prints as their own number (libsinsp's `extract_as_js`).
    private static let valueInJSON: Set<String> = ["evt.latency", "evt.latency.s", "evt.latency.ns", "evt.count"]
}
