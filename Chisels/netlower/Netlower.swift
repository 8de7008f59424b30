// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `netlower`: network I/O slower than `min_ms` milliseconds, one line each (`netlower 0`: all of it).
final class Netlower: Chisel {
    static let info = ChiselInfo(
        name: "netlower", category: "Performance", shortDescription: "Trace slow network I/0",
        description: "Trace network I/O slower than a threshold, or all network I/O. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. (Blue represents a process running within a container, and Green represents a host process)",
        arguments: [
            ChiselArgument("min_ms", type: "int", description: "Minimum millisecond threshold for showing network I/O"),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("slow_calls", ["evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)", "net", try arguments.string("min_ms")] + [arguments["disable_color"]].compactMap { $0 })
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Netlower.self, version)
}
