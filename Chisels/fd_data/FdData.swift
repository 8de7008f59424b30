// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// The data read from or written to one fd number, byte for byte, a line end after each buffer:
/// `stdout`, `stdin` and `stderr` run it with their fd, as the `top*` chisels run `table_generator`.
final class FdData: Chisel {
    static let info = ChiselInfo(
        name: "fd_data", category: "I/O", shortDescription: "Print the data of one fd number",
        arguments: [
            ChiselArgument("fd", type: "int", description: "the fd number (0 standard input, 1 output, 2 error)"),
            ChiselArgument(
                "containers", description: "'color' or 'plain' to start each line with the container's id and name, as stderr does with -pc",
                defaultValue: "none"),
        ],
        hidden: true)

    private var context: ChiselContext!
    private var data: ChiselField<[UInt8]>!
    private var showsContainers = false
    private var palette = ChiselTerminal.Palette()

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        let containers = try arguments.string("containers")
        showsContainers = containers != "none"
        palette.enabled = containers == "color"
        data = try context.field("evt.rawarg.data")
        context.setSnapLength(2000)  // live, to see more of each conversation
        // Both directions: the enter events have no data and print nothing.
        try context.setFilter("fd.num=\(try arguments.int("fd")) and evt.is_io=true")
    }

    func handle(_ event: ChiselEvent) throws {
        let output = context.output
        // The prefix is built only for events with data, and only with -pc.
        let printed = event.withBytes(data) { bytes in
            if showsContainers {
                let container = event.container
                let color = palette[container.name == "host" ? .green : .blue]
                output.write(color + ChiselFormat.left(container.id, 20, cut: true) + " "
                    + ChiselFormat.left(container.name, 20, cut: true) + " ")
            }
            output.write(bytes: bytes)
        }
        if printed { output.write("\n") }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(FdData.self, version)
}
