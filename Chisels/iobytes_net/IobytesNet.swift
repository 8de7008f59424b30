// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `iobytes_net`: bytes read and written on IPv4 and IPv6 sockets, each second.
final class IobytesNet: Chisel {
    static let info = ChiselInfo(
        name: "iobytes_net", category: "Net", shortDescription: "Show total network I/O bytes",
        description: "Counts the total bytes read from and written to the network, and prints the result every second")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("io_totals", ["evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)"])
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(IobytesNet.self, version)
}
