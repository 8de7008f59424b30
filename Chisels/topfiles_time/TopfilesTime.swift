// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topfiles_time`: the ten files whose I/O system calls took the most time.
final class TopfilesTime: Chisel {
    static let info = ChiselInfo(
        name: "topfiles_time", category: "I/O", shortDescription: "Top files by time",
        // sysdig's text, which says disk usage though the table is of time.
        description: "Shows the top files in terms of disk usage. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: context.environment.printsContainerData ? [.fileName, .containerName] : [.fileName], value: .time,
            filter: "fd.type=file and evt.is_io=true", limit: 10))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopfilesTime.self, version)
}
