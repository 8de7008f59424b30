// SPDX-License-Identifier: Apache-2.0

/// The `fd` field class: libsinsp's `sinsp_filter_check_fd`.
///
/// Only events that create, use or destroy an fd have fd fields. The fd is the one the parser
/// attached to the event or, failing that, the thread's last event fd still in its table; with no
/// fd at all, exit events that create one still show the name they tried (`fd.name` of a failed
/// `open`), see `FDFields-creator.swift`.
///
/// Result shapes: IPv4 addresses are ``FieldResult/number(_:)`` (first octet in the low byte),
/// IPv6 addresses 16 bytes of ``FieldResult/text``, ports numbers.
struct FDFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            guard let body = Self.extractors[definition.name] else { return nil }
            return BoundField(
                definition, text: definition.name, alternatives: Self.alternatives[definition.name].map(Self.offer),
                extractor: Self.onFDEvent(body))
        }
    }

    /// Extracts a field from an fd event: its thread and its fd, if any.
    typealias FDExtractor = @Sendable (Event, FieldContext, ThreadInfo, FDInfo?) -> FieldResult

    /// The event flags that make an event an fd event.
    static let fdEventFlags: EventFlags = [.createsFD, .usesFD, .destroysFD]

    /// The thread and fd an fd field reads (libsinsp's `extract_fd`), or nil for other events.
    @inline(__always) static func target(_ event: Event, _ context: FieldContext) -> (ThreadInfo, FDInfo?)? {
        guard !event.layout.pointee.flags.isDisjoint(with: fdEventFlags), let t = context.parser.thread else { return nil }
        if let fdi = context.parser.fdInfo { return (t, fdi) }
        guard t.lastEventFD >= 0 else { return (t, nil) }
        return (t, context.state.fd(t.lastEventFD, of: t))
    }

    /// `body` run on fd events only, with what ``target(_:_:)`` finds. The parser's thread and fd
    /// are lent to `body` without reference counting (the parser holds them during the event).
    static func onFDEvent(_ body: @escaping FDExtractor) -> BoundField.Extractor {
        { event, context in
            let parser = context.parser
            guard !event.layout.pointee.flags.isDisjoint(with: fdEventFlags), let thread = parser.threadRef else {
                return .none
            }
            return thread._withUnsafeGuaranteedRef { t in
                if let fdi = parser.fdInfoRef { return fdi._withUnsafeGuaranteedRef { body(event, context, t, $0) } }
                guard t.lastEventFD >= 0 else { return body(event, context, t, nil) }
                return body(event, context, t, context.state.fd(t.lastEventFD, of: t))
            }
        }
    }

    /// Whether an fd is a file or a directory, the fds with a path.
    @inline(__always) static func isFile(_ fdi: FDInfo) -> Bool { fdi.type == .file || fdi.type == .fileV2 }

    /// Every field's extractor.
    static let extractors = basicExtractors.merging(socketExtractors) { a, _ in a }

    /// The fields that are not about sockets.
    static let basicExtractors: [String: FDExtractor] = [
        "fd.num": { _, _, t, _ in .signed(t.lastEventFD) },
        "fd.type": { _, c, _, fdi in fdi.map { c.textResult($0.type.typeName) } ?? .none },
        "fd.typechar": { event, c, _, fdi in
            c.textResult { $0.append(fdi?.type.typeChar ?? typeCharOfCreator(event.type)) }
        },
        "fd.name": { event, c, t, fdi in name(event, c, t, fdi, container: false) },
        "fd.containername": { event, c, t, fdi in name(event, c, t, fdi, container: true) },
        "fd.directory": { event, c, t, fdi in directory(event, c, t, fdi, container: false) },
        "fd.containerdirectory": { event, c, t, fdi in directory(event, c, t, fdi, container: true) },
        "fd.filename": { _, c, _, fdi in
            // Without an fd libsinsp only tries enter events, which name nothing.
            guard let fdi, isFile(fdi) else { return .none }
            return c.textResult { appendSanitizedBasename(of: fdi.name, into: &$0) }
        },
        "fd.l4proto": { _, c, _, fdi in
            guard let fdi else { return .none }
            return c.textResult(l4protoNames[fdi.l4proto] ?? "<NA>")
        },
        "fd.sockfamily": { _, c, _, fdi in
            guard let fdi else { return .none }
            switch fdi.type {
            case .ipv4Socket, .ipv6Socket, .ipv4ServerSocket, .ipv6ServerSocket: return c.textResult("ip")
            case .unixSocket: return c.textResult("unix")
            default: return .none
            }
        },
        "fd.uid": { event, c, t, _ in
            if event.type == containerE || event.type == container2E { return .none }
            return c.textResult { out in
                out.append(decimal: t.tid)
                out.append(decimal: t.lastEventFD)
            }
        },
        "fd.connected": { _, _, _, fdi in fdi.map { .flag($0.flags.contains(.socketConnected)) } ?? .none },
        "fd.name_changed": { _, c, _, fdi in fdi == nil ? .none : .flag(c.parser.fdNameChanged) },
        "fd.dev": { _, _, _, fdi in fdi.map { .number(UInt64($0.dev)) } ?? .none },
        "fd.dev.major": { _, _, _, fdi in fdi.map { .number(UInt64(($0.dev & 0xFFF00) >> 8)) } ?? .none },
        "fd.dev.minor": { _, _, _, fdi in
            fdi.map { .number(UInt64(($0.dev & 0xFF) | (($0.dev >> 12) & 0xFFF00))) } ?? .none
        },
        // No DNS cache is kept: domain names are never known.
        "fd.cip.name": { _, _, _, _ in .none },
        "fd.sip.name": { _, _, _, _ in .none },
        "fd.lip.name": { _, _, _, _ in .none },
        "fd.rip.name": { _, _, _, _ in .none },
    ]

    /// The names `fd.l4proto` prints.
    static let l4protoNames: [L4Proto: String] = [.tcp: "tcp", .udp: "udp", .icmp: "icmp", .raw: "raw"]

    /// Container events, which have no fd of their own.
    static let containerE: UInt16 = 272, container2E: UInt16 = 324
}
