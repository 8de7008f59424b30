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
    /// With `--partial-out` and in a merge: the seconds' totals, by the time of the event that ended
    /// each, in time order (printed at the end of a merge instead of as they pass).
    private var series: [(timestamp: UInt64, read: Int64, written: Int64)] = []

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
            series.append((time.timestamp, read, written))
            read = 0
            written = 0
            return
        }
        // The time is that of the event that ended the second, as sysdig's evt.field(ftime) reads it;
        // sysdig fails the same way when no event has passed the command line's filter yet.
        guard let event = context.currentEvent else { throw ChiselError("invalid call to evt.field()") }
        let now = event[self.time] ?? ""
        context.print(Self.line(now, read, written))
        read = 0
        written = 0
    }

    /// `17:35:49 in:43676 out:10906 tot:54582` (Lua's numbers: tostring writes them with %.14g).
    private static func line(_ time: String, _ read: Int64, _ written: Int64) -> String {
        let (r, w, t) = (ChiselFormat.number(Double(read)), ChiselFormat.number(Double(written)), ChiselFormat.number(Double(read &+ written)))
        return "\(time) in:\(r) out:\(w) tot:\(t)"
    }

    /// A merge prints the merged seconds; the bytes after a part's last second are not printed, as
    /// one run does not print them.
    func captureEnded(_ time: ChiselTime) throws {
        guard context.environment.printsMerged else { return }
        for second in series { context.print(Self.line(Self.clock(second.timestamp), second.read, second.written)) }
    }

    // Partial results: the seconds, by the time that ended each. Parts of one capture (cut by a
    // filter) see the same seconds, which add up; parts of several captures interleave by time.
    func writePartial(to writer: inout ChiselPartialWriter) throws {
        writer.write(unsigned: UInt64(series.count))
        for second in series {
            writer.write(unsigned: second.timestamp)
            writer.write(signed: second.read)
            writer.write(signed: second.written)
        }
    }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws {
        var merged: [UInt64: (read: Int64, written: Int64)] = [:]
        for second in series { merged[second.timestamp] = (second.read, second.written) }
        for _ in 0..<(try reader.readCount(minimumSize: 3)) {
            let timestamp = try reader.readUnsigned(), r = try reader.readSigned(), w = try reader.readSigned()
            let known = merged[timestamp] ?? (0, 0)
            merged[timestamp] = (known.read &+ r, known.written &+ w)
        }
        series = merged.sorted { $0.key < $1.key }.map { ($0.key, $0.value.read, $0.value.written) }
    }

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
