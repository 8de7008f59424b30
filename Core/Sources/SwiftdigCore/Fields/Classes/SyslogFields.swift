// SPDX-License-Identifier: Apache-2.0

/// The `syslog` field class: the parts of a message written to `/dev/log` (libsinsp's
/// `sinsp_filter_check_syslog`, over its syslog protocol decoder).
struct SyslogFields: FieldBinder {
    private static let extractors: [String: EventFields.PureExtractor] = [
        "syslog.facility.str": decoded { message, context in context.textResult { $0.append(message.facilityName) } },
        "syslog.facility": decoded { message, _ in .number(UInt64(message.facility)) },
        "syslog.severity.str": decoded { message, context in context.textResult { $0.append(message.severityName) } },
        "syslog.severity": decoded { message, _ in .number(UInt64(message.severity)) },
        "syslog.message": decoded { message, _ in .bytes(message.text) },
    ]

    /// An extractor of a part of the event's syslog message; nothing when there is none.
    private static func decoded(
        _ part: @escaping @Sendable (SyslogMessage, FieldContext) -> FieldResult
    ) -> EventFields.PureExtractor {
        { event, context in
            guard let message = SyslogMessage(event, parser: context.parser) else { return .none }
            return part(message, context)
        }
    }

    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            guard let extractor = Self.extractors[definition.name] else {
                preconditionFailure("no extractor for \(definition.name)")
            }
            return BoundField(definition, text: definition.name, extractor: extractor)
        }
    }
}

/// A syslog message decoded from the current event, as libsinsp's syslog decoder sees it: the
/// decoder runs on successful writes to an fd whose name contains `/dev/log`, and its result is
/// valid during that event only. sysdig always runs it, so `evt.info` (the default line) summarises
/// those writes.
struct SyslogMessage {
    /// `<PRI>`: facility × 8 + severity.
    let priority: Int32
    /// The text after `<PRI>`, pointing into the event.
    let text: UnsafeRawBufferPointer

    /// The facility (`priority >> 3`, as an unsigned number).
    var facility: UInt32 { UInt32(bitPattern: priority >> 3) }
    /// The severity (`priority & 7`).
    var severity: UInt32 { UInt32(bitPattern: priority & 7) }

    private static let severityNames: [StaticString] = [
        "emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
    ]
    private static let facilityNames: [StaticString] = [
        "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "clock", "authpriv", "ftp",
        "ntp", "logaudit", "logalert", "cron", "local0", "local1", "local2", "local3", "local4", "local5",
        "local6", "local7",
    ]

    /// The severity's name, or `<NA>`.
    var severityName: StaticString {
        Int(severity) < Self.severityNames.count ? Self.severityNames[Int(severity)] : "<NA>"
    }
    /// The facility's name, or `<NA>`.
    var facilityName: StaticString {
        Int(facility) < Self.facilityNames.count ? Self.facilityNames[Int(facility)] : "<NA>"
    }

    /// Appends `evt.info`'s summary: `syslog sev=SEVERITY msg=TEXT`.
    func appendSummary(into out: inout OutputBuffer) {
        out.append("syslog sev=")
        out.append(severityName)
        out.append(" msg=")
        out.append(text)
    }

    /// Whether `type` is a write exit, whose data the parser hands to protocol decoders (a switch:
    /// this runs for every event of the default output).
    @inline(__always) private static func isWriteExit(_ type: UInt16) -> Bool {
        switch type {
        case EventCode.writeX, EventCode.sendX, EventCode.sendtoX, EventCode.sendmsgX, EventCode.writevX,
            EventCode.pwriteX, EventCode.pwritevX:
            return true
        default:
            return false
        }
    }

    /// Decodes the current event, or returns `nil` when it carries no syslog message.
    init?(_ event: Event, parser: EventParser) {
        // The decoder runs when the parser handles the write: a filter that tests the event before
        // sees no message.
        guard parser.eventParsed, Self.isWriteExit(event.type), let fd = parser.fdInfo,
            containsDevLog(fd.name),
            let res = event.int64(0), res >= 0, let data = event.param(1)
        else { return nil }
        // `<PRI>`: the byte before the number is not checked; the number ends at `>`, a NUL, the
        // end, or after 15 characters.
        var end = 1
        while end < data.count && data[end] != UInt8(ascii: ">") && data[end] != 0 && end - 1 < 15 { end += 1 }
        let digits = end - 1
        guard digits > 0, data.count >= digits + 2 else { return nil }
        var priority: Int32 = 0
        for i in 1..<end {
            let c = data[i]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            priority = priority &* 10 &+ Int32(c - UInt8(ascii: "0"))
        }
        // The decoder marks "no message" with -1.
        guard priority != -1 else { return nil }
        self.priority = priority
        let body = UnsafeRawBufferPointer(rebasing: data[(digits + 2)...])
        // The message is a C string when printed.
        self.text = UnsafeRawBufferPointer(rebasing: body[..<(body.firstIndex(of: 0) ?? body.count)])
    }
}
