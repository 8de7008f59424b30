// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

enum DumpRecords {
    static let all: [RecordBuilder] = [
        .enter(0, [3, 0x1000, 80]),
        .exit(0, ret: 5, [3, 0x1000, 80]).with(SD_CAP_USER_BUFFER, step: 0, Array("hello".utf8)),
        .enter(1, [1, 0x1000, 6]),
        .exit(1, ret: 6, [1, 0x1000, 6]).with(SD_CAP_USER_BUFFER, step: 0, Array("world\n".utf8)),
        .enter(3, [3]),
        .exit(3, ret: 0, [3]),
        .enter(2, [0x1000, 0o1101, 0o644]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/x")),
        .exit(2, ret: -2, [0x1000, 0o1101, 0o644]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/x")),
        .enter(85, [0x1000, 0o600]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/c")),
        .exit(85, ret: 4, [0x1000, 0o600]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/c"))
            .with(SD_CAP_FILE, step: 1, Payload.file(dev: 0x801)),
        .enter(41, [2, 1, 0]),
        .exit(41, ret: 5, [2, 1, 0]),
        .enter(42, [5, 0x2000, 16]).with(SD_CAP_SOCKADDR, step: 0, Payload.sockaddrIPv4(127, 0, 0, 1, port: 8080)),
        .exit(42, ret: 0, [5, 0x2000, 16])
            .with(SD_CAP_SOCKET, step: 0, Payload.socketIPv4(local: [127, 0, 0, 1], localPort: 40000, remote: [127, 0, 0, 1], remotePort: 8080))
            .with(SD_CAP_SOCKADDR, step: 1, Payload.sockaddrIPv4(127, 0, 0, 1, port: 8080)),
        .enter(44, [5, 0x3000, 4, 0, 0, 0])
            .with(SD_CAP_SOCKET, step: 0, Payload.socketIPv4(local: [127, 0, 0, 1], localPort: 40000, remote: [127, 0, 0, 1], remotePort: 8080)),
        .exit(44, ret: 4, [5, 0x3000, 4, 0, 0, 0]).with(SD_CAP_USER_BUFFER, step: 0, Array("ping".utf8)),
        .enter(45, [5, 0x3000, 100, 0, 0x4000, 0x4100]),
        .exit(45, ret: 4, [5, 0x3000, 100, 0, 0x4000, 0x4100])
            .with(SD_CAP_USER_BUFFER, step: 0, Array("pong".utf8))
            .with(SD_CAP_SOCKET, step: 1, Payload.socketIPv4(local: [127, 0, 0, 1], localPort: 40000, remote: [127, 0, 0, 1], remotePort: 8080))
            .with(SD_CAP_SOCKADDR_LENPTR, step: 2, Payload.sockaddrIPv4(127, 0, 0, 1, port: 8080)),
        .enter(48, [5, 1]),
        .exit(48, ret: 0, [5, 1]),
        .enter(22, [0x5000, 0]),
        .exit(22, ret: 0, [0x5000, 0]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(Int32(6), Int32(7))),
        .enter(33, [6, 9]),
        .exit(33, ret: 9, [6, 9]),
        .enter(72, [9, 4, 0x800]),
        .exit(72, ret: 0, [9, 4, 0x800]),
        .enter(62, [1234, 9]),
        .exit(62, ret: 0, [1234, 9]),
        .enter(8, [3, 100, 0]),
        .exit(8, ret: 100, [3, 100, 0]),
        .enter(9, [0, 4096, 3, 0x22, UInt64.max, 0]),
        .exit(9, ret: 0x7f00_0000_0000, [0, 4096, 3, 0x22, UInt64.max, 0])
            .with(SD_CAP_PROCESS, step: 0, Payload.process(tid: 100, pid: 100, ptid: 1, comm: "tester", exe: "tester", args: [], env: [])),
        .enter(202, [0x7000, 0x81, 1]),
        .exit(202, ret: 0, [0x7000, 0x81, 1]),
        .enter(35, [0x8000, 0]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(UInt64(1), UInt64(500))),
        .exit(35, ret: 0, [0x8000, 0]),
        .enter(7, [0x9000, 2, 1000]).with(SD_CAP_USER_ARRAY, step: 0, Payload.ints(Int32(3), Int32(1)) + Payload.ints(Int32(4), Int32(4))),
        .exit(7, ret: 1, [0x9000, 2, 1000]).with(SD_CAP_USER_ARRAY, step: 0, Payload.ints(Int32(3), Int32(0x10001)) + Payload.ints(Int32(4), Int32(4))),
        .enter(62, [200, 15]),
        .exit(62, ret: -3, [200, 15]),
        .enter(4, [0x1000, 0x2000]),
        .exit(4, ret: 0, [0x1000, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/etc/passwd")),
        .enter(16, [1, 0x5401, 0x7ffd]),
        .exit(16, ret: -25, [1, 0x5401, 0x7ffd]),
        .enter(80, [0x1000]),
        .exit(80, ret: 0, [0x1000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp")),
        .enter(83, [0x1000, 0o755]),
        .exit(83, ret: 0, [0x1000, 0o755]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/d")),
        .enter(82, [0x1000, 0x2000]),
        .exit(82, ret: 0, [0x1000, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/a"))
            .with(SD_CAP_USER_STRING, step: 1, Payload.string("/tmp/b")),
        .enter(105, [1000]),
        .exit(105, ret: 0, [1000]),
        .enter(302, [0, 7, 0, 0x1000]),
        .exit(302, ret: 0, [0, 7, 0, 0x1000]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(UInt64(1024), UInt64(4096))),
        .enter(40, [4, 3, 0, 100]),
        .exit(40, ret: 100, [4, 3, 0, 100]),
        .enter(110, []),
        .exit(110, ret: 1),
        .enter(59, [0x1000, 0x2000, 0x3000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/bin/ls")),
        .exit(59, ret: 0, [0x1000, 0x2000, 0x3000])
            .with(SD_CAP_PROCESS, step: 0, Payload.process(tid: 100, pid: 100, ptid: 1, comm: "ls", exe: "ls", args: ["-l", "/tmp"], env: ["HOME=/root", "TERM=xterm"])),
        .enter(56, [0x1200011, 0, 0, 0, 0]),
        .exit(56, ret: 101, [0x1200011, 0, 0, 0, 0])
            .with(SD_CAP_PROCESS, step: 0, Payload.process(tid: 100, pid: 100, ptid: 1, comm: "tester", exe: "tester", args: ["a"], env: [])),
        RecordBuilder(kind: SD_RECORD_PROCESS_EXIT, tid: 100, ts: 1_000_000_200, ret: 9),
        RecordBuilder(kind: SD_RECORD_SCHED_SWITCH, tid: 100, ts: 1_000_000_300, args: [0, 1, 2, 3, 4, 5]),
        RecordBuilder(kind: SD_RECORD_SIGNAL_DELIVER, tid: 100, ts: 1_000_000_400, args: [55, 15]),
    ]
}
