// SPDX-License-Identifier: Apache-2.0

/// The `-S` table: how many times each event type (and each system call without an event of its
/// own) happened, most frequent first, as sysdig 0.29.3 lays it out.
public struct SummaryCounts {
    /// sysdig 0.29.3's table: a row for each of the 336 events it knows, then one for each
    /// direction of its 329 system call codes, in that order, because the order of equal counts
    /// after its `std::sort` depends on the rows' positions. Events of newer codes never reach
    /// the table (``Inspector`` drops them as sysdig does).
    static let legacyEventCount = EventSchema.legacyCount
    static let legacySyscallCount = SyscallNames.legacyCount

    private var counts: [UInt64]

    /// An empty table.
    public init() {
        counts = [UInt64](repeating: 0, count: Self.legacyEventCount + Self.legacySyscallCount * 2)
    }

    /// Counts `event`.
    public mutating func count(_ event: Event) {
        let type = Int(event.type)
        let slot: Int
        if type == Int(EventCode.genericE) || type == Int(EventCode.genericX) {
            let id = Int(event.integer(0, as: UInt16.self) ?? 0)
            slot = Self.legacyEventCount + id * 2 + (type == Int(EventCode.genericX) ? 1 : 0)
        } else {
            slot = type
        }
        // sysdig indexes its table unchecked; past its end we count nothing.
        if slot < counts.count { counts[slot] += 1 }
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
            if i < Self.legacyEventCount {
                rows.append(Row(calls: c, id: i, isSyscall: false))
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
            if row.isSyscall {
                name = SyscallNames.name(forPPMSC: UInt16(row.id / 2)) ?? ""
            } else {
                name = EventSchema.info(UInt16(row.id))?.name ?? ""
            }
            out.append(row.id & 1 == 0 ? "> " : "< ")
            out.append(name.count >= 16 ? String(name.prefix(16)) : name + String(repeating: " ", count: 16 - name.count))
            out.append(decimal: row.calls)
            out.append(UInt8(ascii: "\n"))
        }
    }
}
