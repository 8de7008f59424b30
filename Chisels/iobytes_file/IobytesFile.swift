// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `iobytes_file`: bytes read and written on files, each second.
final class IobytesFile: Chisel {
    static let info = ChiselInfo(
        name: "iobytes_file", category: "I/O", shortDescription: "Sum of file I/O bytes",
        description: "Counts the total bytes read from and written to files.")

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        context.exec("io_totals", ["evt.is_io=true and fd.type=file"])
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(IobytesFile.self, version)
}
