// SPDX-License-Identifier: Apache-2.0

extension EventFields {
    /// `EC_IO_BASE`: the bit every I/O category has.
    private static let ioBase: UInt32 = 32

    /// The fd types `evt.buflen.file*` count.
    private static let fileBufferFDTypes: Set<FDType> = [.file, .fileV2]
    /// The fd types `evt.buflen.net*` count (`SCAP_FD_IPV4_SOCK` to `SCAP_FD_IPV6_SERVSOCK`).
    private static let netBufferFDTypes: Set<FDType> = [.ipv4Socket, .ipv6Socket, .ipv4ServerSocket, .ipv6ServerSocket]

    /// Which I/O events a buffer-length field counts.
    private enum Direction { case any, input, output }

    /// libsinsp's `extract_buflen` behind its guards: the result of a successful I/O exit, when the
    /// event has an fd of the wanted types and a category of the wanted direction.
    @inline(__always) private static func bufferLength(
        _ event: Event, _ context: FieldContext, _ direction: Direction, _ fdTypes: Set<FDType>?
    ) -> FieldResult {
        guard let fd = context.parser.fdInfo else { return .none }
        let category = event.layout.pointee.category.subject
        switch direction {
        case .any: guard category.rawValue & ioBase != 0 else { return .none }
        case .input: guard category == .ioRead else { return .none }
        case .output: guard category == .ioWrite else { return .none }
        }
        if let fdTypes, !fdTypes.contains(fd.type) { return .none }
        guard !event.isEnter, let res = event.int64(0), res >= 0 else { return .none }
        return .number(UInt64(res))
    }

    /// A bool field from a test of the event's flags.
    private static func flagTest(_ test: @escaping @Sendable (EventFlags) -> Bool) -> PureExtractor {
        { event, _ in .flag(test(event.layout.pointee.flags)) }
    }

    static let ioExtractors: [String: PureExtractor] = [
        "evt.buflen": { event, context in bufferLength(event, context, .any, nil) },
        "evt.buflen.in": { event, context in bufferLength(event, context, .input, nil) },
        "evt.buflen.out": { event, context in bufferLength(event, context, .output, nil) },
        "evt.buflen.file": { event, context in bufferLength(event, context, .any, fileBufferFDTypes) },
        "evt.buflen.file.in": { event, context in bufferLength(event, context, .input, fileBufferFDTypes) },
        "evt.buflen.file.out": { event, context in bufferLength(event, context, .output, fileBufferFDTypes) },
        "evt.buflen.net": { event, context in bufferLength(event, context, .any, netBufferFDTypes) },
        "evt.buflen.net.in": { event, context in bufferLength(event, context, .input, netBufferFDTypes) },
        "evt.buflen.net.out": { event, context in bufferLength(event, context, .output, netBufferFDTypes) },
        "evt.is_io": flagTest { !$0.isDisjoint(with: [.readsFromFD, .writesToFD]) },
        "evt.is_io_read": flagTest { $0.contains(.readsFromFD) },
        "evt.is_io_write": flagTest { $0.contains(.writesToFD) },
        "evt.is_wait": flagTest { $0.contains(.waits) },
        "evt.io_dir": { event, context in
            let flags = event.layout.pointee.flags
            if flags.contains(.writesToFD) { return context.textResult { $0.append("write") } }
            if flags.contains(.readsFromFD) { return context.textResult { $0.append("read") } }
            return .none
        },
        "evt.is_syslog": { event, context in
            guard event.layout.pointee.flags.contains(.writesToFD), let fd = context.parser.fdInfo else { return .number(0) }
            return .flag(containsDevLog(fd.name))
        },
        "evt.category": { event, context in
            context.textResult { $0.append(categoryName(event, context)) }
        },
        "evt.is_open_read": { event, _ in .flag((openFlags(event) ?? 0) & openRead != 0) },
        "evt.is_open_write": { event, _ in .flag((openFlags(event) ?? 0) & openWrite != 0) },
        "evt.is_open_exec": { event, _ in .flag(isOpenExec(event)) },
    ]

    // MARK: - Category

    /// The names `evt.category` gives the categories (`EC_*`); the I/O ones are named by their fd.
    private static let categoryNames: [UInt32: StaticString] = [
        EventCategory.unknown.rawValue: "unknown", EventCategory.other.rawValue: "other",
        EventCategory.file.rawValue: "file", EventCategory.net.rawValue: "net", EventCategory.ipc.rawValue: "IPC",
        EventCategory.memory.rawValue: "memory", EventCategory.process.rawValue: "process",
        EventCategory.sleep.rawValue: "sleep", EventCategory.system.rawValue: "system",
        EventCategory.signal.rawValue: "signal", EventCategory.user.rawValue: "user",
        EventCategory.time.rawValue: "time", EventCategory.processing.rawValue: "processing",
        EventCategory.wait.rawValue: "wait", EventCategory.scheduler.rawValue: "scheduler",
    ]

    /// The subcategory of an I/O event: what its fd is (libsinsp's `get_category`).
    private static func ioSubcategoryName(_ fd: FDInfo?) -> StaticString {
        switch fd?.type {
        case .file, .fileV2, .directory: return "file"
        case .ipv4Socket, .ipv6Socket, .ipv4ServerSocket, .ipv6ServerSocket: return "net"
        case .fifo, .unixSocket, .event, .signalfd, .inotify: return "ipc"
        default: return "unknown"
        }
    }

    /// The text of `evt.category`.
    private static func categoryName(_ event: Event, _ context: FieldContext) -> StaticString {
        let category: EventCategory
        if event.type == EventCode.genericE || event.type == EventCode.genericX {
            // Calls without a filler of their own take the category of the system call table.
            let id = event.integer(0, as: UInt16.self) ?? 0
            guard Int(id) < SyscallNames.legacyCount, let c = SyscallNames.category(forPPMSC: id) else {
                return "unknown"
            }
            category = c.subject
        } else {
            category = event.layout.pointee.category.subject
            if category == .ioRead || category == .ioWrite || category == .ioOther {
                return ioSubcategoryName(context.parser.fdInfo)
            }
        }
        return categoryNames[category.rawValue] ?? "unknown"
    }

    // MARK: - Opens

    private static let openRead: UInt32 = 1 << 0  // PPM_O_RDONLY
    private static let openWrite: UInt32 = 1 << 1  // PPM_O_WRONLY
    private static let openCreate: UInt32 = 1 << 2  // PPM_O_CREAT
    private static let openTmpfile: UInt32 = 1 << 13  // PPM_O_TMPFILE
    private static let modeExec: UInt32 = 1 << 6 | 1 << 3 | 1 << 0  // PPM_S_IXUSR | PPM_S_IXGRP | PPM_S_IXOTH

    /// Where the open flags and mode sit in the open events libsinsp inspects (old `openat` only on
    /// enter, where its flags are).
    private static let openParams: [UInt16: (flags: Int, mode: Int)] = [
        EventCode.openX: (2, 3), EventCode.openatE: (2, 3), EventCode.openat2X: (3, 4),
        EventCode.openat2SyscallX: (3, 4),
    ]

    /// A 32-bit parameter of `event`, or 0 when it is missing.
    @inline(__always) private static func uint32(_ event: Event, _ index: Int) -> UInt32 {
        guard index < event.sysdigParamCount, let p = event.param(index) else { return 0 }
        return UInt32(truncatingIfNeeded: ParamIndex.load(p, width: 4))
    }

    /// The open flags of an open event, or `nil` for other events.
    @inline(__always) private static func openFlags(_ event: Event) -> UInt32? {
        guard let at = openParams[event.type] else { return nil }
        return uint32(event, at.flags)
    }

    /// Whether an open creates a file with an execute bit, or a `creat` does.
    private static func isOpenExec(_ event: Event) -> Bool {
        if let at = openParams[event.type] {
            guard uint32(event, at.flags) & (openTmpfile | openCreate) != 0 else { return false }
            return uint32(event, at.mode) & modeExec != 0
        }
        return event.type == EventCode.creatX && uint32(event, 2) & modeExec != 0
    }
}
