// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// What sysdig's `topprocs_cpu` and `topcontainers_cpu` share: the CPU use that `procinfo` events
/// report for each thread every second, summed by key and printed as a share of the interval
/// (`CPU%`, ten rows).
final class CPUTable {
    private let context: ChiselContext
    private let keys: [ChiselField<String>]
    private let cpu: ChiselField<Double>
    private var table: ChiselTopTable

    /// Binds the key columns and `thread.cpu`, and keeps `procinfo` events only.
    init(_ context: ChiselContext, keys columns: [ChiselTableRequest.Key]) throws {
        self.context = context
        keys = try columns.map { try context.field($0.field) }
        cpu = try context.field("thread.cpu")
        table = ChiselTopTable(ChiselTableRequest(
            keys: columns, value: .init("thread.exectime", title: "CPU%", units: .timePercent), filter: "", limit: 10))
        try context.setFilter("evt.type=procinfo")
    }

    func captureStarted() { ChiselTopTable.captureStarted(in: context) }

    /// Adds an event's CPU use to its key's row. Idle threads count too: they print as 0.00%.
    func add(_ event: ChiselEvent) {
        // The percentage of a second, in nanoseconds, over the interval's nanoseconds.
        table.add(event, keys: keys, (event[cpu] ?? 0) * 10_000_000)
    }

    func interval(_ time: ChiselTime) { table.interval(time, in: context) }

    func captureEnded(_ time: ChiselTime) { table.captureEnded(time, in: context) }

    /// The rows, for a partial result (the share is taken of the merged inputs' length).
    func writePartial(to writer: inout ChiselPartialWriter) { table.writePartial(to: &writer) }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws { try table.absorbPartial(&reader) }
}

/// A chisel that is a `CPUTable`: the table answers its callbacks.
protocol CPUTableChisel: MergeableChisel {
    /// Made in `initialize`.
    var table: CPUTable! { get }
}

extension CPUTableChisel {
    func captureStarted() throws { table.captureStarted() }
    func handle(_ event: ChiselEvent) throws { table.add(event) }
    func interval(_ time: ChiselTime) throws { table.interval(time) }
    func captureEnded(_ time: ChiselTime) throws { table.captureEnded(time) }
    func writePartial(to writer: inout ChiselPartialWriter) throws { table.writePartial(to: &writer) }
    func absorbPartial(_ reader: inout ChiselPartialReader) throws { try table.absorbPartial(&reader) }
}
