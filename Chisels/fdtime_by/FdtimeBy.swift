// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `fdtime_by`: time spent in I/O system calls summed by any field: `swiftdig -c fdtime_by fd.name`.
final class FdtimeBy: Chisel {
    static let info = ChiselInfo(
        name: "fdtime_by", category: "I/O", shortDescription: "FD time group by",
        description: "Groups FD activity based on the given filter field, and returns the keys where most time was spent. For example, this script can be used to list the processes or files that caused the biggest I/O latency.",
        arguments: [ChiselArgument("key", description: "The filter field used for grouping")])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(keys: .fields(try arguments.string("key")), value: .time, filter: "evt.is_io=true", limit: 10))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(FdtimeBy.self, version)
}
