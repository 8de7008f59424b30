// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `lsof`: every open fd of every thread as of the first event, by tid then fd number.
/// `swiftdig -c lsof "proc.name=sshd and fd.type=ipv4"` lists sshd's IPv4 sockets.
final class Lsof: ChiselStateSnapshot, Chisel {
    static let info = ChiselInfo(
        name: "lsof", category: "System State", shortDescription: "List (and optionally filter) the open file descriptors.",
        description: "This chisel prints the open file descriptors for every process in the system, with an output that is similar to the one of lsof. Output is at a point in time; adjust this in the filter.  It defaults to time of evt.num=0",
        arguments: [ChiselArgument(
            "filter", type: "filter",
            description: "A sysdig-like filter expression that allows restricting the FD list. E.g. 'proc.name=foo and fd.name contains /etc'.",
            optional: true)])

    override func report() throws {
        let threads = try context.threadTable(filter: filter)
        context.print(
            ChiselFormat.padded("COMMAND", to: 20) + ChiselFormat.padded("PID", to: 8) + ChiselFormat.padded("TID", to: 8)
                + ChiselFormat.padded("USER", to: 8) + ChiselFormat.padded("FD", to: 8)
                + ChiselFormat.padded("TYPE", to: 12) + "NAME")
        for thread in threads {
            let process = ChiselFormat.padded(thread.processName, to: 20) + ChiselFormat.padded("\(thread.pid)", to: 8)
                + ChiselFormat.padded("\(thread.tid)", to: 8) + ChiselFormat.padded(thread.userName, to: 8)
            for fd in thread.fds {
                context.print(
                    process + ChiselFormat.padded("\(fd.number)", to: 8) + ChiselFormat.padded(fd.typeName, to: 12) + fd.name)
            }
        }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Lsof.self, version)
}
