// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `echo_fds`: every successful read and write, a coloured header line (`------ Read 832B
/// from /etc/passwd (cat)`) and then the data as the buffer format shows it (`-A`, `-X`…).
final class EchoFds: Chisel {
    static let info = ChiselInfo(
        name: "echo_fds", category: "I/O", shortDescription: "Print the data read and written by processes.",
        description: "Print the data read and written for any FD. Combine this script with a filter to restrict what it shows. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. (Blue represents  [Write], and Red represents [Read] for all data except when the -pc or -pcontainer argument is used. If used the container.name and container.id will be represented as: Green [host], and Cyan [container]) Container information will contain '[]' around container.name and container.id.",
        arguments: [ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true)])

    private var context: ChiselContext!
    /// The data as text in the run's buffer format: what sysdig's `%evt.arg.data` formatter prints.
    private var data: ChiselField<String>!
    private var isRead: ChiselField<Bool>!
    private var result: ChiselField<Int64>!
    private var fdName: ChiselField<String>!
    private var process: ChiselField<String>!
    private var palette = ChiselTerminal.Palette()
    private var printsContainer = false

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        // sysdig colours whether or not standard output is a terminal; only this argument turns it off.
        palette.enabled = arguments["disable_color"] != "disable_color"
        data = try context.field("evt.arg.data")
        isRead = try context.field("evt.is_io_read")
        result = try context.field("evt.rawarg.res")
        fdName = try context.field("fd.name")
        process = try context.field("proc.name")
        printsContainer = context.environment.printsContainerData
        context.setSnapLength(2000)  // live, to see more of each conversation
        try context.setFilter("evt.is_io=true and evt.dir=< and evt.rawres>0")
    }

    func handle(_ event: ChiselEvent) throws {
        guard let bytes = event[result], bytes > 0 else { return }
        let name = event[fdName] ?? "<NA>", process = event[process] ?? "nil"
        var container = ""
        if printsContainer {
            let runsIn = event.container
            container = "\(palette[runsIn.name == "host" ? .green : .cyan]) [\(runsIn.name)] [\(runsIn.id)]"
        }
        // The name takes the line's colour again after a coloured container.
        let size = ChiselFormat.bytes(Double(bytes))
        if event[isRead] == true {
            let red = palette[.red]
            context.print("\(red)------ Read \(size) from \(container) \(red) \(name) (\(process))")
        } else {
            let blue = palette[.blue]
            context.print("\(blue)------ Write \(size) to \(container) \(blue) \(name) (\(process))")
        }
        // sysdig's event formatter prints nothing for an event without the field (sendfile).
        if let text = event[data] { context.print(text) }
    }

    func captureEnded(_ time: ChiselTime) throws { context.print(palette.reset) }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(EchoFds.self, version)
}
