// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topprocs_cpu`: the ten processes that used the most CPU, as a share of the capture's
/// length, from the `procinfo` events that report each thread's CPU use every second.
final class TopprocsCpu: Chisel {
    static let info = ChiselInfo(
        name: "topprocs_cpu", category: "CPU Usage", shortDescription: "Top processes by CPU usage",
        description: "Show the top process defined by the highest CPU utilization. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    private var context: ChiselContext!
    private var keys: [ChiselField<String>] = []
    private var cpu: ChiselField<Double>!
    private var table = ChiselTopTable(valueTitle: "CPU%", keyTitles: ["Process", "PID"], units: .timePercent, limit: 10)
    private var keyValues: [String] = []

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        var columns: [ChiselTableRequest.Key] = [.processName, .pid]
        if context.environment.printsContainerData {
            // The pid inside the container is proc.vpid here, thread.vtid in the table_generator chisels.
            columns = [.processName, .init("proc.pid", title: "Host_pid"), .init("proc.vpid", title: "Container_pid"), .containerName]
            table.keyTitles = columns.map(\.title)
        }
        keys = try columns.map { try context.field($0.field) }
        cpu = try context.field("thread.cpu")
        try context.setFilter("evt.type=procinfo")
    }

    func captureStarted() throws { ChiselTopTable.captureStarted(in: context) }

    func handle(_ event: ChiselEvent) throws {
        // Idle processes count too: they print as 0.00%. The percentage of a second, in nanoseconds,
        // over the interval's nanoseconds.
        guard event.read(keys, into: &keyValues) else { return }
        table.add(keyValues, (event[cpu] ?? 0) * 10_000_000)
    }

    func interval(_ time: ChiselTime) throws { table.interval(time, in: context) }

    func captureEnded(_ time: ChiselTime) throws { table.captureEnded(time, in: context) }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopprocsCpu.self, version)
}
