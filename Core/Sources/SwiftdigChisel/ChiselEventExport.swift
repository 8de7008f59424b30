// SPDX-License-Identifier: Apache-2.0

/// The events around chosen ones, for a file: the `dump_file_name` and `dump_range_ms` arguments of
/// sysdig's log chisels (`spy_logs`, `spy_syslog`), which note each entry's time and thread and, at
/// the end, print `Writing events for N log entries` and write them. Since protocol 1.3.
///
/// Writing the file (sysdig's `run_app` of itself) is not there yet: ``captureEnded(_:)`` prints
/// sysdig's line, then throws.
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

    /// For ``Chisel/captureEnded(_:)``: prints how many entries there are, then throws (see above).
    public func captureEnded(_ context: ChiselContext) throws {
        guard file != nil else { return }
        context.print("Writing events for \(entries.count) log entries")
        throw ChiselError("dump_file_name: writing the events around log entries to a file is not supported yet")
    }
}
