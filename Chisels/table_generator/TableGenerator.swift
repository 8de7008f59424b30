// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `table_generator`: sums a value field by one or more key fields and prints the largest
/// totals, at the end of a capture (or every second when live). The `top*` chisels run it through
/// ``ChiselContext/exec(_:_:)``.
final class TableGenerator: MergeableChisel {
    static let info = ChiselInfo(
        name: "table_generator", category: "Filter", shortDescription: "Filter on a key and value",
        description: "Given two filter fields, a key and a value, this chisel creates and renders a table to the screen.",
        arguments: [
            ChiselArgument("keys", description: "comma-separated list of filter fields to use for grouping"),
            ChiselArgument("keydescs", description: "comma separated list of human readable descriptions for the key"),
            ChiselArgument("value", description: "the value to count for every key"),
            ChiselArgument("valuedesc", description: "human readable description for the value"),
            ChiselArgument("filter", description: "the filter to apply"),
            ChiselArgument("top_number", description: "maximum number of elements to display"),
            ChiselArgument(
                "value_units",
                description: "how to render the values in the result. Can be 'bytes', 'time', 'timepct', or 'none'."),
        ],
        hidden: true)

    private var context: ChiselContext!
    private var keys: [ChiselField<String>] = []
    private var value: ChiselField<Double>!
    private var table = ChiselTopTable(valueTitle: "", keyTitles: [], units: .none)

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        let request = try ChiselTableRequest(arguments)
        keys = try request.keys.map { try context.field($0.field) }
        value = try context.field(request.value.field)
        if !request.filter.isEmpty { try context.setFilter(request.filter) }
        table = ChiselTopTable(request)
    }

    func captureStarted() throws { ChiselTopTable.captureStarted(in: context) }

    func handle(_ event: ChiselEvent) throws {
        // The key's text goes from the event to the table as bytes: no string per event.
        if let v = event[value], v > 0 { table.add(event, keys: keys, v) }
    }

    func interval(_ time: ChiselTime) throws { table.interval(time, in: context) }

    func captureEnded(_ time: ChiselTime) throws { table.captureEnded(time, in: context) }

    // Partial results: the table's rows, all of them (the limit applies when printing).
    func writePartial(to writer: inout ChiselPartialWriter) throws { table.writePartial(to: &writer) }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws { try table.absorbPartial(&reader) }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TableGenerator.self, version)
}
