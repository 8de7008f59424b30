// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topfiles_errors`: the files whose system calls failed most often.
final class TopfilesErrors: Chisel {
    static let info = ChiselInfo(
        name: "topfiles_errors", category: "Errors", shortDescription: "Top files by number of errors",
        description: "Shows the top files in terms of I/O errors. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: context.environment.printsContainerData ? [.fileName, .containerName] : [.fileName], value: .errors,
            filter: "fd.type=file and evt.failed=true", limit: 100))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopfilesErrors.self, version)
}
