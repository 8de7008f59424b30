// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// Builds driver records byte for byte as driver/include/swiftdig_record.h lays them out, for the
/// encoder tests.
struct RecordBuilder {
    private(set) var bytes: [UInt8] = []
    private var nchunks: UInt16 = 0

    /// A record of `kind` for native call `nr` (0 for other kinds).
    init(
        kind: sd_record_kind, nr: Int = 0, tid: UInt32 = 100, pid: UInt32 = 100, ts: UInt64 = 1_000_000_000,
        ret: Int64 = 0, args: [UInt64] = [], cpu: UInt16 = 1
    ) {
        append(ts)
        append(UInt32(0))  // len, set by build()
        append(UInt16(kind.rawValue))
        append(UInt16(nr))
        append(tid)
        append(pid)
        append(ret)
        for i in 0..<6 { append(i < args.count ? args[i] : 0) }
        append(cpu)
        append(UInt16(0))  // nchunks, set by build()
        append(UInt32(0))  // flags
        append(UInt64(0))  // enter_ts
    }

    /// A syscall enter record.
    static func enter(_ nr: Int, _ args: [UInt64] = [], tid: UInt32 = 100) -> RecordBuilder {
        RecordBuilder(kind: SD_RECORD_SYSCALL_ENTER, nr: nr, tid: tid, pid: tid, args: args)
    }

    /// A syscall exit record.
    static func exit(_ nr: Int, ret: Int64, _ args: [UInt64] = [], tid: UInt32 = 100) -> RecordBuilder {
        RecordBuilder(kind: SD_RECORD_SYSCALL_EXIT, nr: nr, tid: tid, pid: tid, ts: 1_000_000_100, ret: ret, args: args)
    }

    /// An exit record that carries its enter (`SD_RECORD_WITH_ENTER`), entered at `enterTs`.
    static func exitWithEnter(
        _ nr: Int, ret: Int64, _ args: [UInt64] = [], tid: UInt32 = 100, enterTs: UInt64 = 1_000_000_000
    ) -> RecordBuilder {
        var record = exit(nr, ret: ret, args, tid: tid)
        withUnsafeBytes(of: UInt32(SD_RECORD_WITH_ENTER).littleEndian) { record.bytes.replaceSubrange(84..<88, with: $0) }
        withUnsafeBytes(of: enterTs.littleEndian) { record.bytes.replaceSubrange(88..<96, with: $0) }
        return record
    }

    /// Appends a chunk of `kind` for plan step `step`.
    mutating func chunk(_ kind: sd_capture_kind, step: Int, _ data: [UInt8]) {
        append(UInt16(kind.rawValue))
        append(UInt16(step))
        append(UInt32(data.count))
        bytes += data
        while bytes.count % 8 != 0 { bytes.append(0) }
        nchunks += 1
    }

    /// Returns a copy with a chunk added (for chaining).
    func with(_ kind: sd_capture_kind, step: Int, _ data: [UInt8]) -> RecordBuilder {
        var copy = self
        copy.chunk(kind, step: step, data)
        return copy
    }

    /// The finished record.
    func build() -> [UInt8] {
        var out = bytes
        withUnsafeBytes(of: UInt32(out.count).littleEndian) { out.replaceSubrange(8..<12, with: $0) }
        withUnsafeBytes(of: nchunks.littleEndian) { out.replaceSubrange(82..<84, with: $0) }
        return out
    }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}

/// Chunk payloads.
enum Payload {
    /// A C string with its NUL.
    static func string(_ s: String) -> [UInt8] { Array(s.utf8) + [0] }

    /// Little-endian bytes of integers.
    static func ints<T: FixedWidthInteger>(_ values: T...) -> [UInt8] {
        values.flatMap { v in withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    }

    /// A `struct sockaddr_in`.
    static func sockaddrIPv4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8, port: UInt16) -> [UInt8] {
        ints(UInt16(2)) + ints(port.bigEndian) + [a, b, c, d] + [UInt8](repeating: 0, count: 8)
    }

    /// A `struct sockaddr_un`.
    static func sockaddrUnix(_ path: String) -> [UInt8] { ints(UInt16(1)) + Array(path.utf8) + [0] }

    /// An `sd_socket_info` for an IPv4 TCP socket.
    static func socketIPv4(local: [UInt8], localPort: UInt16, remote: [UInt8], remotePort: UInt16) -> [UInt8] {
        var info = sd_socket_info()
        info.family = 2
        info.type = 1
        info.protocol = 6
        info.local_port = localPort
        info.remote_port = remotePort
        withUnsafeMutableBytes(of: &info.local_addr) { $0.copyBytes(from: local) }
        withUnsafeMutableBytes(of: &info.remote_addr) { $0.copyBytes(from: remote) }
        return withUnsafeBytes(of: info) { Array($0) }
    }

    /// An `sd_socket_info` for a unix socket.
    static func socketUnix(sk: UInt64, peer: UInt64, path: String) -> [UInt8] {
        var info = sd_socket_info()
        info.family = 1
        info.type = 1
        info.sk = sk
        info.peer = peer
        withUnsafeMutableBytes(of: &info.unix_path) { $0.copyBytes(from: Array(path.utf8)) }
        return withUnsafeBytes(of: info) { Array($0) }
    }

    /// An `sd_file_info`.
    static func file(dev: UInt32, ino: UInt64 = 1234) -> [UInt8] {
        var info = sd_file_info()
        info.dev = dev
        info.ino = ino
        return withUnsafeBytes(of: info) { Array($0) }
    }

    /// An `SD_CAP_PROCESS` chunk.
    static func process(
        tid: UInt32, pid: UInt32, ptid: UInt32, comm: String, exe: String, args: [String], env: [String],
        cwd: String = "/root", configure: (inout sd_process_info) -> Void = { _ in }
    ) -> [UInt8] {
        var info = sd_process_info()
        info.tid = tid
        info.pid = pid
        info.ptid = ptid
        info.vtid = tid
        info.vpid = pid
        info.pgid = pid
        info.fdlimit = 1024
        info.pgft_maj = 1
        info.pgft_min = 200
        info.vm_size_kb = 5000
        info.vm_rss_kb = 1000
        info.vm_swap_kb = 0
        info.loginuid = UInt32.max
        withUnsafeMutableBytes(of: &info.comm) { $0.copyBytes(from: Array(comm.utf8.prefix(15))) }
        configure(&info)
        var bytes = withUnsafeBytes(of: info) { Array($0) }
        func lengthPrefixed(_ b: [UInt8]) { bytes += ints(UInt32(b.count)) + b }
        lengthPrefixed(Array(exe.utf8))
        lengthPrefixed(args.flatMap { Array($0.utf8) + [0] })
        lengthPrefixed(env.flatMap { Array($0.utf8) + [0] })
        lengthPrefixed(Array(cwd.utf8))
        lengthPrefixed(Array(exe.utf8))
        return bytes
    }
}
