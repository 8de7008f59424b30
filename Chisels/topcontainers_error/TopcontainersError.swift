// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `topcontainers_error`: the containers whose system calls failed most often.
final class TopcontainersError: Chisel {
    static let info = ChiselInfo(
        name: "topcontainers_error", category: "Errors", shortDescription: "Top containers by number of errors",
        description: "Shows the top container in terms of system call errors.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec(ChiselTableRequest(
            keys: [.containerName], value: .errors, filter: "evt.failed=true and container.name!=host", limit: 100))
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(TopcontainersError.self, version)
}
