// SPDX-License-Identifier: Apache-2.0

/// The `span` field class (libsinsp's `sinsp_filter_check_tracer`): the span of a `tracer` event,
/// as the thread's ``TracerParser`` decoded it. Other events have no value.
///
/// Fields that need the span's enter tracer (durations, arguments, times) turn span tracking on
/// when bound (``TracerTracking``) and have no value when the event has no tracked span.
struct SpanFields: FieldBinder {
    /// The fields that take an argument, each with the plural name it must not be mistaken for.
    private static let argumentFields: [(name: String, unless: String?)] = [
        ("span.tag", "span.tags"), ("span.arg", "span.args"), ("span.enterarg", "span.enterargs"),
        ("span.duration.fortag", nil), ("span.count.fortag", nil), ("span.childcount.fortag", nil),
        ("span.idtag", nil),
    ]

    /// The fields that need the span's enter tracer (libsinsp's `m_needs_state_tracking`).
    private static let trackingFields: Set<String> = [
        "span.duration", "span.duration.quantized", "span.duration.human", "span.duration.fortag", "span.arg",
        "span.args", "span.enterarg", "span.enterargs", "span.idtag", "span.time", "span.rawtime",
        "span.rawparenttime",
    ]

    /// What a field's argument picks: an index (negative from the end), or an argument by name.
    enum Selector {
        case index(Int32)
        case name([UInt8])

        /// The index libsinsp compares with tag counts: names count as its `TEXT_ARG_ID`.
        var number: Int32 {
            if case .index(let n) = self { return n }
            return -1_000_000
        }
    }

    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        for (name, unless) in Self.argumentFields where text.utf8.starts(with: name.utf8) {
            if let unless, text.utf8.starts(with: unless.utf8) { continue }
            return try Self.bindArgument(text, fieldClass.field(named: name))
        }
        return try fieldClass.bindStandard(text) { definition in
            guard let extract = Self.extractors[definition.name] else { return nil }
            return BoundField(definition, text: definition.name, extractor: Self.onTracer(definition.name, extract))
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
        let selector: Selector
        switch try EventFields.argument(of: text, base: name.utf8.count) {
        case .bracket(let number, let taken):
            let index = try FieldArgumentNumber.signed32(number)
            argument = String(index)
            selector = .index(index)
            length = taken
        case .dotted(let rest):
            if name == "span.tag" || name == "span.idtag" { throw FieldError("invalid syntax for \(name)") }
            argument = String(rest)
            selector = .name(Array(rest.utf8))
            length = text.utf8.count
        }
        let extract = Self.argumentExtractor(name, selector)
        let field = BoundField(
            definition, text: text.utf8Prefix(length), argument: argument, extractor: Self.onTracer(name, extract))
        return (field, length)
    }

    /// What an extractor sees: the event, the context and the thread's tracer parser.
    typealias TracerExtractor = (Event, FieldContext, TracerParser) -> FieldResult

    /// Runs `extract` on tracer events that have a decoded tracer (and, for the fields that need it,
    /// a tracked span); requests tracking for those fields.
    private static func onTracer(_ name: String, _ extract: @escaping TracerExtractor) -> BoundField.Extractor {
        let needsSpan = trackingFields.contains(name)
        if needsSpan { TracerTracking.request() }
        return { event, context in
            let type = event.type
            guard type == EventCode.tracerE || type == EventCode.tracerE + 1,
                let thread = context.parser.thread ?? context.state.thread(event.tid),
                let parser = thread.tracerParser
            else { return .none }
            if needsSpan && parser.enterSpan == nil { return .none }
            return extract(event, context, parser)
        }
    }

    private static let extractors: [String: @Sendable (Event, FieldContext, TracerParser) -> FieldResult] = [
        "span.id": { _, _, p in .signed(p.id) },
        "span.time": { event, context, _ in
            context.textResult { $0.appendClock(event.timestamp) }
        },
        "span.ntags": { _, _, p in .number(UInt64(p.tagCount)) },
        "span.nargs": { _, _, p in
            guard let span = p.enterSpan else { return .none }
            return .number(UInt64(span.argumentCount))
        },
        "span.tags": { _, context, p in
            if let invalid = p.invalidText {
                return context.textResult { out in
                    invalid.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0.prefix(p.firstTagLength))) }
                }
            }
            return context.textResult { out in
                for i in 0..<p.tagCount {
                    if i > 0 { out.append(UInt8(ascii: ".")) }
                    p.appendTag(i, to: &out)
                }
            }
        },
        "span.args": { event, context, p in
            args(event.isEnter ? p.enterSpan : p.exitSpan, context, separator: UInt8(ascii: "="))
        },
        "span.enterargs": { _, context, p in args(p.enterSpan, context, separator: UInt8(ascii: "=")) },
        "span.duration": { event, _, p in
            guard let d = duration(event, p) else { return .none }
            return .number(d)
        },
        "span.duration.human": { event, context, p in
            guard let d = duration(event, p) else { return .none }
            return context.textResult { $0.appendHumanDuration(d) }
        },
        "span.duration.quantized": { event, _, p in
            guard let d = duration(event, p), d != 0 else { return .none }
            return .number(EventFields.quantized(d))
        },
        "span.count": { event, _, _ in .flag(!event.isEnter) },
        "span.rawtime": { _, context, p in
            context.textResult { $0.append(decimal: p.enterSpan!.time) }
        },
        "span.rawparenttime": { _, context, p in
            guard let parent = context.parser.spans.parent(of: p.enterSpan!, tagLength: p.totalTagLength) else {
                return .none
            }
            return context.textResult { $0.append(decimal: parent.time) }
        },
    ]

    /// The extractor of a field with an argument.
    private static func argumentExtractor(_ name: String, _ selector: Selector) -> TracerExtractor {
        let n = Int(selector.number)
        switch name {
        case "span.tag":
            return { _, context, p in
                guard let i = index(n, count: p.tagCount) else { return .none }
                return context.textResult { p.appendTag(i, to: &$0) }
            }
        case "span.idtag":
            return { _, context, p in
                context.textResult { out in
                    out.append(decimal: p.id)
                    if let i = index(n, count: p.tagCount) { p.appendTag(i, to: &out) }
                }
            }
        case "span.arg":
            return { event, context, p in arg(event.isEnter ? p.enterSpan : p.exitSpan, selector, context) }
        case "span.enterarg":
            return { _, context, p in arg(p.enterSpan, selector, context) }
        case "span.duration.fortag":
            return { event, _, p in
                guard p.tagCount - 1 == n, let d = duration(event, p) else { return .none }
                return .number(d)
            }
        case "span.count.fortag":
            return { event, _, p in .flag(!event.isEnter && p.tagCount - 1 == n) }
        default:  // span.childcount.fortag
            return { event, _, p in .flag(!event.isEnter && p.tagCount > n + 1) }
        }
    }

    /// The element `n` picks among `count` (negative from the end), if there is one.
    static func index(_ n: Int, count: Int) -> Int? {
        let i = n >= 0 ? n : count + n
        return i >= 0 && i < count ? i : nil
    }

    /// The span's duration, on an exit tracer whose enter is known.
    private static func duration(_ event: Event, _ p: TracerParser) -> UInt64? {
        guard !event.isEnter, let enter = p.enterSpan else { return nil }
        let d = Int64(bitPattern: p.exitSpan.time &- enter.time)
        return d < 0 ? 0 : UInt64(d)
    }

    /// A span's arguments as `name=value,name=value` (`separator` between name and value).
    static func args(_ span: PartialTracer?, _ context: FieldContext, separator: UInt8) -> FieldResult {
        guard let span else { return .none }
        return context.textResult { out in
            for (i, name) in span.argNames.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                name.withUnsafeBytes { out.append($0) }
                out.append(separator)
                span.argValues[i].withUnsafeBytes { out.append($0) }
            }
        }
    }

    /// One of a span's arguments, by name or index.
    static func arg(_ span: PartialTracer?, _ selector: Selector, _ context: FieldContext) -> FieldResult {
        guard let span else { return .none }
        let found: Int?
        switch selector {
        case .name(let name): found = span.argNames.firstIndex(of: name)
        case .index(let n): found = index(Int(n), count: span.argumentCount)
        }
        guard let found else { return .none }
        return context.textResult { out in span.argValues[found].withUnsafeBytes { out.append($0) } }
    }
}
