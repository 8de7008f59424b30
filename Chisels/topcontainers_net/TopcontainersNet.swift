// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topcontainers_net`: the containers that moved the most bytes over IPv4 and IPv6 sockets.
final class TopcontainersNet: Chisel {
    static let info = ChiselInfo(
        name: "topcontainers_net", category: "Net", shortDescription: "Top containers by network I/O",
        description: "Sorted list of containers that use the most network bandwidth.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: [.containerName], value: .bytes,
            filter: "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true and container.name!=host", limit: 100))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopcontainersNet.self, version)
}
