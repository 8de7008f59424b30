// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `ps`: the machine's threads as of the first event, one line each by ascending tid, with
/// their user, memory and fd limit. `swiftdig -c ps "fd.name contains /etc"` lists only the threads
/// with a file open under `/etc`.
final class Ps: ChiselStateSnapshot, Chisel {
    static let info = ChiselInfo(
        name: "ps", category: "System State", shortDescription: "List (and optionally filter) the machine processes.",
        description: "List the running processes, with an output that is similar to the one of ps. Output is at a point in time; adjust this in the filter. It defaults to time of evt.num=0",
        arguments: [ChiselArgument(
            "filter", type: "filter",
            description: "A sysdig-like filter expression that allows restricting the FD list. For example 'fd.name contains /etc' shows all the processes that have files open under /etc.",
            optional: true)])

    override func report() throws {
        let threads = try context.threadTable(filter: filter)
        context.print(
            ChiselFormat.padded("TID", to: 8) + ChiselFormat.padded("PID", to: 8) + ChiselFormat.padded("USER", to: 12)
                + ChiselFormat.padded("VIRT", to: 11) + ChiselFormat.padded("RES", to: 11)
                + ChiselFormat.padded("FDLIMIT", to: 10) + ChiselFormat.padded("CMD", to: 20))
        for thread in threads {
            // The Lua table holds the limit as an unsigned 32-bit number: an unknown one (-1) prints as 4294967295.
            let fdLimit = UInt32(truncatingIfNeeded: thread.fdLimit)
            context.print(
                ChiselFormat.padded("\(thread.tid)", to: 8) + ChiselFormat.padded("\(thread.pid)", to: 8)
                    + ChiselFormat.padded(thread.userName, to: 12)
                    + ChiselFormat.padded(ChiselFormat.bytes(Double(thread.virtualMemoryKB) * 1024), to: 11)
                    + ChiselFormat.padded(ChiselFormat.bytes(Double(thread.residentMemoryKB) * 1024), to: 11)
                    + ChiselFormat.padded("\(fdLimit)", to: 10) + thread.processName)
        }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Ps.self, version)
}
