// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `fdbytes_by`: bytes of successful I/O summed by any field (or comma-separated fields):
/// `swiftdig -c fdbytes_by proc.name`.
final class FdbytesBy: Chisel {
    static let info = ChiselInfo(
        name: "fdbytes_by", category: "I/O", shortDescription: "I/O bytes, aggregated by an arbitrary filter field",
        description: "Groups FD activity based on the given filter field, and returns the key that generated the most input+output bytes. For example, this script can be used to list the processes or TCP ports that generated most traffic.",
        arguments: [ChiselArgument("key", description: "The filter field used for grouping")])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: .fields(try arguments.string("key")), value: .bytes,
            filter: "evt.is_io=true and evt.failed=false", limit: 30))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(FdbytesBy.self, version)
}
