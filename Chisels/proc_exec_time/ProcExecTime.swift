// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `proc_exec_time`: each process that exits, with how long it ran, coloured by that time:
/// red from 10 s, yellow from 3 s, otherwise blue in containers and green on the host.
final class ProcExecTime: Chisel {
    static let info = ChiselInfo(
        name: "proc_exec_time", category: "Performance", shortDescription: "Show process execution time",
        description: "List the processes that have finished running, along with their execution time, and color every line based on the total process run time (Green|Blue below thresholds, Yellow at 3 sec, and Red at 10 sec). This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. (Blue represents a process running within a container, and Green represents a host process)",
        arguments: [ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true)])

    private static let yellowAfter: UInt64 = 3_000_000_000
    private static let redAfter: UInt64 = 10_000_000_000

    private var context: ChiselContext!
    private var process: ChiselField<String>!
    private var processArguments: ChiselField<String>!
    private var duration: ChiselField<UInt64>!
    private var palette = ChiselTerminal.Palette()
    private var printsContainer = false

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        // Unlike its siblings, this chisel's Lua turns colours off on "disable_colors".
        palette.enabled = arguments["disable_color"] != "disable_colors"
        process = try context.field("proc.name")
        processArguments = try context.field("proc.args")
        duration = try context.field("proc.duration")
        printsContainer = context.environment.printsContainerData
        try context.setFilter("evt.type=procexit")
        context.print(line("proc.duration", "container.id", "container.name", "proc.name", "proc.args"))
        context.print(line("-------------", String(repeating: "-", count: 20), String(repeating: "-", count: 20), "------------", String(repeating: "-", count: 20)))
    }

    func handle(_ event: ChiselEvent) throws {
        guard let duration = event[duration] else { return }
        let container = event.container
        let color: ChiselTerminal.Color =
            duration > Self.redAfter ? .red : duration > Self.yellowAfter ? .yellow : container.name != "host" ? .blue : .green
        let text = line(
            ChiselFormat.timeInterval(duration), container.id, container.name, event[process] ?? "nil",
            event[processArguments] ?? "nil")
        context.print(palette[color] + text)
    }

    func captureEnded(_ time: ChiselTime) throws { context.print(palette.reset) }

    /// One line in sysdig's columns; the container's only with -pc.
    private func line(_ duration: String, _ id: String, _ container: String, _ process: String, _ arguments: String) -> String {
        let containers = printsContainer ? ChiselFormat.left(id, 20, cut: true) + " " + ChiselFormat.left(container, 20, cut: true) + " " : ""
        return ChiselFormat.left(duration, 13, cut: true) + " " + containers + ChiselFormat.left(process, 12, cut: true) + " " + arguments
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(ProcExecTime.self, version)
}
