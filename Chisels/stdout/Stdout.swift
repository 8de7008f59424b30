// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `stdout`: what processes wrote to their standard output (fd 1), as it was written.
final class Stdout: Chisel {
    static let info = ChiselInfo(
        name: "stdout", category: "I/O", shortDescription: "Print stdout of processes",
        description: "Print the standard output of any process on screen. Combine this script with a filter to limit the output to a specific process or pid.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("fd_data", ["1"])
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Stdout.self, version)
}
