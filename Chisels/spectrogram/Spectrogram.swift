// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SwiftdigChisel

/// sysdig's `spectrogram`: a heat map, one terminal line per refresh, of system call latencies on a
/// log scale from 1ns to 100s. It needs a terminal, as sysdig's does.
final class Spectrogram: Chisel {
    static let info = ChiselInfo(
        name: "spectrogram", category: "CPU Usage", shortDescription: "Visualize OS latency in real time.",
        description: "This console visualization shows the frequency of system call latencies. The Y axis unit is time. By default, a new line is created twice a second, but that can be changed by specifying a different refresh time argument. The X axis shows a range of latencies. Each latency value has a color that can be black (no calls), green (tens of calls/s), yellow (hundreds of calls/s) or red (Thousands of calls/s). In other words, red areas mean that there are many system calls taking the specified time to return. Use this chisel in conjunction with filters to visualize latencies for certain processes, types of I/O activity, file systems, etc.",
        arguments: [ChiselArgument("refresh_time", type: "int", description: "Chart refresh time in milliseconds", optional: true)])

    private var map: HeatMap!
    private var latency: ChiselField<UInt64>!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        map = try HeatMap(context, arguments, refreshTime: 500_000_000)
        guard !map.stopped else { return }
        try context.setFilter("evt.dir=<")
        latency = try context.field("evt.latency")
    }

    func captureStarted() throws { map.start() }

    func handle(_ event: ChiselEvent) throws {
        guard !map.stopped, let ns = event[latency], ns != 0 else { return }
        // The column of log10(latency), 11 (100s) and above in the last.
        let level = min(log10(Double(ns)), 11)
        map.add(Int((level * Double(map.width) / 11).rounded(.down)) + 1)
    }

    func interval(_ time: ChiselTime) throws {
        guard !map.stopped else { return }
        // A mark at each power of ten, even past the line's end, as in sysdig.
        map.draw(emptyColors: HeatMap.foreground(0) + HeatMap.background(0), divisions: 11) { _, step in
            "|" + ChiselFormat.timeInterval(UInt64(pow(10, step)))
        }
    }

    func captureEnded(_ time: ChiselTime) throws {
        guard !map.stopped else { return }
        try interval(time)  // the last period too
        map.finish()
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Spectrogram.self, version)
}
