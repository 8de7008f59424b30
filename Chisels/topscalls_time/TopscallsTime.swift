// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topscalls_time`: the 30 system calls that took the most time, all events counted.
final class TopscallsTime: Chisel {
    static let info = ChiselInfo(
        name: "topscalls_time", category: "Performance", shortDescription: "Top system calls by time",
        description: "Show the top 30 system calls in terms of time spent in each call. You can use filters to restrict this to a specific process, thread or file. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: context.environment.printsContainerData ? [.syscall, .containerName] : [.syscall], value: .time,
            filter: "", limit: 30))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopscallsTime.self, version)
}
