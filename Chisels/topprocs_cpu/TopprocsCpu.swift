// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topprocs_cpu`: the ten processes that used the most CPU, as a share of the capture's
/// length, from the `procinfo` events that report each thread's CPU use every second.
final class TopprocsCpu: CPUTableChisel {
    static let info = ChiselInfo(
        name: "topprocs_cpu", category: "CPU Usage", shortDescription: "Top processes by CPU usage",
        description: "Show the top process defined by the highest CPU utilization. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    var table: CPUTable!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        var columns: [ChiselTableRequest.Key] = [.processName, .pid]
        if context.environment.printsContainerData {
            // The pid inside the container is proc.vpid here, thread.vtid in the table_generator chisels.
            columns = [.processName, .init("proc.pid", title: "Host_pid"), .init("proc.vpid", title: "Container_pid"), .containerName]
        }
        table = try CPUTable(context, keys: columns)
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopprocsCpu.self, version)
}
