// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topprocs_errors`: the processes whose system calls failed most often.
final class TopprocsErrors: Chisel {
    static let info = ChiselInfo(
        name: "topprocs_errors", category: "Errors", shortDescription: "top processes by number of errors",
        description: "Shows the top processes in terms of system call errors. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: .process(inContainers: context.environment.printsContainerData), value: .errors,
            filter: "evt.failed=true", limit: 100))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopprocsErrors.self, version)
}
