// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topprocs_file`: the ten processes that read and wrote the most bytes to files.
final class TopprocsFile: Chisel {
    static let info = ChiselInfo(
        name: "topprocs_file", category: "I/O", shortDescription: "Top processes by R+W disk bytes",
        description: "Shows the top processes in terms of total (in+out) bytes to disk. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: .process(inContainers: context.environment.printsContainerData), value: .bytes,
            filter: "fd.type=file and evt.is_io=true", limit: 10))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopprocsFile.self, version)
}
