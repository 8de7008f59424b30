// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `spy_port`: the payloads exchanged through one port, each after a coloured header
/// (`-A`, `-x`, `-X` choose how they print).
final class SpyPort: Chisel {
    static let info = ChiselInfo(
        name: "spy_port", category: "Net", shortDescription: "Show the data exchanged using the given IP port number",
        description: "Shows the network payloads exchanged using a given IP port number. You can combine this chisel with the -x, -X or -A sysdig command line switches to customize the screen output",
        arguments: [
            ChiselArgument("host_port", type: "int", description: "The remote host IP port number"),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        let filter = "evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6) and fd.port=" + (try arguments.string("host_port"))
        context.exec("spy_net", [filter, "Write"] + [arguments["disable_color"]].compactMap { $0 })
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(SpyPort.self, version)
}
