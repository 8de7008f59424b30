// SPDX-License-Identifier: Apache-2.0
// A chisel with arguments and fields by name: sums any numeric field by any other field and prints
// the top rows in sysdig's table layout.
//
//     swiftdig -r trace.scap -c Examples/top_by_field.swift "fd.name evt.rawarg.res"
//     swiftdig -r trace.scap -c Examples/top_by_field.swift "proc.name evt.latency 'evt.type=read' 5"
//
// It merges (docs/batch.md): run it over each capture with --partial-out, then swiftdig merge.
//
//     swiftdig -r a.scap -c Examples/top_by_field.swift "fd.name evt.rawarg.res" --partial-out a.part
//     swiftdig merge a.part b.part
import SwiftdigChisel

final class TopByField: MergeableChisel {
    static let info = ChiselInfo(
        name: "top_by_field", category: "Misc", shortDescription: "Sum a field by another field",
        description: "Sums the value field over the events that pass the filter, grouped by the key field, and prints the largest totals.",
        arguments: [
            ChiselArgument("key", description: "the field to group by, e.g. proc.name"),
            ChiselArgument("value", description: "the numeric field to sum, e.g. evt.rawarg.res"),
            ChiselArgument("filter", type: "filter", description: "only events this filter matches", defaultValue: ""),
            ChiselArgument("top", type: "int", description: "how many rows to print", defaultValue: "10"),
        ])

    private var context: ChiselContext!
    private var keys: [ChiselField<String>] = []
    private var value: ChiselField<Double>!
    private var table = ChiselTopTable(valueTitle: "", keyTitles: [], units: .none)

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        let keyName = try arguments.string("key"), valueName = try arguments.string("value")
        keys = [try context.field(keyName)]
        value = try context.field(valueName)
        let filter = try arguments.string("filter")
        if !filter.isEmpty { try context.setFilter(filter) }
        table = ChiselTopTable(valueTitle: valueName, keyTitles: [keyName], units: .none, limit: try arguments.int("top"))
    }

    func handle(_ event: ChiselEvent) throws {
        guard let v = event[value], v > 0 else { return }
        table.add(event, keys: keys, v)  // the key's bytes, hashed in place: no string per event
    }

    func captureEnded(_ time: ChiselTime) throws {
        table.write(to: context.output)
    }

    // What --partial-out writes instead of the table, and how swiftdig merge adds another part.
    func writePartial(to writer: inout ChiselPartialWriter) throws { table.writePartial(to: &writer) }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws { try table.absorbPartial(&reader) }
}

@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopByField.self, version)
}
