// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `scallslower`: system calls slower than `min_ms` milliseconds, one line each (`scallslower 0`: all of it).
final class Scallslower: Chisel {
    static let info = ChiselInfo(
        name: "scallslower", category: "Performance", shortDescription: "Trace slow syscalls",
        description: "Trace syscalls slower than a threshold milliseconds. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. (Blue represents a process running within a container, and Green represents a host process)",
        arguments: [
            ChiselArgument("min_ms", type: "int", description: "Minimum milliseconds before which a syscall should complete"),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("slow_calls", ["", "syscalls", try arguments.string("min_ms")] + [arguments["disable_color"]].compactMap { $0 })
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Scallslower.self, version)
}
