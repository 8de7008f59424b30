// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// The payloads of the network I/O a filter keeps, with a coloured header line (`------ Read 1.20KB`)
/// before each buffer: `spy_ip` and `spy_port` run it with their filters, as the `top*` chisels run
/// `table_generator`.
final class SpyNet: Chisel {
    static let info = ChiselInfo(
        name: "spy_net", category: "Net", shortDescription: "Show network payloads",
        arguments: [
            ChiselArgument("filter", type: "filter", description: "the network I/O to show"),
            ChiselArgument("write_word", description: "what the header of written data says ('Write'; spy_ip says 'Read')"),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ],
        hidden: true)

    private var context: ChiselContext!
    private var data: ChiselField<String>!
    private var isRead: ChiselField<Bool>!
    private var result: ChiselField<Int64>!
    private var palette = ChiselTerminal.Palette()
    private var writeWord = "Write"
    /// Whether the last buffer shown was read (`nil` before the first).
    private var lastWasRead: Bool?
    /// The header printed before each buffer: sysdig makes a new one only when the direction
    /// changes, so the size it shows is that of the first buffer in that direction.
    private var header = ""

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        palette.enabled = arguments["disable_color"] != "disable_colors"
        writeWord = try arguments.string("write_word")
        data = try context.field("evt.arg.data")
        isRead = try context.field("evt.is_io_read")
        result = try context.field("evt.rawarg.res")
        context.setSnapLength(1000)  // live, to see more of each conversation
        try context.setFilter(try arguments.string("filter"))
    }

    func handle(_ event: ChiselEvent) throws {
        guard let bytes = event[result], bytes > 0, let text = event[data] else { return }
        let isRead = event[isRead] == true
        if isRead != lastWasRead {
            let size = ChiselFormat.bytes(Double(bytes))
            header = isRead ? "\(palette[.red])------ Read \(size)" : "\(palette[.blue])------ \(writeWord) \(size)"
            lastWasRead = isRead
        }
        context.print(header)
        context.print(text)
    }

    func captureEnded(_ time: ChiselTime) throws { context.print(palette.reset) }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(SpyNet.self, version)
}
