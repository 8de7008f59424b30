// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `stdin`: what processes read from their standard input (fd 0), as it was read.
final class Stdin: Chisel {
    static let info = ChiselInfo(
        name: "stdin", category: "I/O", shortDescription: "Print stdin of processes",
        description: "Print the standard input of any process on screen. Combine this script with a filter to limit the output to a specific process or pid.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("fd_data", ["0"])
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Stdin.self, version)
}
