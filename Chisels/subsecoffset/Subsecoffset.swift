// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `subsecoffset`: a heat map, one terminal line per refresh, of when system calls began
/// within each refresh period. It needs a terminal, as sysdig's does.
final class Subsecoffset: Chisel {
    static let info = ChiselInfo(
        name: "subsecoffset", category: "CPU Usage", shortDescription: "Visualize subsecond offset execution time.",
        description: "This visualizes the subsecond offset time of system call execution. This allows repetitive patterns to be identified, which are lost when averaging at a one second granularity. The Y axis (vertical) shows the passage of time. The X axis (horizontal) shows the passage of time within whole or fractions of a second. By default, the X axis range is 1000 milliseconds; this can be specified as an argument (try 100). Each bucket of the heat map, or spectrogram, is shown as a colored rectangle. The color shows how many syscalls fell into that time and subsecond offset range. It can be black (no calls), green (tens of calls/s), yellow (hundreds of calls/s) or red (Thousands of calls/s). Use this chisel in conjunction with filters to visualize latencies for certain processes, types of I/O activity, file systems, etc.",
        arguments: [ChiselArgument("refresh_time", type: "int", description: "chart refresh time in milliseconds", optional: true)])

    private var map: HeatMap!
    private var rawTime: ChiselField<UInt64>!
    private var labelLength = 0

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        map = try HeatMap(context, arguments, refreshTime: 1_000_000_000)
        guard !map.stopped else { return }
        labelLength = label(0.9).utf8.count
        try context.setFilter("evt.dir=>")
        rawTime = try context.field("evt.rawtime")
        context.print("Tracing syscalls... red (hot) == high frequency <-> green == low frequency.\n")
    }

    /// A scale mark: `|` and `tenths` of the refresh period in ms, as Lua prints the number.
    private func label(_ tenths: Double) -> String { "|\(ChiselFormat.number(tenths * map.refreshTime / 10_000_000))ms" }

    func captureStarted() throws { map.start() }

    func handle(_ event: ChiselEvent) throws {
        guard !map.stopped, let raw = event[rawTime] else { return }
        // The offset within the refresh period, as a terminal column (Lua's float `%`).
        let scaled = Double(raw) * 1000 / map.refreshTime
        let offset = scaled - (scaled / 1000).rounded(.down) * 1000
        map.add(Int((offset / 1000 * Double(map.width)).rounded(.down)))
    }

    func interval(_ time: ChiselTime) throws {
        guard !map.stopped else { return }
        // Column 0 is counted but never drawn, and an empty cell sets the background twice, as in sysdig.
        map.draw(emptyColors: HeatMap.background(0) + HeatMap.background(0), divisions: 10) { x, step in
            x <= map.width - labelLength ? label(step) : nil
        }
    }

    func captureEnded(_ time: ChiselTime) throws {
        if !map.stopped { map.finish() }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Subsecoffset.self, version)
}
