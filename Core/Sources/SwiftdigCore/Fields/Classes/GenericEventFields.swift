// SPDX-License-Identifier: Apache-2.0

/// The `evt (all event types)` field class: the event's number and its time in every form (libsinsp's
/// `sinsp_filter_check_gen_event`).
struct GenericEventFields: FieldBinder {
    private typealias Extractor = BoundField.Extractor

    /// The extractor of each field, by name.
    private static let extractors: [String: EventFields.PureExtractor] = [
        "evt.num": { event, _ in .number(event.number) },
        "evt.time": { event, context in timeText(event, context) { $0.appendClock($1) } },
        "evt.time.s": { event, context in timeText(event, context) { $0.appendClock($1, nanoseconds: false) } },
        "evt.time.iso8601": { event, context in timeText(event, context) { $0.appendISO8601($1) } },
        "evt.datetime": { event, context in
            timeText(event, context) { out, ts in
                out.appendDate(ts)
                out.append(UInt8(ascii: " "))
                out.appendClock(ts)
            }
        },
        "evt.datetime.s": { event, context in
            timeText(event, context) { out, ts in
                out.appendDate(ts)
                out.append(UInt8(ascii: " "))
                out.appendClock(ts, nanoseconds: false)
            }
        },
        "evt.rawtime": { event, _ in .number(event.timestamp) },
        "evt.rawtime.s": { event, _ in .number(event.timestamp / 1_000_000_000) },
        "evt.rawtime.ns": { event, _ in .number(event.timestamp % 1_000_000_000) },
        "evt.reltime": { event, context in .number(event.timestamp &- context.firstTimestamp) },
        "evt.reltime.s": { event, context in .number((event.timestamp &- context.firstTimestamp) / 1_000_000_000) },
        "evt.reltime.ns": { event, context in .number((event.timestamp &- context.firstTimestamp) % 1_000_000_000) },
        // Plugins are not supported: no event comes from a loaded plugin, so sysdig finds none.
        "evt.pluginname": { _, _ in .none },
        "evt.plugininfo": { _, _ in .none },
    ]

    /// The time strings print in `-j` as the timestamp; the raw and relative times as themselves
    /// (libsinsp's `extract_as_js`).
    private static let timestampInJSON: Set<String> = [
        "evt.time", "evt.time.s", "evt.time.iso8601", "evt.datetime", "evt.datetime.s",
    ]
    private static let valueInJSON: Set<String> = [
        "evt.rawtime", "evt.rawtime.s", "evt.rawtime.ns", "evt.reltime", "evt.reltime.s", "evt.reltime.ns",
    ]

    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            guard let extractor = Self.extractors[definition.name] else {
                preconditionFailure("no extractor for \(definition.name)")
            }
            var json: Extractor?
            if Self.timestampInJSON.contains(definition.name) {
                json = { event, _ in .number(event.timestamp) }
            } else if Self.valueInJSON.contains(definition.name) {
                json = extractor
            }
            // Every field of the class reads the event alone.
            return BoundField(definition, text: definition.name, jsonNumber: json, pure: true, extractor: extractor)
        }
    }

    /// Writes a time string of the event's timestamp into the context's text.
    @inline(__always) private static func timeText(
        _ event: Event, _ context: FieldContext, _ write: (inout OutputBuffer, UInt64) -> Void
    ) -> FieldResult {
        context.text.removeAll()
        write(&context.text, event.timestamp)
        return .text
    }
}

extension OutputBuffer {
    /// Appends `YYYY-MM-DDThh:mm:ss.nnnnnnnnn+0000`: sysdig's ISO 8601 time (in UTC, as it runs with `TZ=UTC`).
    mutating func appendISO8601(_ ts: UInt64) {
        appendDate(ts)
        append(UInt8(ascii: "T"))
        appendClock(ts)
        append("+0000")
    }
}
