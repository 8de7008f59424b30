// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// Calls slower than a threshold, one coloured line each (green on the host, blue in containers):
/// `fileslower` and `netlower` run it with their filters and the I/O layout, `scallslower` with
/// every event and the system-call layout, as the `top*` chisels run `table_generator`.
final class SlowCalls: Chisel {
    static let info = ChiselInfo(
        name: "slow_calls", category: "Performance", shortDescription: "Trace slow calls",
        arguments: [
            ChiselArgument("filter", type: "filter", description: "the events to time ('' for all)"),
            ChiselArgument("layout", description: "'io' (fd names, files under /dev/ aside), 'net' (fd names) or 'syscalls'"),
            ChiselArgument("min_ms", type: "int", description: "Minimum millisecond threshold"),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ],
        hidden: true)

    private var context: ChiselContext!
    private var type: ChiselField<String>!
    private var time: ChiselField<String>!
    private var fdName: ChiselField<String>!
    private var process: ChiselField<String>!
    private var latency: ChiselField<UInt64>!
    private var palette = ChiselTerminal.Palette()
    private var printsContainer = false
    private var layout = "io"
    private var minimum = 0.0
    /// Set when the threshold is not a number: sysdig prints a line and exits.
    private var stopped = false

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        palette.enabled = arguments["disable_color"] != "disable_color"
        guard let minimum = Double(try arguments.string("min_ms")) else {
            // common.lua's parse_numeric_input: a message on standard output and a clean exit.
            context.print("Input min_ms must be a number.")
            context.endCapture()
            stopped = true
            return
        }
        self.minimum = minimum
        layout = try arguments.string("layout")
        type = try context.field("evt.type")
        time = try context.field("evt.datetime")
        fdName = try context.field("fd.name")
        process = try context.field("proc.name")
        latency = try context.field("evt.latency")
        printsContainer = context.environment.printsContainerData
        let filter = try arguments.string("filter")
        if !filter.isEmpty { try context.setFilter(filter) }
        printHeader()
    }

    func handle(_ event: ChiselEvent) throws {
        guard !stopped, let latency = event[latency] else { return }
        // The I/O chisels test the direction; scallslower relies on enter events taking no time.
        if layout != "syscalls" && event.isEnter { return }
        let milliseconds = Double(latency) / 1_000_000
        guard milliseconds > minimum else { return }
        let container = event.container
        let containers = printsContainer ? containerColumns(container.id, container.name) : ""
        let time = event[time] ?? "nil", process = event[process] ?? "nil", type = event[type] ?? "nil"
        let text: String
        if layout == "syscalls" {
            // Lua's tostring of the latency.
            text = syscallLine(time, containers, process, ChiselFormat.number(milliseconds), type)
        } else {
            let name = event[fdName] ?? "nil"
            if layout == "io" && name.hasPrefix("/dev/") { return }
            // Lua's %d of a fraction drops it.
            text = ioLine(time, containers, process, type, ChiselFormat.right("\(Int64(milliseconds))", 12), name)
        }
        context.print(palette[container.name == "host" ? .green : .blue] + text)
    }

    private func printHeader() {
        let dashes = String(repeating: "-", count: 20), wide = String(repeating: "-", count: 23)
        if layout == "syscalls" {
            // sysdig's title line has two spaces after the container id; the dashes one.
            let titles = printsContainer ? containerColumns("container.id", "container.name", gap: "  ") : ""
            context.print(syscallLine("evt.datetime", titles, "proc.name", "LATENCY(ms)", "evt.type"))
            context.print(syscallLine(wide, printsContainer ? containerColumns(dashes, dashes) : "", wide, dashes, dashes))
        } else {
            let titles = printsContainer ? containerColumns("container.id", "container.name") : ""
            context.print(ioLine("evt.datetime", titles, "proc.name", "evt.type", "LATENCY(ms)", "fd.name"))
            let line = printsContainer ? containerColumns(dashes, dashes) : ""
            context.print(ioLine(wide, line, "------------", "--------", "------------", String(repeating: "-", count: 41)))
        }
    }

    /// `fileslower`'s and `netlower`'s columns, the container's (with -pc) after the time.
    private func ioLine(_ time: String, _ containers: String, _ process: String, _ type: String, _ latency: String, _ name: String) -> String {
        ChiselFormat.left(time, 23, cut: true) + " " + containers + ChiselFormat.left(process, 12, cut: true) + " "
            + ChiselFormat.left(type, 8) + " " + ChiselFormat.left(latency, 12) + " " + name
    }

    /// `scallslower`'s columns.
    private func syscallLine(_ time: String, _ containers: String, _ process: String, _ latency: String, _ type: String) -> String {
        ChiselFormat.left(time, 23, cut: true) + " " + containers + ChiselFormat.left(process, 23, cut: true) + " "
            + ChiselFormat.left(latency, 20) + " " + type
    }

    /// The container's id and name columns.
    private func containerColumns(_ id: String, _ name: String, gap: String = " ") -> String {
        ChiselFormat.left(id, 20, cut: true) + gap + ChiselFormat.left(name, 20, cut: true) + " "
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(SlowCalls.self, version)
}
