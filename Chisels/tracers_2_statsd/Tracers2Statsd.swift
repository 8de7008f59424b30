// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `tracers_2_statsd`: the duration of every span, as a statsd timer named after the
/// span's tags (`mysql.query:32.098742|ms`).
///
/// As sysdig's, it always sends to 127.0.0.1:8125: the `server_addr` and `server_port` arguments are
/// accepted and not used.
final class Tracers2Statsd: Chisel {
    static let info = ChiselInfo(
        name: "tracers_2_statsd", category: "Tracers", shortDescription: "Export spans duration as statds metrics.",
        description: "Converts sysdig span duration data into statsd metrics and pipes them to the given statsd server. See https://github.com/draios/sysdig/wiki/Tracers for more information.",
        arguments: [
            ChiselArgument("server_addr", description: "The address of the statsd server to send data to", optional: true),
            ChiselArgument("server_port", description: "The UDP port to use", optional: true),
        ])

    private var statsd: ChiselStatsd!
    private var tags: ChiselField<String>!
    private var duration: ChiselField<UInt64>!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        statsd = try ChiselStatsd()
        tags = try context.field("span.tags")
        duration = try context.field("span.duration")
        // Exit tracers: the ones a span's duration is known at.
        try context.setFilter("evt.type=tracer and evt.dir=<")
    }

    func handle(_ event: ChiselEvent) throws {
        guard let ns = event[duration] else { return }
        try statsd.timer(event[tags] ?? "", milliseconds: Double(ns) / 1_000_000)
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Tracers2Statsd.self, version)
}
