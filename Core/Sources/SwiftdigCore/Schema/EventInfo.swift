// SPDX-License-Identifier: Apache-2.0

/// Whether an event marks the entry into or the exit from a system call.
public enum EventDirection: UInt8, Sendable {
    /// An entry event, printed as `>`.
    case enter = 0
    /// An exit event, printed as `<`.
    case exit = 1

    /// The character sysdig prints for the direction.
    public var symbol: Character { self == .enter ? ">" : "<" }
}

/// The category of an event (`EC_*` in the driver ABI): the low bits name what the event is about,
/// the high bits where it came from.
public struct EventCategory: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt32
    /// Creates a category from its `EC_*` bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let unknown = EventCategory(rawValue: 0)
    public static let other = EventCategory(rawValue: 1)
    public static let file = EventCategory(rawValue: 2)
    public static let net = EventCategory(rawValue: 3)
    public static let ipc = EventCategory(rawValue: 4)
    public static let memory = EventCategory(rawValue: 5)
    public static let process = EventCategory(rawValue: 6)
    public static let sleep = EventCategory(rawValue: 7)
    public static let system = EventCategory(rawValue: 8)
    public static let signal = EventCategory(rawValue: 9)
    public static let user = EventCategory(rawValue: 10)
    public static let time = EventCategory(rawValue: 11)
    public static let processing = EventCategory(rawValue: 12)
    public static let ioRead = EventCategory(rawValue: 32)
    public static let ioWrite = EventCategory(rawValue: 33)
    public static let ioOther = EventCategory(rawValue: 34)
    public static let wait = EventCategory(rawValue: 1 << 6)
    public static let scheduler = EventCategory(rawValue: 1 << 7)
    public static let `internal` = EventCategory(rawValue: 1 << 8)
    public static let syscall = EventCategory(rawValue: 1 << 9)
    public static let tracepoint = EventCategory(rawValue: 1 << 10)
    public static let plugin = EventCategory(rawValue: 1 << 11)
    public static let metaevent = EventCategory(rawValue: 1 << 12)
    public static let iterator = EventCategory(rawValue: 1 << 13)

    /// The bits that say where an event came from (`EC_SYSCALL`, `EC_TRACEPOINT`, `EC_PLUGIN`,
    /// `EC_METAEVENT`, `EC_ITER`). sysdig 0.29.3 predates them; the schema carries them for old events too.
    public static let sourceMask = EventCategory(rawValue: 0x3E00)

    /// The subject of the event without the source bits: the value sysdig 0.29.3's table holds, which
    /// its `evt.category` switch expects (`wait`, `scheduler` and `internal` are above the low six bits,
    /// so masking with `0x3F` would lose them).
    public var subject: EventCategory { EventCategory(rawValue: rawValue & ~Self.sourceMask.rawValue) }

    /// Whether any bit of `other` is set in this category (`EC_INTERNAL` tests, for instance).
    public func contains(_ other: EventCategory) -> Bool { rawValue & other.rawValue != 0 }
}

/// Flags that describe what an event does (`EF_*` in the driver ABI).
public struct EventFlags: OptionSet, Hashable, Sendable {
    public var rawValue: UInt32
    /// Creates flags from their `EF_*` bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let createsFD = EventFlags(rawValue: 1 << 0)
    public static let destroysFD = EventFlags(rawValue: 1 << 1)
    public static let usesFD = EventFlags(rawValue: 1 << 2)
    public static let readsFromFD = EventFlags(rawValue: 1 << 3)
    public static let writesToFD = EventFlags(rawValue: 1 << 4)
    public static let modifiesState = EventFlags(rawValue: 1 << 5)
    public static let unused = EventFlags(rawValue: 1 << 6)
    public static let waits = EventFlags(rawValue: 1 << 7)
    public static let skipParseReset = EventFlags(rawValue: 1 << 8)
    public static let oldVersion = EventFlags(rawValue: 1 << 9)
    public static let dropSimpleCons = EventFlags(rawValue: 1 << 10)
    public static let largePayload = EventFlags(rawValue: 1 << 11)
    public static let converterManaged = EventFlags(rawValue: 1 << 12)
}

/// A table of names for the values of a flags or enum parameter (`ppm_name_value[]` in the driver).
///
/// Entries keep the driver's order: sysdig renders flags by walking the table in that order, so
/// the order is part of the output.
public struct NameTable: Sendable {
    /// The table's name in the driver sources (`file_flags`, `socket_families`, ...).
    public let name: String
    /// The entries, in the driver's order.
    public let entries: [(name: String, value: UInt32)]
    /// How many leading entries sysdig 0.29.3's copy of the table has. Entries past it exist only in
    /// newer libraries; a renderer that must match sysdig 0.29.3 byte for byte walks only these.
    public let legacyCount: Int

    /// Creates a table from its entries in the driver's order; `legacyCount` defaults to all of them.
    public init(name: String, entries: [(name: String, value: UInt32)], legacyCount: Int? = nil) {
        self.name = name
        self.entries = entries
        self.legacyCount = min(legacyCount ?? entries.count, entries.count)
    }

    /// The entries sysdig 0.29.3 knows (the first ``legacyCount``).
    public var legacyEntries: ArraySlice<(name: String, value: UInt32)> { entries[..<legacyCount] }
}

/// The description of one event parameter.
public struct ParamInfo: Sendable {
    /// The parameter's name, as it appears in `name=value` output.
    public let name: String
    /// The parameter's wire type.
    public let type: ParamType
    /// How a number renders.
    public let format: PrintFormat
    /// For flags and enum flags: the names of the values.
    public let names: NameTable?
    /// For `.dyn`: the possible types, selected by the first byte of the value.
    public let dynamicChoices: [ParamInfo]?
    /// For `.fsrelpath`: the index of the parameter that holds the directory fd.
    public let dirfdIndex: Int?

    /// Creates a parameter description.
    public init(
        name: String, type: ParamType, format: PrintFormat, names: NameTable? = nil,
        dynamicChoices: [ParamInfo]? = nil, dirfdIndex: Int? = nil
    ) {
        self.name = name
        self.type = type
        self.format = format
        self.names = names
        self.dynamicChoices = dynamicChoices
        self.dirfdIndex = dirfdIndex
    }
}

/// The description of one event type: its code, name, direction, category, flags and parameters.
public struct EventInfo: Sendable {
    /// The event code (`PPME_*`), the index of this entry in ``EventSchema/events``.
    public let code: UInt16
    /// The event's name (`open`, `switch`, ...). Enter and exit events share it.
    public let name: String
    /// Enter or exit.
    public let direction: EventDirection
    /// The event's category.
    public let category: EventCategory
    /// What the event does.
    public let flags: EventFlags
    /// The parameters, in wire order.
    public let params: [ParamInfo]
    /// How many leading parameters sysdig 0.29.3's table has for this event. sysdig renders at most
    /// `min(legacyParamCount, parameters in the event)`; the rest were appended by newer drivers. For
    /// events only newer libraries know it equals `params.count`.
    public let legacyParamCount: Int

    /// Creates an event description; `legacyParamCount` defaults to all the parameters.
    public init(
        code: UInt16, name: String, direction: EventDirection, category: EventCategory, flags: EventFlags,
        params: [ParamInfo], legacyParamCount: Int? = nil
    ) {
        self.code = code
        self.name = name
        self.direction = direction
        self.category = category
        self.flags = flags
        self.params = params
        self.legacyParamCount = min(legacyParamCount ?? params.count, params.count)
    }
}
