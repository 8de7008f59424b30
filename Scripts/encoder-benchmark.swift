// SPDX-License-Identifier: Apache-2.0
// Encoder throughput: driver records per second turned into scap events, on a mix of a busy
// system's calls (reads and writes with 80-byte buffers, opens, closes, generic calls, futexes,
// sched switches). Built and run by Scripts/encoder-benchmark.sh against a release build.
import Glibc
import SwiftdigCapture
import SwiftdigDriverABI

/// One record: header, then chunks (kind, data).
func record(kind: sd_record_kind, nr: Int, ret: Int64, args: [UInt64], chunks: [(sd_capture_kind, [UInt8])]) -> [UInt8] {
    var bytes: [UInt8] = []
    func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { bytes += $0 } }
    put(UInt64(1_000_000)); put(UInt32(0)); put(UInt16(kind.rawValue)); put(UInt16(nr)); put(UInt32(1234)); put(UInt32(1234))
    put(ret)
    for i in 0..<6 { put(i < args.count ? args[i] : 0) }
    put(UInt16(0)); put(UInt16(chunks.count)); put(UInt32(0))
    for (i, (k, data)) in chunks.enumerated() {
        put(UInt16(k.rawValue)); put(UInt16(i)); put(UInt32(data.count))
        bytes += data
        while bytes.count % 8 != 0 { bytes.append(0) }
    }
    withUnsafeBytes(of: UInt32(bytes.count).littleEndian) { bytes.replaceSubrange(8..<12, with: $0) }
    return bytes
}

let buffer80 = [UInt8](repeating: 0x61, count: 80)
let path = Array("/usr/lib/x86_64-linux-gnu/libc.so.6".utf8) + [0]
var file = [UInt8](repeating: 0, count: MemoryLayout<sd_file_info>.size)
file[8] = 3
let enter = SD_RECORD_SYSCALL_ENTER, exit = SD_RECORD_SYSCALL_EXIT
let mix: [[UInt8]] = [
    record(kind: enter, nr: 0, ret: 0, args: [3, 0x1000, 80], chunks: []),
    record(kind: exit, nr: 0, ret: 80, args: [3, 0x1000, 80], chunks: [(SD_CAP_USER_BUFFER, buffer80)]),
    record(kind: enter, nr: 1, ret: 0, args: [1, 0x1000, 80], chunks: []),
    record(kind: exit, nr: 1, ret: 80, args: [1, 0x1000, 80], chunks: [(SD_CAP_USER_BUFFER, buffer80)]),
    record(kind: enter, nr: 257, ret: 0, args: [UInt64(bitPattern: -100), 0x1000, 0x80000], chunks: [(SD_CAP_USER_STRING, path)]),
    record(kind: exit, nr: 257, ret: 3, args: [UInt64(bitPattern: -100), 0x1000, 0x80000],
           chunks: [(SD_CAP_USER_STRING, path), (SD_CAP_FILE, file)]),
    record(kind: enter, nr: 3, ret: 0, args: [3], chunks: []),
    record(kind: exit, nr: 3, ret: 0, args: [3], chunks: []),
    record(kind: enter, nr: 202, ret: 0, args: [0x7000, 0x81, 1], chunks: []),
    record(kind: exit, nr: 202, ret: 0, args: [0x7000, 0x81, 1], chunks: []),
    record(kind: enter, nr: 39, ret: 0, args: [], chunks: []),
    record(kind: exit, nr: 39, ret: 1234, args: [], chunks: []),
    record(kind: SD_RECORD_SCHED_SWITCH, nr: 0, ret: 0, args: [1, 2, 3, 4, 5, 6], chunks: []),
]

let encoder = RecordEncoder(bootTime: RecordEncoder.bootTime())
let rounds = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 500_000
var events = 0, bytes = 0
func now() -> UInt64 {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}
let start = now()
for _ in 0..<rounds {
    for r in mix {
        try r.withUnsafeBytes { raw in
            try encoder.encode(raw) { e in
                events += 1
                bytes += e.bytes.count
            }
        }
    }
}
let elapsed = Double(now() - start) / 1e9
let records = rounds * mix.count
print("records: \(records), events: \(events), bytes: \(bytes)")
print("elapsed: \(elapsed) s, \(Int(Double(records) / elapsed)) records/s, \(Int(elapsed * 1e9 / Double(records))) ns/record")
