// SPDX-License-Identifier: Apache-2.0
// Fuzz target `capture`: the input is a whole capture file (plain, or gzip when it starts with
// gzip's magic), read as `swiftdig -r` reads it. One plain input in four (by its last byte) is
// also gzipped and read again: both reads must end the same way; and the gzip copy cut short must
// end in an error.
import CZlib
import Glibc
@testable import SwiftdigCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCapture(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: count)
    FuzzSupport.writeScratch(input)
    let plain = FuzzSupport.dump(FuzzSupport.scratchPath, options: FuzzSupport.quietOptions())
    guard count >= 2, input[0] != 0x1F || input[1] != 0x8B, input[count - 1] & 3 == 0 else { return 0 }
    // The same bytes through zlib: the same outcome (kind and offset of the error, if any).
    let path = FuzzSupport.scratchPath + ".gz"
    guard let file = gzopen(path, "wb1") else { fatalError("cannot create \(path)") }
    if count > 0 { gzwrite(file, input.baseAddress, UInt32(count)) }
    gzclose(file)
    let zipped = FuzzSupport.dump(path, options: FuzzSupport.quietOptions())
    if plain?.kind != zipped?.kind || plain?.offset != zipped?.offset || plain?.message != zipped?.message {
        fatalError("plain and gzip reads differ: \(plain?.description ?? "ok") / \(zipped?.description ?? "ok")")
    }
    // Cut the stream short (inside its deflate data or its trailer): always an error.
    let whole = readAll(path)
    guard whole.count > 20 else { return 0 }
    let cut = 10 + Int(input[count - 2]) % (whole.count - 10)
    whole.withUnsafeBytes { bytes in
        let fd = open(path, O_WRONLY | O_TRUNC)
        _ = write(fd, bytes.baseAddress!, cut)
        close(fd)
    }
    if FuzzSupport.dump(path, options: FuzzSupport.quietOptions()) == nil && count > 0 {
        fatalError("a gzip stream cut at \(cut) of \(whole.count) bytes read without an error")
    }
    return 0
}

/// The bytes of `path`.
private func readAll(_ path: String) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
        if got <= 0 { return bytes }
        bytes += chunk[0..<got]
    }
}
