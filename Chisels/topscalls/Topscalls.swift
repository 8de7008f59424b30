// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topscalls`: the 30 system calls made most often (context switches aside).
final class Topscalls: Chisel {
    static let info = ChiselInfo(
        name: "topscalls", category: "Performance", shortDescription: "Top system calls by number of calls",
        description: "Show the top 30 system calls in terms of number of calls. You can use filters to restrict this to a specific process, thread or file. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: context.environment.printsContainerData ? [.syscall, .containerName] : [.syscall],
            value: .init("evt.count", title: "# Calls", units: .none), filter: "evt.type!=switch", limit: 30))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Topscalls.self, version)
}
