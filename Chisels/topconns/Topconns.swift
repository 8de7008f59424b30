// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topconns`: the 30 network connections that moved the most bytes.
final class Topconns: Chisel {
    static let info = ChiselInfo(
        name: "topconns", category: "Net", shortDescription: "Top network connections by total bytes",
        description: "Shows the top network connections in terms of total (in+out) bandwidth. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        let connection: [ChiselTableRequest.Key] = [.init("fd.l4proto", title: "Proto"), .init("fd.name", title: "Conn")]
        context.exec(ChiselTableRequest(
            keys: context.environment.printsContainerData ? [.containerName] + connection : connection, value: .bytes,
            filter: "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", limit: 30))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Topconns.self, version)
}
