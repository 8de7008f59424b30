// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topcontainers_cpu`: the ten containers (the host among them) that used the most CPU, as
/// a share of the capture's length, from the `procinfo` events that report each thread's CPU use.
final class TopcontainersCpu: CPUTableChisel {
    static let info = ChiselInfo(
        name: "topcontainers_cpu", category: "CPU Usage", shortDescription: "Top containers by CPU usage",
        description: "Show the top containers defined by the highest CPU utilization.")

    var table: CPUTable!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        table = try CPUTable(context, keys: [.containerName])
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopcontainersCpu.self, version)
}
