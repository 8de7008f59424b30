// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `iobytes`: bytes read and written on every kind of fd, each second.
final class Iobytes: Chisel {
    static let info = ChiselInfo(
        name: "iobytes", category: "I/O", shortDescription: "Sum of I/O bytes on any type of FD",
        description: "Counts the total bytes read from and written to any type of FD (disk, socket, pipe...) and prints the result every second.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("io_totals", ["evt.is_io=true"])
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Iobytes.self, version)
}
