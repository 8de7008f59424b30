// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

#if canImport(Glibc)
import Glibc
#endif

/// The bytes read and written by the events a filter keeps, printed every second of capture time as
/// `17:35:49 in:43676 out:10906 tot:54582`: `iobytes`, `iobytes_net` and `iobytes_file` run it with
/// their filters, as the `top*` chisels run `table_generator`.
final class IOTotals: MergeableChisel {
    static let info = ChiselInfo(
        name: "io_totals", category: "I/O", shortDescription: "Sum of I/O bytes every second",
        arguments: [ChiselArgument("filter", description: "the I/O events to count")], hidden: true)

    private var context: ChiselContext!
    private var bytes: ChiselField<Int64>!
    private var isRead: ChiselField<Bool>!
    private var time: ChiselField<String>!
    private var read: Int64 = 0
    private var written: Int64 = 0
    /// With `--partial-out` and in a merge: the totals (read, written) by the second whose line
    /// they print on: that of the event that ended their interval (printed at the end of a merge).
    private var series = ChiselSeries(width: 2)

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
        if context.environment.writesPartial {
            // No line, so no event needed for its time: the part that holds no event yet still
            // counts its seconds, as one run over the whole would.
            series.add(start: time.timestamp - time.timestamp % 1_000_000_000, [Double(read), Double(written)])
            read = 0
            written = 0
            return
        }
        // The time is that of the event that ended the second, as sysdig's evt.field(ftime) reads it;
        // sysdig fails the same way when no event has passed the command line's filter yet.
        guard let event = context.currentEvent else { throw ChiselError("invalid call to evt.field()") }
        let now = event[self.time] ?? ""
        context.print(Self.line(now, Double(read), Double(written)))
        read = 0
        written = 0
    }

    /// `17:35:49 in:43676 out:10906 tot:54582` (Lua's numbers: tostring writes them with %.14g).
    private static func line(_ time: String, _ read: Double, _ written: Double) -> String {
        let (r, w, t) = (ChiselFormat.number(read), ChiselFormat.number(written), ChiselFormat.number(read + written))
        return "\(time) in:\(r) out:\(w) tot:\(t)"
    }

    /// A merge prints the merged seconds; the bytes after a part's last second are not printed, as
    /// one run does not print them.
    func captureEnded(_ time: ChiselTime) throws {
        guard context.environment.printsMerged else { return }
        for (second, values) in series.intervals {
            context.print(Self.line(Self.clock(second), values[0], values[1]))
        }
    }

    // Partial results: the seconds. Parts of one capture (cut by a filter) see the same seconds,
    // and the parts of several captures of the same time (several hosts) add up second by second.
    func writePartial(to writer: inout ChiselPartialWriter) throws { series.writePartial(to: &writer) }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws { try series.absorbPartial(&reader) }

    /// `evt.time.s` of a timestamp: `HH:MM:SS` in local time, as sysdig prints it.
    private static func clock(_ timestamp: UInt64) -> String {
        var seconds = time_t(timestamp / 1_000_000_000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(IOTotals.self, version)
}
