// SPDX-License-Identifier: Apache-2.0
// Fuzz target `partials`: the partial-result file of issue 7, read as `swiftdig merge` reads it.
// The input is the file between its version and its checksum: the magic, the version and the
// checksum are put around it so that the fuzzer works on the contents (a checksum test that a
// mutation never passes would stop it at the door). A file that reads has its payload absorbed by
// a top table, as the table chisels merge, and is written back: it must read back the same.
// Compiled with Sources/ChiselHost/Partials/PartialResult.swift over the core (CRC32) and the chisel
// protocol library.
import SwiftdigChisel
import SwiftdigCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPartials(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    var file = PartialResult.magic + [UInt8(PartialResult.formatVersion)]
    file += UnsafeBufferPointer(start: data, count: count)
    let crc = CRC32.checksum(file[...])
    for shift in stride(from: 0, to: 32, by: 8) { file.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
    let partial: PartialResult
    do {
        partial = try PartialResult(bytes: file)
    } catch {
        if error.offset < 0 || error.offset > file.count { fatalError("error offset \(error.offset) outside the file") }
        return 0
    }
    // Written back, it reads the same (but for where the payload starts: the input may spell a
    // number with more varint bytes than the writer uses).
    guard var again = try? PartialResult(bytes: partial.bytes) else { fatalError("a partial result does not read back") }
    again.payloadOffset = partial.payloadOffset
    if again != partial { fatalError("a partial result reads back different") }
    var table = ChiselTopTable(valueTitle: "bytes", keyTitles: ["name"], units: .bytes, limit: 10)
    var reader = ChiselPartialReader(partial.payload, baseOffset: partial.payloadOffset)
    _ = try? table.absorbPartial(&reader)
    return 0
}
