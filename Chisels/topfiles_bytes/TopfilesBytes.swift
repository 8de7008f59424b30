// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topfiles_bytes`: the ten files most bytes were read from or written to.
final class TopfilesBytes: Chisel {
    static let info = ChiselInfo(
        name: "topfiles_bytes", category: "I/O", shortDescription: "Top files by R+W bytes",
        description: "Shows the top files in terms of disk usage. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        // With -pc the container comes first here, last in topfiles_errors and topfiles_time (as in sysdig).
        context.exec(ChiselTableRequest(
            keys: context.environment.printsContainerData ? [.containerName, .fileName] : [.fileName], value: .bytes,
            filter: "fd.type=file and evt.is_io=true", limit: 10))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopfilesBytes.self, version)
}
