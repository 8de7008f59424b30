// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `spy_syslog`: every message written to `/dev/log`, as syslog shows it:
/// `daemon.info sshd[1234] Accepted publickey for root`. On a terminal, errors are red, warnings
/// yellow, messages from containers blue and the rest green.
final class SpySyslog: Chisel {
    static let info = ChiselInfo(
        name: "spy_syslog", category: "Logs",
        shortDescription: "Print every message written to syslog. Optionally, export the events around each syslog message to file.",
        description: "Print every message written to syslog by any process. You can combine this chisel with filters like 'proc.name=foo' (to restrict the output to a specific process), or 'syslog.message contains foo' (to show only messages including a specific string). You can also write the events generated around each log entry to file by using the dump_file_name and dump_range_ms arguments.",
        arguments: ChiselEventExport.arguments)

    private var context: ChiselContext!
    private var facility: ChiselField<String>!
    private var severity: ChiselField<String>!
    private var severityCode: ChiselField<UInt64>!
    private var message: ChiselField<String>!
    private var process: ChiselField<String>!
    private var palette = ChiselTerminal.Palette()
    private var isTerminal = false
    /// The events around each message, for `dump_file_name`.
    private var export: ChiselEventExport!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        palette.enabled = arguments["disable_color"] != "disable_color"
        isTerminal = context.environment.isTerminal
        export = ChiselEventExport(arguments)
        facility = try context.field("syslog.facility.str")
        severity = try context.field("syslog.severity.str")
        severityCode = try context.field("syslog.severity")
        message = try context.field("syslog.message")
        process = try context.field("proc.name")
        context.setSnapLength(1000)
        try context.setFilter("fd.name contains /dev/log and evt.is_io_write=true and evt.dir=< and evt.failed=false")
    }

    func captureStarted() throws { try export.captureStarted(context) }

    func handle(_ event: ChiselEvent) throws {
        let container = event.container
        let facility = event[facility] ?? "nil", severity = event[severity] ?? "nil"
        let tail = "\(event[process] ?? "nil")[\(event.tid)] \(event[message] ?? "nil")"
        var line: String
        if isTerminal {
            let code = event[severityCode] ?? 7
            let color = palette[code == 4 ? .yellow : code < 4 ? .red : container.name != "host" ? .blue : .green]
            line = color
            if context.environment.printsContainerData {
                line += "\(ChiselFormat.left(container.id, 20)) \(ChiselFormat.left(container.name, 20)) "
            }
            line += "\(facility).\(severity) \(tail)"
        } else if context.environment.printsContainerData {
            // The Lua's order: the facility in the first column, the container's id in the second.
            line = "\(ChiselFormat.left(facility, 20)) \(ChiselFormat.left(container.id, 20)) \(container.name).\(severity) \(tail)"
        } else {
            line = "\(facility).\(severity) \(tail)"
        }
        context.print(line)
        export.record(event)
    }

    func captureEnded(_ time: ChiselTime) throws {
        if isTerminal { context.print(palette.reset) }
        try export.captureEnded(context)
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(SpySyslog.self, version)
}
