// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topprocs_net`: the processes that moved the most bytes over IPv4 and IPv6 sockets. It is
/// `table_generator` with a request of its own.
final class TopprocsNet: Chisel {
    static let info = ChiselInfo(
        name: "topprocs_net", category: "Net", shortDescription: "Top processes by network I/O",
        description: "Sort the list of the processes that use the most network bandwidth. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: .process(inContainers: context.environment.printsContainerData), value: .bytes,
            filter: "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", limit: 100))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopprocsNet.self, version)
}
