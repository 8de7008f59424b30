// SPDX-License-Identifier: Apache-2.0

/// Bytes in memory that lives as long as the process (names and labels of the schema).
struct StaticBytes {
    let base: UnsafePointer<UInt8>?
    let count: Int

    /// Copies `string`'s UTF-8 bytes into memory that is never freed.
    init(_ string: String) {
        let count = string.utf8.count
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: max(count, 1))
        _ = UnsafeMutableBufferPointer(start: p, count: count).initialize(from: string.utf8)
        base = UnsafePointer(p)
        self.count = count
    }

    /// The bytes.
    @inline(__always) var raw: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// One entry of a flag name table, as ``ParamLayout`` keeps it.
struct FlagNameLayout {
    let value: UInt32
    let name: StaticBytes
}

/// What the hot path needs of a ``ParamInfo``, with no reference-counted member: reading it costs
/// no retain or release.
struct ParamLayout {
    let type: ParamType
    let format: PrintFormat
    /// For `.fsrelpath`: the index of the directory fd parameter, or -1.
    let dirfdIndex: Int
    /// `name=`, as `evt.info` prints it before the value.
    let label: StaticBytes
    /// The flag name table, in the driver's order (empty when there is none).
    let flagNames: UnsafeBufferPointer<FlagNameLayout>
    /// Whether the parameter has a name table at all.
    let hasNames: Bool
    /// For `.dyn`: the possible types, selected by the first byte of the value.
    let choices: UnsafeBufferPointer<ParamLayout>
    /// Whether the parameter has dynamic choices at all.
    let hasChoices: Bool
}

/// What the hot path needs of an ``EventInfo``, with no reference-counted member.
struct EventLayout {
    let name: StaticBytes
    let flags: EventFlags
    let category: EventCategory
    /// The schema's parameters.
    let params: UnsafeBufferPointer<ParamLayout>
    /// See ``EventInfo/legacyParamCount``.
    let legacyParamCount: Int
    /// Whether the first parameter is called `res` or `fd` (its negative values are error codes).
    let firstParamIsResult: Bool
    /// Whether this is a generic system call event (its name is the system call's).
    let isGeneric: Bool
    /// Whether the event is internal (numbered but never printed).
    let isInternal: Bool
}

/// The schema flattened into ``EventLayout`` entries, built once and never freed.
enum EventLayouts {
    /// One entry per event code, then one for codes beyond the table (``EventSchema/unknownEvent``).
    nonisolated(unsafe) static let table: UnsafePointer<EventLayout> = build()

    /// The names of system call codes (`PPM_SC_*`) as generic events show them (empty when no call
    /// has the code), ``SyscallNames/count`` of them.
    nonisolated(unsafe) static let syscallNames: UnsafePointer<StaticBytes> = {
        let table = UnsafeMutablePointer<StaticBytes>.allocate(capacity: SyscallNames.count)
        for code in 0..<SyscallNames.count {
            (table + code).initialize(to: StaticBytes(SyscallNames.name(forPPMSC: UInt16(code)) ?? ""))
        }
        return UnsafePointer(table)
    }()

    /// The name of system call code `code` as bytes (empty when unknown).
    @inline(__always) static func syscallName(_ code: UInt16) -> UnsafeRawBufferPointer {
        Int(code) < SyscallNames.count ? syscallNames[Int(code)].raw : UnsafeRawBufferPointer(start: nil, count: 0)
    }

    /// The entry of event code `type`.
    @inline(__always) static func layout(_ type: UInt16) -> UnsafePointer<EventLayout> {
        layout(type, in: table)
    }

    /// The entry of event code `type` in `table`, which is ``table``.
    @inline(__always) static func layout(
        _ type: UInt16, in table: UnsafePointer<EventLayout>
    ) -> UnsafePointer<EventLayout> {
        table + min(Int(type), EventSchema.count)
    }

    private static func build() -> UnsafePointer<EventLayout> {
        let events = EventSchema.events + [EventSchema.unknownEvent]
        let table = UnsafeMutablePointer<EventLayout>.allocate(capacity: events.count)
        var flagNames = FlagNameLayouts()
        for (i, info) in events.enumerated() {
            let first = info.params.first?.name
            (table + i).initialize(
                to: EventLayout(
                    name: StaticBytes(info.name), flags: info.flags, category: info.category,
                    params: params(info.params, flagNames: &flagNames), legacyParamCount: info.legacyParamCount,
                    firstParamIsResult: first == "res" || first == "fd",
                    isGeneric: i == Int(EventCode.genericE) || i == Int(EventCode.genericX),
                    isInternal: info.category.contains(.internal)))
        }
        return UnsafePointer(table)
    }

    private static func params(
        _ infos: [ParamInfo], flagNames: inout FlagNameLayouts
    ) -> UnsafeBufferPointer<ParamLayout> {
        let p = UnsafeMutablePointer<ParamLayout>.allocate(capacity: max(infos.count, 1))
        for (i, info) in infos.enumerated() {
            (p + i).initialize(
                to: ParamLayout(
                    type: info.type, format: info.format, dirfdIndex: info.dirfdIndex ?? -1,
                    label: StaticBytes(info.name + "="),
                    flagNames: info.names.map { flagNames.layout(of: $0) } ?? UnsafeBufferPointer(start: nil, count: 0),
                    hasNames: info.names != nil,
                    choices: params(info.dynamicChoices ?? [], flagNames: &flagNames),
                    hasChoices: info.dynamicChoices != nil))
        }
        return UnsafeBufferPointer(start: p, count: infos.count)
    }
}

/// The flag name tables as ``FlagNameLayout`` entries, each made once however many parameters use it
/// (`file_flags` serves every open).
private struct FlagNameLayouts {
    private var byTableName: [String: UnsafeBufferPointer<FlagNameLayout>] = [:]

    /// The entries of `table`, in its order.
    mutating func layout(of table: NameTable) -> UnsafeBufferPointer<FlagNameLayout> {
        if let made = byTableName[table.name] { return made }
        let entries = table.entries
        let names = UnsafeMutablePointer<FlagNameLayout>.allocate(capacity: max(entries.count, 1))
        for (j, entry) in entries.enumerated() {
            (names + j).initialize(to: FlagNameLayout(value: entry.value, name: StaticBytes(entry.name)))
        }
        let made = UnsafeBufferPointer(start: UnsafePointer(names), count: entries.count)
        byTableName[table.name] = made
        return made
    }
}
