// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `stderr`: what processes wrote to their standard error (fd 2); with `-pc`, each buffer
/// after its container's id and name, green for the host and blue in containers.
final class Stderr: Chisel {
    static let info = ChiselInfo(
        name: "stderr", category: "I/O", shortDescription: "Print stderr of processes",
        description: "Print the standard error of any process on screen. Combine this script with a filter to limit the output to a specific process or pid. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. (Blue represents a process running within a container, and Green represents a host process)",
        arguments: [ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true)])

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        let color = arguments["disable_color"]
        // sysdig refuses any other value of the argument.
        guard color == nil || color == "disable_color" else { throw ChiselError("set_arg() for chisel stderr failed.") }
        let containers = !context.environment.printsContainerData ? "none" : color == nil ? "color" : "plain"
        context.exec("fd_data", ["2", containers])
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Stderr.self, version)
}
