// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topcontainers_file`: the ten containers that read and wrote the most bytes to files.
final class TopcontainersFile: Chisel {
    static let info = ChiselInfo(
        name: "topcontainers_file", category: "I/O", shortDescription: "Top containers by R+W disk bytes",
        description: "Shows the top containers in terms of total (in+out) bytes to disk.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: [.containerName], value: .bytes, filter: "fd.type=file and evt.is_io=true and container.name!=host",
            limit: 10))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopcontainersFile.self, version)
}
