// SPDX-License-Identifier: Apache-2.0

/// The events around chosen ones, for a file: the `dump_file_name` and `dump_range_ms` arguments of
/// sysdig's log chisels (`spy_logs`, `spy_syslog`) and of `around`, which note each entry's time and
/// thread and, at the end, print `Writing events for N log entries` and write them. Since protocol 1.3.
///
/// As in sysdig, the file is written by a second run over the same capture once this one ends
/// (``ChiselContext/runAfterCapture(_:)``, sysdig's `run_app`): `-F -r CAPTURE -w FILE` with the
/// filter `(evt.around[T]=MS and thread.tid=TID) or ...`, one term per entry (since 1.4).
public struct ChiselEventExport: Sendable {
    /// The arguments of sysdig's log chisels: the file, the range and `disable_color`, in that order.
    public static let arguments = [
        ChiselArgument(
            "dump_file_name",
            description: "The name of the file where the chisel will write the events related to each syslog entry.",
            optional: true),
        ChiselArgument(
            "dump_range_ms", type: "int",
            description: "The time interval to capture *before* and *after* each event, in milliseconds. For example, 500 means that 1 second around each displayed event (.5s before and .5s after) will be saved to <dump_file_name>. The default value for dump_range_ms is 1000.",
            optional: true),
        ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
    ]

    /// The file to write, `nil` when none was asked for.
    public var file: String?
    /// Milliseconds before and after each entry.
    public var rangeMilliseconds: String
    /// The time and thread of each entry, in order.
    public private(set) var entries: [(timestamp: UInt64, tid: Int64)] = []

    /// From the `dump_file_name` and `dump_range_ms` arguments.
    public init(_ arguments: ChiselArguments) {
        file = arguments["dump_file_name"]
        rangeMilliseconds = arguments["dump_range_ms"] ?? "1000"
    }

    /// For ``Chisel/captureStarted()``: refuses live captures when a file was asked for.
    public func captureStarted(_ context: ChiselContext) throws {
        guard file != nil, context.environment.isLive else { return }
        context.print("events export not supported on live captures")
        throw ChiselError("on_capture_start failed")
    }

    /// Notes `event` as an entry, when a file was asked for.
    public mutating func record(_ event: ChiselEvent) {
        if file != nil { entries.append((event.timestamp, event.tid)) }
    }

    /// For ``Chisel/captureEnded(_:)``: prints how many entries there are and has them written.
    public func captureEnded(_ context: ChiselContext) throws {
        guard file != nil else { return }
        context.print("Writing events for \(entries.count) log entries")
        writeAfterCapture(context)
    }

    /// Has the events around the entries written to ``file`` once the run ends (nothing when no file
    /// was asked for). Since 1.4.
    public func writeAfterCapture(_ context: ChiselContext) {
        guard let file else { return }
        context.runAfterCapture(["-F", "-r", context.environment.captureSource, "-w", file] + filterWords)
    }

    /// The second run's filter, as the words sysdig's command line splits it into.
    var filterWords: [String] {
        let terms = entries.map { "(evt.around[\($0.timestamp)]=\(rangeMilliseconds) and thread.tid=\($0.tid))" }
        return terms.isEmpty ? [] : [terms.joined(separator: " or ")]
    }
}
