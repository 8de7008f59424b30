// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `httptop`: HTTP requests by method and URL, the most called (or those with the most
/// bytes, or the slowest on average) first, at the end of a capture or every second live.
final class Httptop: MergeableChisel {
    static let info = ChiselInfo(
        name: "httptop", category: "Application", shortDescription: "Top HTTP requests",
        description: "Show top HTTP requests by: ncalls, time or bytes",
        arguments: [
            ChiselArgument(
                "by", description: "Show top HTTP transactions by: ncalls, time or bytes, default is ncalls", optional: true)
        ])

    /// What the transactions of one method and URL add up to.
    private struct Totals {
        var calls = 0
        var bytes: Int64 = 0
        var time: UInt64 = 0
    }

    private var context: ChiselContext!
    private var http: ChiselHTTPTracker!
    private var by = "ncalls"
    private var totals: [[String]: Totals] = [:]
    private var order: [[String]] = []  // keys as first seen: ties print in this order

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        by = arguments["by"] ?? "ncalls"
        guard ["ncalls", "bytes", "time"].contains(by) else {
            context.print("Invalid argument! Valid options: ncalls, bytes, time")
            throw ChiselError("set_arg() for chisel httptop failed.")
        }
        http = try ChiselHTTPTracker(context)
    }

    func captureStarted() throws { ChiselTopTable.captureStarted(in: context) }

    func handle(_ event: ChiselEvent) throws {
        guard let t = http.transaction(ending: event) else { return }
        let key = (context.environment.printsContainerData ? [t.container] : []) + [t.method, t.url]
        if totals[key] == nil { order.append(key) }
        totals[key, default: Totals()].calls += 1
        totals[key]!.bytes += t.length
        totals[key]!.time += t.latency
    }

    func interval(_ time: ChiselTime) throws {
        var table = aggregated()
        table.interval(time, in: context)
        totals.removeAll()
        order.removeAll()
    }

    func captureEnded(_ time: ChiselTime) throws { aggregated().captureEnded(time, in: context) }

    // Partial results: the totals by key (calls, bytes and time, whatever `by` prints, so a mean
    // of times merges exactly), keys in the order first seen.
    func writePartial(to writer: inout ChiselPartialWriter) throws {
        writer.write(unsigned: UInt64(order.count))
        for key in order {
            let row = totals[key]!
            writer.write(unsigned: UInt64(key.count))
            for part in key { writer.write(string: part) }
            writer.write(unsigned: UInt64(row.calls))
            writer.write(signed: row.bytes)
            writer.write(unsigned: row.time)
        }
    }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws {
        for _ in 0..<(try reader.readCount(minimumSize: 4)) {
            var key: [String] = []
            for _ in 0..<(try reader.readCount()) { key.append(try reader.readString()) }
            let at = reader.offset
            let calls = try reader.readInt(), bytes = try reader.readSigned(), time = try reader.readUnsigned()
            guard calls > 0 else { throw ChiselPartialError(offset: at, what: "a row of no calls") }
            if totals[key] == nil { order.append(key) }
            totals[key, default: Totals()].calls &+= calls
            totals[key]!.bytes &+= bytes
            totals[key]!.time &+= time
        }
    }

    /// The table of the totals: calls, bytes, or the mean time of a call.
    private func aggregated() -> ChiselTopTable {
        let units: ChiselTopTable.Units = by == "bytes" ? .bytes : by == "time" ? .time : .none
        let keys = (context.environment.printsContainerData ? ["container"] : []) + ["method", "url"]
        var table = ChiselTopTable(valueTitle: by, keyTitles: keys, units: units, limit: 30)
        table.keyFields = keys  // for -j: sysdig's httptop names its columns by their titles
        table.valueField = by
        for key in order {
            let row = totals[key]!
            table.add(key, by == "bytes" ? Double(row.bytes) : by == "time" ? Double(row.time) / Double(row.calls) : Double(row.calls))
        }
        return table
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Httptop.self, version)
}
