// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// The bytes read and written by the events a filter keeps, printed every second of capture time as
/// `17:35:49 in:43676 out:10906 tot:54582`: `iobytes`, `iobytes_net` and `iobytes_file` run it with
/// their filters, as the `top*` chisels run `table_generator`.
final class IOTotals: Chisel {
    static let info = ChiselInfo(
        name: "io_totals", category: "I/O", shortDescription: "Sum of I/O bytes every second",
        arguments: [ChiselArgument("filter", description: "the I/O events to count")], hidden: true)

    private var context: ChiselContext!
    private var bytes: ChiselField<Int64>!
    private var isRead: ChiselField<Bool>!
    private var time: ChiselField<String>!
    private var read: Int64 = 0
    private var written: Int64 = 0

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        bytes = try context.field("evt.rawarg.res")
        isRead = try context.field("evt.is_io_read")
        time = try context.field("evt.time.s")
        try context.setFilter(try arguments.string("filter"))
        context.setInterval(seconds: 1)
    }

    func handle(_ event: ChiselEvent) throws {
        guard let n = event[bytes], n > 0 else { return }
        if event[isRead] == true { read += n } else { written += n }
    }

    func interval(_ time: ChiselTime) throws {
        // The time is that of the event that ended the second, as sysdig's evt.field(ftime) reads it;
        // sysdig fails the same way when no event has passed the command line's filter yet.
        guard let event = context.currentEvent else { throw ChiselError("invalid call to evt.field()") }
        let now = event[self.time] ?? ""
        // Lua's numbers: tostring writes them with %.14g.
        let (r, w, t) = (ChiselFormat.number(Double(read)), ChiselFormat.number(Double(written)), ChiselFormat.number(Double(read + written)))
        context.print("\(now) in:\(r) out:\(w) tot:\(t)")
        read = 0
        written = 0
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(IOTotals.self, version)
}
