// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `spy_ip`: the payloads exchanged with one IP address, each after a coloured header
/// (`-A`, `-x`, `-X` choose how they print).
final class SpyIp: Chisel {
    static let info = ChiselInfo(
        name: "spy_ip", category: "Net", shortDescription: "Show the data exchanged with the given IP address",
        description: "Shows the network payloads exchanged with an IP end-point. You can combine this chisel with the -x, -X or -A sysdig command line switches to customize the screen output",
        arguments: [
            ChiselArgument("host_ip", type: "ipv4", description: "The remote host IP address"),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        let filter = "evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6) and fd.ip=" + (try arguments.string("host_ip"))
        // sysdig's spy_ip heads written data "Read" too (in blue).
        context.exec("spy_net", [filter, "Read"] + [arguments["disable_color"]].compactMap { $0 })
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(SpyIp.self, version)
}
