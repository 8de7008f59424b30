// SPDX-License-Identifier: Apache-2.0

/// The `-S` table: how many times each event type (and each system call without an event of its
/// own) happened, most frequent first, as sysdig 0.29.3 lays it out.
public struct SummaryCounts {
    /// sysdig 0.29.3 sizes its table for the 336 events and 329 system call codes it knows; rows
    /// keep those positions because the order of equal counts depends on them.
    static let legacyEventCount = 336
    static let legacySyscallCount = 329

    private var counts: [UInt64]

    /// An empty table.
    public init() {
        // Events newer than sysdig 0.29.3's get rows after its own.
        let newer = max(0, EventSchema.events.count - Self.legacyEventCount)
        counts = [UInt64](repeating: 0, count: Self.legacyEventCount + Self.legacySyscallCount * 2 + newer)
    }

    /// Counts `event`.
    public mutating func count(_ event: Event) {
        let type = Int(event.type)
        if type == Int(EventCode.genericE) || type == Int(EventCode.genericX) {
            let id = Int(event.integer(0, as: UInt16.self) ?? 0)
            let slot = Self.legacyEventCount + id * 2 + (type == Int(EventCode.genericX) ? 1 : 0)
            if slot < counts.count { counts[slot] += 1 }
        } else if type < Self.legacyEventCount {
            counts[type] += 1
        } else {
            let slot = Self.legacyEventCount + Self.legacySyscallCount * 2 + (type - Self.legacyEventCount)
            if slot < counts.count { counts[slot] += 1 }
        }
    }

    /// Appends the table (its first 100 rows) to `out`.
    public func write(into out: inout OutputBuffer) {
        struct Row {
            var calls: UInt64
            var id: Int
            var isSyscall: Bool
        }
        var rows: [Row] = []
        rows.reserveCapacity(counts.count)
        for (i, c) in counts.enumerated() {
            let newerStart = Self.legacyEventCount + Self.legacySyscallCount * 2
            if i < Self.legacyEventCount {
                rows.append(Row(calls: c, id: i, isSyscall: false))
            } else if i >= newerStart {
                rows.append(Row(calls: c, id: i - newerStart + Self.legacyEventCount, isSyscall: false))
            } else {
                rows.append(Row(calls: c, id: i - Self.legacyEventCount, isSyscall: true))
            }
        }
        StdSort.sort(&rows) { $0.calls > $1.calls }
        out.append("----------------------\n")
        out.append("Event           #Calls\n")
        out.append("----------------------\n")
        for row in rows.prefix(100) {
            if row.calls == 0 { break }
            let name: String
            let enter: Bool
            if row.isSyscall {
                name = SyscallNames.name(forPPMSC: UInt16(row.id / 2)) ?? ""
                enter = row.id & 1 == 0
            } else {
                name = EventSchema.info(UInt16(row.id))?.name ?? ""
                enter = row.id & 1 == 0
            }
            out.append(enter ? "> " : "< ")
            out.append(name.count >= 16 ? String(name.prefix(16)) : name + String(repeating: " ", count: 16 - name.count))
            out.append(decimal: row.calls)
            out.append(UInt8(ascii: "\n"))
        }
    }
}
