// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `netstat`: the IPv4 and IPv6 sockets open as of the first event, one line each.
/// `swiftdig -c netstat "fd.port=22"` lists the ssh connections and listeners.
final class Netstat: ChiselStateSnapshot, Chisel {
    static let info = ChiselInfo(
        name: "netstat", category: "System State", shortDescription: "List (and optionally filter) network connections.",
        description: "Print the system network connections, with an output that is similar to the one of netstat. Output is at a point in time; adjust this in the filter. It defaults to time of evt.num=0",
        arguments: [ChiselArgument(
            "filter", type: "filter",
            description: "A sysdig-like filter expression that allows restricting the FD list. E.g. 'proc.name=foo and fd.port=80'.",
            optional: true)])

    override func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        try super.initialize(context, arguments)
        // Joined without a space before "and", as sysdig does: the filter language takes it.
        filter = "(fd.type=ipv4 or fd.type=ipv6)" + (arguments["filter"].map { "and (\($0))" } ?? "")
    }

    override func report() throws {
        let threads = try context.threadTable(filter: filter)
        context.print(
            ChiselFormat.padded("Proto", to: 6) + ChiselFormat.padded("Server Address", to: 25)
                + ChiselFormat.padded("Client Address", to: 25) + ChiselFormat.padded("State", to: 15) + "TID/PID/Program Name")
        for thread in threads {
            for fd in thread.fds {
                guard let socket = fd.socket else { continue }
                // A socket without a client end is a listening one.
                let client = socket.clientAddress.map { "\($0):\(socket.clientPort ?? 0)" } ?? "0.0.0.0:*"
                context.print(
                    ChiselFormat.padded(socket.l4Protocol, to: 6)
                        + ChiselFormat.padded("\(socket.serverAddress):\(socket.serverPort)", to: 25)
                        + ChiselFormat.padded(client, to: 25)
                        + ChiselFormat.padded(socket.clientAddress == nil ? "LISTEN" : "ESTABLISHED", to: 15)
                        + "\(thread.tid)/\(thread.pid)/\(thread.processName)")
            }
        }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Netstat.self, version)
}
