// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// Records and events for the capture tests, with every field set to something recognisable.
enum ScapSamples {
    static let machine = MachineInfo(
        numCPUs: 8, memorySizeBytes: 16 << 30, maxPID: 4_194_304, hostname: "builder", bootTimeEpochNs: 1_700_000_000,
        flags: 3, reserved3: 4, reserved4: 5)

    static let interfaces = InterfaceList(
        ipv4: [
            IPv4Interface(name: "lo", address: 0x0100_007F, netmask: 0x0000_00FF, broadcast: 0x0100_007F, linkSpeed: 0),
            IPv4Interface(
                name: "eth0", address: 0x0A01_A8C0, netmask: 0x00FF_FFFF, broadcast: 0xFF01_A8C0, linkSpeed: nil),
        ],
        ipv6: [
            IPv6Interface(
                name: "lo", address: IPv6Address(high: 0, low: 1), netmask: IPv6Address(high: .max, low: .max),
                broadcast: IPv6Address(high: 0, low: 1), linkSpeed: 1000),
            IPv6Interface(
                name: "eth0", address: IPv6Address(high: 0xFE80_0000_0000_0000, low: 0x1234),
                netmask: IPv6Address(high: .max, low: 0), broadcast: IPv6Address(high: 0, low: 0), linkSpeed: nil),
        ])

    static let users = UserList(
        users: [
            UserRecord(uid: 0, gid: 0, name: "root", homedir: "/root", shell: "/bin/bash"),
            UserRecord(uid: 1000, gid: 1000, name: "dev", homedir: "/home/dev", shell: "/bin/zsh"),
        ],
        groups: [GroupRecord(gid: 0, name: "root"), GroupRecord(gid: 27, name: "sudo")])

    /// A thread with every field of every version set.
    static func thread(_ tid: Int64) -> ProcessRecord {
        var thread = ProcessRecord(
            tid: tid, pid: tid, ptid: 1, comm: "curl", exe: "curl", args: "-6\0http://www.google.com\0",
            cwd: "/home/dev",
            sid: 77, vpgid: 78, exepath: "/usr/bin/curl", fdlimit: 1024, flags: 0x10, uid: 1000, gid: 1000)
        thread.vmsizeKB = 1000
        thread.vmrssKB = 200
        thread.vmswapKB = 3
        thread.pfMajor = 4
        thread.pfMinor = 5
        thread.env = "HOME=/home/dev\0TERM=xterm\0"
        thread.vtid = tid + 100
        thread.vpid = tid + 100
        thread.cgroups = "cpu=/user.slice\0memory=/user.slice\0"
        thread.root = "/"
        return thread
    }

    /// What a reader gives back for `thread` written in process list `version`: fields the version
    /// lacks take their defaults.
    static func projected(_ thread: ProcessRecord, version: Int) -> ProcessRecord {
        var thread = thread
        if version < 2 {
            thread.vmsizeKB = 0
            thread.vmrssKB = 0
            thread.vmswapKB = 0
            thread.pfMajor = 0
            thread.pfMinor = 0
        }
        if version < 3 { thread.env = "" }
        if version < 4 {
            thread.vtid = -1
            thread.vpid = -1
            thread.cgroups = ""
        }
        if version < 5 { thread.root = "" }
        if version < 6 { thread.sid = -1 }
        if version < 7 { thread.exepath = "" }
        if version < 8 { thread.vpgid = -1 }
        return thread
    }

    /// Threads with each shape of the version 9 tail.
    static var tailedThreads: [ProcessRecord] {
        var plain = thread(10)
        plain.args = ""
        var login = thread(11)
        login.loginUID = 1000
        login.exeWritable = true
        var caps = thread(12)
        caps.loginUID = 0
        caps.exeWritable = false
        caps.capInheritable = 1
        caps.capPermitted = 2
        caps.capEffective = 3
        var newer = thread(13)
        newer.pidnsInitStartTs = 0x0000_0001_0000_2222
        newer.tty = 34816
        newer.loginUID = 1000
        newer.exeWritable = true
        newer.capInheritable = 1
        newer.capPermitted = 2
        newer.capEffective = 3
        newer.exeUpperLayer = true
        newer.exeIno = 99
        newer.exeInoCtime = 100
        newer.exeInoMtime = 101
        newer.exeFromMemfd = false
        newer.exeLowerLayer = true
        newer.pgid = 13
        return [plain, login, caps, newer]
    }

    static let fds: [FDRecord] = [
        FDRecord(fd: 0, ino: 5, type: .fifo, details: .name("pipe:[1234]")),
        FDRecord(fd: 1, ino: 6, type: .file, details: .name("/dev/pts/0")),
        FDRecord(fd: 2, ino: 7, type: .fileV2, details: .file(openFlags: 0x42, name: "/tmp/log", dev: 0x803)),
        FDRecord(
            fd: 3, ino: 8, type: .ipv4Socket,
            details: .ipv4Socket(
                sourceIP: 0x0100_007F, destinationIP: 0x0200_007F, sourcePort: 40000, destinationPort: 80, l4Protocol: 6
            )),
        FDRecord(
            fd: 4, ino: 9, type: .ipv6Socket,
            details: .ipv6Socket(
                sourceIP: IPv6Address(high: 0, low: 1), destinationIP: IPv6Address(high: 0x2A00_1450, low: 0x2004),
                sourcePort: 50000, destinationPort: 443, l4Protocol: 6)),
        FDRecord(fd: 5, ino: 10, type: .ipv4ServerSocket, details: .ipv4Server(ip: 0, port: 22, l4Protocol: 6)),
        FDRecord(
            fd: 6, ino: 11, type: .ipv6ServerSocket,
            details: .ipv6Server(ip: IPv6Address(high: 0, low: 0), port: 8080, l4Protocol: 17)),
        FDRecord(
            fd: 7, ino: 12, type: .unixSocket,
            details: .unixSocket(source: 0xFFFF_8800_0000_0001, destination: 0, name: "/run/systemd/notify")),
        FDRecord(fd: 8, ino: 13, type: .eventpoll, details: .name("")),
        FDRecord(fd: 9, ino: 0, type: .unknown, details: .none),
        FDRecord(fd: 10, ino: 14, type: .directory, details: .name("/home/dev")),
        FDRecord(fd: 11, ino: 15, type: .memfd, details: .name("memfd:x")),
    ]

    /// A version 2 event of `type` with the given parameter values.
    static func event(
        type: UInt16, ts: UInt64 = 1_000, tid: UInt64 = 42, params: [[UInt8]], large: Bool = false
    ) -> [UInt8] {
        var sink = ByteSink()
        let width = large ? 4 : 2
        let length = EventHeader.size + params.count * width + params.reduce(0) { $0 + $1.count }
        sink.append(ts)
        sink.append(tid)
        sink.append(UInt32(length))
        sink.append(type)
        sink.append(UInt32(params.count))
        for value in params {
            if large { sink.append(UInt32(value.count)) } else { sink.append(UInt16(value.count)) }
        }
        for value in params { sink.append(bytes: value) }
        return sink.bytes
    }

    /// A version 1 event (no parameter count), with `extraLength` added to the stored length.
    static func v1Event(type: UInt16, params: [[UInt8]], extraLength: Int = 0) -> [UInt8] {
        var sink = ByteSink()
        let length = EventHeader.v1Size + params.count * 2 + params.reduce(0) { $0 + $1.count }
        sink.append(UInt64(2_000))
        sink.append(UInt64(43))
        sink.append(UInt32(length + extraLength))
        sink.append(type)
        for value in params { sink.append(UInt16(value.count)) }
        for value in params { sink.append(bytes: value) }
        sink.appendZeros(extraLength)
        return sink.bytes
    }

    /// One event of a capture made by ``writeCapture(to:threads:fds:events:)``.
    struct EventSpec {
        var type: UInt16
        var tid: UInt64
        var params: [[UInt8]]
        /// Dump flags (1: state-only).
        var flags: UInt32 = 0
    }

    /// An `Int64` parameter (fds, results).
    static func int64(_ value: Int64) -> [UInt8] { withUnsafeBytes(of: value.littleEndian) { Array($0) } }

    /// Writes a capture of `threads`, the fds of `fds`, and `events` a nanosecond apart.
    static func writeCapture(to path: String, threads: [ProcessRecord], fds: FDList?, events: [EventSpec]) throws {
        let writer = try ScapWriter(path: path, compression: .none)
        try writer.writeSectionHeader()
        try writer.writeMachineInfo(machine)
        try writer.writeProcessList(ProcessList(threads: threads))
        if let fds { try writer.writeFDList(fds) }
        for (i, spec) in events.enumerated() {
            let bytes = event(type: spec.type, ts: 1_000_000_000 + UInt64(i), tid: spec.tid, params: spec.params)
            try bytes.withUnsafeBytes {
                try writer.writeEvent(bytes: $0, cpu: 0, flags: spec.flags, blockType: .eventWithFlagsV2)
            }
        }
        try writer.close()
    }

    /// Writes a small capture holding every kind of block, and returns its path.
    static func writeEverything(to path: String, compression: ScapWriter.Compression = .none) throws {
        let writer = try ScapWriter(path: path, compression: compression)
        try writer.writeSectionHeader()
        try writer.writeMachineInfo(machine)
        try writer.writeInterfaceList(interfaces)
        try writer.writeUserList(users)
        try writer.writeProcessList(ProcessList(threads: tailedThreads))
        try writer.writeFDList(FDList(tid: 10, fds: fds))
        try writer.writeUnknown(UnknownBlock(blockType: ScapBlockType(rawValue: 0x777), body: [1, 2, 3, 4]))
        let open = event(type: 3, params: [Array("/etc/passwd\0".utf8), [0, 0, 0, 0], [0xA4, 1, 0, 0]])
        try open.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 1) }
        let close = event(type: 5, params: [[3, 0, 0, 0, 0, 0, 0, 0]])
        try close.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 2, flags: 4, blockType: .eventWithFlagsV2) }
        let old = v1Event(type: 4, params: [[0, 0, 0, 0, 0, 0, 0, 0], [1], []])
        try old.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 3, blockType: .event) }
        try writer.close()
    }
}
