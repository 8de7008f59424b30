// SPDX-License-Identifier: Apache-2.0

extension EventFields {
    /// The parameter holding the event's result: `res`, else for the exit of an fd-creating call `fd`.
    @inline(__always) static func resultIndex(_ event: Event) -> Int? {
        if let i = ParamIndex.res.index(in: event) { return i }
        guard event.layout.pointee.flags.contains(.createsFD), !event.isEnter else { return nil }
        return ParamIndex.fd.index(in: event)
    }

    /// The event's result as a number, or `nil`.
    @inline(__always) static func result(_ event: Event) -> Int64? {
        guard let i = resultIndex(event), let p = event.param(i) else { return nil }
        return Int64(bitPattern: ParamIndex.load(p, width: 8))
    }

    /// libsinsp's `extract_error_count`: 1 when the result is an error, else nothing.
    @inline(__always) static func errorCount(_ event: Event) -> FieldResult {
        guard let res = result(event), res < 0 else { return .none }
        return .number(1)
    }

    /// The exits that create a file (where an error has no fd to classify it by).
    private static let fileOpenExits: Set<UInt16> = [
        EventCode.openX, EventCode.creatX, EventCode.openatX, EventCode.openat2X, EventCode.openat2SyscallX,
    ]
    /// The exits that create a connection.
    private static let netOpenExits: Set<UInt16> = [
        EventCode.acceptX, EventCode.accept5X, EventCode.accept4X, EventCode.accept45X, EventCode.connectX,
    ]
    /// The fd types whose errors count as file errors.
    private static let fileFDTypes: Set<FDType> = [.file, .fileV2, .directory]
    /// The fd types whose errors count as network errors.
    private static let netFDTypes: Set<FDType> = [
        .ipv4Socket, .ipv6Socket, .ipv4ServerSocket, .ipv6ServerSocket, .unixSocket,
    ]

    /// Whether the event is about memory (its table category, exactly).
    @inline(__always) private static func isMemory(_ event: Event) -> Bool {
        event.layout.pointee.category.subject == .memory
    }

    static let resultExtractors: [String: PureExtractor] = [
        "evt.res": { event, context in
            guard let i = resultIndex(event), let p = event.param(i) else { return .none }
            if Int64(bitPattern: ParamIndex.load(p, width: 8)) >= 0 {
                return context.textResult { $0.append("SUCCESS") }
            }
            return context.writeParamText(event, i)
        },
        "evt.rawres": { event, _ in
            guard let res = result(event) else { return .none }
            return .signed(res)
        },
        "evt.failed": { event, _ in .flag((result(event) ?? 0) < 0) },
        "evt.count.error": { event, _ in errorCount(event) },
        "evt.count.error.file": { event, context in
            if let fd = context.parser.fdInfo {
                return fileFDTypes.contains(fd.type) ? errorCount(event) : .none
            }
            return fileOpenExits.contains(event.type) ? errorCount(event) : .none
        },
        "evt.count.error.net": { event, context in
            if let fd = context.parser.fdInfo {
                return netFDTypes.contains(fd.type) ? errorCount(event) : .none
            }
            return netOpenExits.contains(event.type) ? errorCount(event) : .none
        },
        "evt.count.error.memory": { event, _ in isMemory(event) ? errorCount(event) : .none },
        "evt.count.error.other": { event, context in
            if let fd = context.parser.fdInfo {
                return fileFDTypes.contains(fd.type) || netFDTypes.contains(fd.type) ? .none : errorCount(event)
            }
            let type = event.type
            if fileOpenExits.contains(type) || netOpenExits.contains(type) || isMemory(event) { return .none }
            return errorCount(event)
        },
    ]
}
