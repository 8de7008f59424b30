// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `fileslower`: file I/O (files under /dev/ aside) slower than `min_ms` milliseconds, one line each (`fileslower 0`: all of it).
final class Fileslower: Chisel {
    static let info = ChiselInfo(
        name: "fileslower", category: "Performance", shortDescription: "Trace slow file I/O",
        description: "Trace file I/O slower than a threshold, or all file I/O. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. (Blue represents a process running within a container, and Green represents a host process)",
        arguments: [
            ChiselArgument("min_ms", type: "int", description: "Minimum millisecond threshold for showing file I/O"),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("slow_calls", ["evt.is_io=true and fd.type=file", "io", try arguments.string("min_ms")] + [arguments["disable_color"]].compactMap { $0 })
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Fileslower.self, version)
}
