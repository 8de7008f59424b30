// SPDX-License-Identifier: Apache-2.0

/// The `evtin` field class (libsinsp's `sinsp_filter_check_evtin`): the open span an event falls
/// in. Binding any of its fields turns span tracking on (``TracerTracking``).
///
/// An event's value is that of the most recent open span it belongs to: for `evtin.span.*`, a span
/// of the event's own thread; `.p.` a span of a thread that still exists and is the event's
/// (libsinsp compares thread ids, not process ids); `.s.` a span whose process is the parent of the
/// event's thread; `.m.` any span. Tracer events have no value, nor do events of threads that never
/// wrote a tracer. In filters every open span is tried, as libsinsp does, except that an enter
/// tracer does not fall in the span it opens.
struct SpanInFields: FieldBinder {
    /// The fields that take an argument (`[N]` or `.NAME`, a parameter name).
    private static let argumentFields: [String] = [
        "evtin.span.tag", "evtin.span.arg", "evtin.span.p.tag", "evtin.span.p.arg", "evtin.span.s.tag",
        "evtin.span.s.arg", "evtin.span.m.tag", "evtin.span.m.arg",
    ]

    /// Which spans an event falls in.
    enum Scope {
        case thread, process, script, machine
    }

    /// What the field reads of the span.
    enum Attribute: String {
        case id, ntags, nargs, tags, tag, args, arg
    }

    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        // `evtin.span.tags` and `evtin.span.args` (and their p, s, m forms) have no argument.
        for name in Self.argumentFields
        where text.utf8.starts(with: name.utf8) && !text.utf8.starts(with: (name + "s").utf8) {
            return try Self.bindArgument(text, fieldClass.field(named: name))
        }
        return try fieldClass.bindStandard(text) { definition in
            Self.field(definition, text: definition.name, argument: nil, index: 0)
        }
    }

    private static func bindArgument(_ text: Substring, _ definition: FieldDefinition) throws(FieldError)
        -> (field: BoundField, length: Int)
    {
        let base = definition.name.utf8.count
        let length: Int
        let argument: String
        let index: Int
        switch try EventFields.argument(of: text, base: base) {
        case .bracket(let number, let taken):
            index = Int(try FieldArgumentNumber.signed32(number))
            argument = String(index)
            length = taken
        case .dotted(let rest):
            argument = try EventFields.parameterName(rest).name
            length = base + 1 + argument.utf8.count
            // libsinsp checks the name and then picks the last one (its index is -1).
            index = -1
        }
        return (field(definition, text: text.utf8Prefix(length), argument: argument, index: index)!, length)
    }

    /// The bound field: its scope and attribute come from its name.
    private static func field(_ definition: FieldDefinition, text: String, argument: String?, index: Int) -> BoundField? {
        let parts = definition.name.split(separator: ".")
        let scope: Scope
        switch parts.count == 4 ? parts[2] : "" {
        case "p": scope = .process
        case "s": scope = .script
        case "m": scope = .machine
        default: scope = .thread
        }
        guard let attribute = Attribute(rawValue: String(parts[parts.count - 1])) else { return nil }
        TracerTracking.request()
        let value: (Event, FieldContext, ThreadInfo, PartialTracer) -> FieldResult = { event, context, thread, span in
            guard inScope(scope, span, thread, context) else { return .none }
            return read(attribute, of: span, index: index, context)
        }
        return BoundField(
            definition, text: text, argument: argument,
            alternatives: { event, context, matches in
                guard let thread = context.parser.thread else { return false }
                let own = thread.tracerParser?.enterSpan
                for span in context.parser.spans.open {
                    let v = value(event, context, thread, span)
                    if case .none = v { continue }
                    if matches(v) { return !(event.type == EventCode.tracerE && span === own) }
                }
                // An exit tracer's span is closed already: it is the parser's.
                if event.type == EventCode.tracerE + 1, let own {
                    let v = value(event, context, thread, own)
                    if case .none = v { return false }
                    return matches(v)
                }
                return false
            },
            extractor: { event, context in
                let type = event.type
                guard type != EventCode.tracerE, type != EventCode.tracerE + 1,
                    let thread = context.parser.thread, thread.tracerParser != nil
                else { return .none }
                for span in context.parser.spans.open {
                    let v = value(event, context, thread, span)
                    if case .none = v { continue }
                    return v
                }
                return .none
            })
    }

    /// Whether an event of `thread` falls in `span` for `scope`.
    private static func inScope(_ scope: Scope, _ span: PartialTracer, _ thread: ThreadInfo, _ context: FieldContext)
        -> Bool
    {
        switch scope {
        case .thread: return span.tid == thread.tid
        case .process:
            guard let writer = context.state.thread(span.tid) else { return false }
            return writer.tid == thread.tid
        case .script:
            guard let writer = context.state.thread(span.tid) else { return false }
            return writer.pid == thread.ptid
        case .machine: return true
        }
    }

    /// `attribute` of `span`; `index` picks the tag or argument (negative from the end).
    private static func read(_ attribute: Attribute, of span: PartialTracer, index: Int, _ context: FieldContext)
        -> FieldResult
    {
        switch attribute {
        case .id: return .signed(span.id)
        case .ntags: return .number(UInt64(span.tagCount))
        case .nargs: return .number(UInt64(span.argumentCount))
        case .tags:
            return context.textResult { out in
                for i in 0..<span.tagCount {
                    if i > 0 { out.append(UInt8(ascii: ".")) }
                    span.appendTag(i, to: &out)
                }
            }
        case .tag:
            guard let i = SpanFields.index(index, count: span.tagCount) else { return .none }
            return context.textResult { span.appendTag(i, to: &$0) }
        case .args:
            return SpanFields.args(span, context, separator: UInt8(ascii: ":"))
        case .arg:
            return SpanFields.arg(span, .index(Int32(truncatingIfNeeded: index)), context)
        }
    }
}
