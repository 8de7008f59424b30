// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topports_server`: the server ports (`fd.sport`) of the connections that moved the most bytes.
final class TopportsServer: Chisel {
    static let info = ChiselInfo(
        name: "topports_server", category: "Net", shortDescription: "Top TCP/UDP server ports by R+W bytes",
        description: "Shows the top TCP/UDP server ports in terms of total (in+out) bandwidth. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        let port = ChiselTableRequest.Key("fd.sport", title: "Srv Port")
        context.exec(ChiselTableRequest(
            keys: context.environment.printsContainerData ? [port, .containerName] : [port], value: .bytes,
            filter: "(fd.type=ipv4 or fd.type=ipv6) and evt.is_io=true", limit: 100))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopportsServer.self, version)
}
