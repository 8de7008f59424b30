// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `spy_logs`: every line written to a log file (`.log`, `_log`, `/var/log`, compressed
/// files aside), after the process and the file: `nginx /var/log/nginx/error.log connect() failed`.
/// On a terminal, lines are green, yellow when they say `warn`, red when they say `err`.
final class SpyLogs: Chisel {
    static let info = ChiselInfo(
        name: "spy_logs", category: "Logs",
        shortDescription: "Echo any write made by any process to a log file. Optionally, export the events around each log message to file.",
        description: "This chisel intercepts all the writes to files containing '.log' or '_log' in their name, and pretty prints them. You can combine this chisel with filters like 'proc.name=foo' (to restrict the output to a specific process), or 'evt.buffer contains foo' (to show only messages including a specific string). You can also write the events generated around each log entry to file by using the dump_file_name and dump_range_ms arguments. If running from a terminal the line will be colored Green = OK; Yellow = Warn; and Red = Error. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. ( A Blue colored container.name represents a process running within a container)",
        arguments: ChiselEventExport.arguments)

    private var context: ChiselContext!
    private var buffer: ChiselField<String>!
    private var process: ChiselField<String>!
    private var fdName: ChiselField<String>!
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
        buffer = try context.field("evt.buffer")
        process = try context.field("proc.name")
        fdName = try context.field("fd.name")
        context.setSnapLength(2000)  // live, to see more of each message
        context.setBufferFormat(.ascii)
        let files = "(fd.name contains .log or fd.name contains _log or fd.name contains /var/log) and not (fd.name contains .gz or fd.name contains .tgz)"
        try context.setFilter("(\(files)) and evt.is_io_write=true and evt.dir=< and evt.failed=false")
    }

    func captureStarted() throws { try export.captureStarted(context) }

    func handle(_ event: ChiselEvent) throws {
        let info = "\(event[process] ?? "") \(event[fdName] ?? "") "
        let container = event.container.name
        let printsContainer = context.environment.printsContainerData
        for line in (event[buffer] ?? "").utf8.split(separator: UInt8(ascii: "\n")) {
            let message = String(decoding: line, as: UTF8.self)
            guard isTerminal else {
                context.print(printsContainer ? "\(container) \(info)\(message)" : info + message)
                continue
            }
            // As the Lua: "warn" in any case, "err" in lower case only.
            let color = palette[message.lowercased().contains("warn") ? .yellow : message.contains("err") ? .red : .green]
            if printsContainer {
                let name = "\(container == "host" ? color : palette[.blue]) \(container)"
                context.print("\(color) \(name) \(color) \(info)\(message)")
            } else {
                context.print("\(color) \(info)\(message)")
            }
        }
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
    ChiselExport.entry(SpyLogs.self, version)
}
