// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `around`: prints each event the command line's filter matches (`TIME PROCESS(TID)`),
/// then writes the events of the same threads within `dump_range_ms` of them to a file, through a
/// second run over the capture (`swiftdig -F -r CAPTURE -w FILE "(evt.around[T]=MS and
/// thread.tid=TID) or ..."`), as sysdig's `run_app` does.
///
/// ```sh
/// swiftdig -r trace.scap -c around "failed_opens.scap 500" "evt.type=open and evt.failed=true"
/// ```
final class Around: Chisel {
    static let info = ChiselInfo(
        name: "around", category: "Misc",
        shortDescription: "Export to file the events around the time range where the given filter matches.",
        description: "Given a filter on the command line, this chisel saves the events that are in a time range around filter matches, and that are on the SAME process/thread. The time range can be adjusted with the dump_range_ms argument. For example, 'sysdig -c around evt.type=open and evt.failed=true' will save two seconds of activity around every failed open.",
        arguments: [
            ChiselArgument(
                "dump_file_name",
                description: "The name of the file where the chisel will write the events related to each syslog entry."),
            ChiselArgument(
                "dump_range_ms", type: "int",
                description: "The time interval to capture *before* and *after* each event, in milliseconds. For example, 500 means that 1 second around each displayed event (.5s before and .5s after) will be saved to <dump_file_name>. The default value for dump_range_ms is 1000.",
                optional: true),
        ])

    private var context: ChiselContext!
    private var process: ChiselField<String>!
    private var tid: ChiselField<String>!
    private var time: ChiselField<String>!
    /// The matched events, written around at the end.
    private var export: ChiselEventExport!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        process = try context.field("proc.name")
        tid = try context.field("thread.tid")
        time = try context.field("evt.time")
        export = ChiselEventExport(arguments)
        if context.environment.filter.isEmpty {
            context.print("no filter specified")
            throw ChiselError("init() for chisel around failed.")
        }
    }

    func captureStarted() throws {
        if context.environment.isLive {
            context.print("live capture not supported")
            throw ChiselError("on_capture_start failed")
        }
    }

    func handle(_ event: ChiselEvent) throws {
        context.print("\(event[time] ?? "") \(event[process] ?? "<NA>")(\(event[tid] ?? ""))")
        export.record(event)
    }

    func captureEnded(_ time: ChiselTime) throws {
        if context.environment.isTerminal { context.print(ChiselTerminal.reset) }
        context.print("\nSaving events around \(export.entries.count) syslog entries to \(export.file ?? "")")
        export.writeAfterCapture(context)
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Around.self, version)
}
