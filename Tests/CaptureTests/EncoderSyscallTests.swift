// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI
import XCTest

/// Synthetic records per family of system calls, checked against what sysdig 0.29.3 and swiftdig
/// print for the events (lines from the direction on). Expected lines follow what 0.29.3's kernel
/// module writes for the same call (its fillers, ppm_fillers.c).
final class EncoderSyscallTests: XCTestCase {
    typealias R = RecordBuilder
    static let minus100 = UInt64(bitPattern: -100)
    static let tcp = Payload.socketIPv4(local: [10, 0, 0, 1], localPort: 8080, remote: [10, 0, 0, 2], remotePort: 5555)
    static let client = Payload.socketIPv4(local: [127, 0, 0, 1], localPort: 40000, remote: [127, 0, 0, 1], remotePort: 8080)
    static func process(tid: UInt32 = 100, ptid: UInt32 = 1, comm: String = "tester", args: [String] = [], env: [String] = [])
        -> [UInt8]
    {
        Payload.process(tid: tid, pid: tid, ptid: ptid, comm: comm, exe: comm, args: args, env: env)
    }

    func testFileOpensAndCloses() throws {
        try EncoderHarness.check(
            [
                R.enter(2, [0x1000, 0o1101, 0o644]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/x")),
                R.exit(2, ret: -2, [0x1000, 0o1101, 0o644]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/x")),
                R.enter(85, [0x1000, 0o600]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/c")),
                R.exit(85, ret: 4, [0x1000, 0o600]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/c"))
                    .with(SD_CAP_FILE, step: 1, Payload.file(dev: 0x801)),
                R.enter(437, [Self.minus100, 0x1000, 0x2000, 24]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/etc/shadow"))
                    .with(SD_CAP_USER_FIXED, step: 1, Payload.ints(UInt64(0o2101102), UInt64(0o600), UInt64(0x8))),
                R.exit(437, ret: 3, [Self.minus100, 0x1000, 0x2000, 24]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/etc/shadow"))
                    .with(SD_CAP_USER_FIXED, step: 1, Payload.ints(UInt64(0o2101102), UInt64(0o600), UInt64(0x8))),
                R.enter(5, [3]), R.exit(5, ret: 0, [3]),
                R.enter(81, [3]), R.exit(81, ret: 0, [3]),
                R.enter(3, [3]), R.exit(3, ret: 0, [3]),
                // An unreadable path at entry reads (NULL), as the driver's copy fails.
                R.enter(2, [0x1000, 0, 0]),
            ],
            [
                "> open name=/tmp/x flags=262(O_TRUNC|O_CREAT|O_WRONLY) mode=0644",
                "< open fd=-2(ENOENT) name=/tmp/x flags=262(O_TRUNC|O_CREAT|O_WRONLY) mode=0644 dev=0",
                "> creat name=/tmp/c mode=0600",
                "< creat fd=4(<f>/tmp/c) name=/tmp/c mode=0600 dev=801",
                "> openat2 dirfd=-100(AT_FDCWD) name=/etc/shadow flags=6407(O_LARGEFILE|O_TRUNC|O_CREAT|O_RDWR|O_CLOEXEC) mode=0600 resolve=1(RESOLVE_BENEATH)",
                "< openat2 fd=3(<f>/etc/shadow) dirfd=-100(AT_FDCWD) name=/etc/shadow flags=6407(O_LARGEFILE|O_TRUNC|O_CREAT|O_RDWR|O_CLOEXEC) mode=0600 resolve=1(RESOLVE_BENEATH)",
                "> fstat fd=3(<f>/etc/shadow)", "< fstat res=0",
                "> fchdir fd=3(<f>/etc/shadow)", "< fchdir res=0",
                "> close fd=3(<f>/etc/shadow)", "< close res=0",
                "> open name=(NULL)(/etc/shadow/(NULL)) flags=1(O_RDONLY) mode=0",
            ])
    }

    func testReadsAndWrites() throws {
        try EncoderHarness.check(
            [
                R.enter(0, [3, 0x1000, 80]), R.exit(0, ret: 5, [3, 0x1000, 80]).with(SD_CAP_USER_BUFFER, step: 0, Array("hello".utf8)),
                R.enter(1, [1, 0x1000, 6]), R.exit(1, ret: 6, [1, 0x1000, 6]).with(SD_CAP_USER_BUFFER, step: 0, Array("world\n".utf8)),
                R.enter(19, [3, 0x1000, 2]),
                R.exit(19, ret: 6, [3, 0x1000, 2]).with(SD_CAP_IOVEC, step: 0, Payload.ints(UInt64(200)) + Array("abcdef".utf8)),
                R.enter(20, [1, 0x1000, 2]).with(SD_CAP_IOVEC, step: 0, Payload.ints(UInt64(5)) + Array("hi yo".utf8)),
                R.exit(20, ret: 5, [1, 0x1000, 2]).with(SD_CAP_IOVEC, step: 0, Payload.ints(UInt64(5)) + Array("hi yo".utf8)),
                R.enter(295, [3, 0x1000, 1, 4096]),
                R.exit(295, ret: -14, [3, 0x1000, 1, 4096]).with(SD_CAP_IOVEC, step: 0, Payload.ints(UInt64(10))),
                R.enter(17, [3, 0x1000, 10, 512]),
                R.exit(17, ret: 2, [3, 0x1000, 10, 512]).with(SD_CAP_USER_BUFFER, step: 0, Array("ok".utf8)),
                R.enter(18, [1, 0x1000, 2, 8]),
                R.exit(18, ret: 2, [1, 0x1000, 2, 8]).with(SD_CAP_USER_BUFFER, step: 0, Array("ok".utf8)),
                R.enter(8, [3, 100, 0]), R.exit(8, ret: 100, [3, 100, 0]),
                R.enter(40, [4, 3, 0, 100]), R.exit(40, ret: 100, [4, 3, 0, 100]),
                R.enter(275, [3, 0, 4, 0, 65536, 1]), R.exit(275, ret: 65536, [3, 0, 4, 0, 65536, 1]),
                // A write from a bad buffer: the driver drops the exit it cannot fill.
                R.exit(1, ret: -14, [1, 0x1000, 6]),
            ],
            [
                "> read fd=3 size=80", "< read res=5 data=hello",
                "> write fd=1 size=6", "< write res=6 data=world.",
                "> readv fd=3", "< readv res=6 size=6 data=abcdef",
                "> writev fd=1 size=5", "< writev res=5 data=hi yo",
                "> preadv fd=3 pos=4096", "< preadv res=-14(EFAULT) size=10 data=",
                "> pread fd=3 size=10 pos=512", "< pread res=2 data=ok",
                "> pwrite fd=1 size=2 pos=8", "< pwrite res=2 data=ok",
                "> lseek fd=3 offset=100 whence=0(SEEK_SET)", "< lseek res=100",
                "> sendfile out_fd=4 in_fd=3 offset=0 size=100", "< sendfile res=100 offset=0",
                "> splice fd_in=3 fd_out=4 size=65536 flags=1(SPLICE_F_MOVE)", "< splice res=65536",
            ])
    }

    func testTCPConnection() throws {
        try EncoderHarness.check(
            [
                R.enter(41, [2, 1, 0]), R.exit(41, ret: 5, [2, 1, 0]),
                R.enter(42, [5, 0x2000, 16]).with(SD_CAP_SOCKADDR, step: 0, Payload.sockaddrIPv4(127, 0, 0, 1, port: 8080)),
                R.exit(42, ret: 0, [5, 0x2000, 16]).with(SD_CAP_SOCKET, step: 0, Self.client)
                    .with(SD_CAP_SOCKADDR, step: 1, Payload.sockaddrIPv4(127, 0, 0, 1, port: 8080)),
                R.enter(44, [5, 0x3000, 4, 0, 0, 0]).with(SD_CAP_SOCKET, step: 0, Self.client),
                R.exit(44, ret: 4, [5, 0x3000, 4, 0, 0, 0]).with(SD_CAP_USER_BUFFER, step: 0, Array("ping".utf8)),
                R.enter(45, [5, 0x3000, 100, 0, 0x4000, 0x4100]),
                R.exit(45, ret: 4, [5, 0x3000, 100, 0, 0x4000, 0x4100]).with(SD_CAP_USER_BUFFER, step: 0, Array("pong".utf8))
                    .with(SD_CAP_SOCKET, step: 1, Self.client)
                    .with(SD_CAP_SOCKADDR_LENPTR, step: 2, Payload.sockaddrIPv4(127, 0, 0, 1, port: 8080)),
                R.enter(54, [5, 1, 2, 0x1000, 4]),
                R.exit(54, ret: 0, [5, 1, 2, 0x1000, 4]).with(SD_CAP_USER_BUFFER, step: 0, Payload.ints(UInt32(1))),
                R.enter(55, [5, 1, 4, 0x1000, 0x2000]),
                R.exit(55, ret: 0, [5, 1, 4, 0x1000, 0x2000]).with(SD_CAP_USER_BUFFER, step: 0, Payload.ints(UInt32(111)))
                    .with(SD_CAP_USER_FIXED, step: 1, Payload.ints(UInt32(4))),
                R.enter(48, [5, 1]), R.exit(48, ret: 0, [5, 1]),
            ],
            [
                "> socket domain=2(AF_INET) type=1 proto=0", "< socket fd=5(<4>)",
                "> connect fd=5(<4>) addr=127.0.0.1:8080", "< connect res=0 tuple=127.0.0.1:40000->127.0.0.1:8080",
                "> sendto fd=5(<4t>127.0.0.1:40000->127.0.0.1:8080) size=4 tuple=NULL", "< sendto res=4 data=ping",
                "> recvfrom fd=5(<4t>127.0.0.1:40000->127.0.0.1:8080) size=100",
                "< recvfrom res=4 data=pong tuple=127.0.0.1:8080->127.0.0.1:40000",
                "> setsockopt",
                "< setsockopt res=0 fd=5(<4t>127.0.0.1:40000->127.0.0.1:8080) level=1(SOL_SOCKET) optname=2(SO_REUSEADDR) val=1 optlen=4",
                "> getsockopt",
                "< getsockopt res=0 fd=5(<4t>127.0.0.1:40000->127.0.0.1:8080) level=1(SOL_SOCKET) optname=4(SO_ERROR) val=-111(ECONNREFUSED) optlen=4",
                "> shutdown fd=5(<4t>127.0.0.1:40000->127.0.0.1:8080) how=1(SHUT_WR)", "< shutdown res=0",
            ])
    }

    func testServerSockets() throws {
        try EncoderHarness.check(
            [
                R.enter(41, [2, 0x80801, 6]), R.exit(41, ret: 4, [2, 0x80801, 6]),
                R.enter(49, [4, 0x1000, 16]),
                R.exit(49, ret: 0, [4, 0x1000, 16]).with(SD_CAP_SOCKADDR, step: 0, Payload.sockaddrIPv4(0, 0, 0, 0, port: 8080)),
                R.enter(50, [4, 128]), R.exit(50, ret: 0, [4, 128]),
                R.enter(43, [4, 0x1000, 0x2000]), R.exit(43, ret: 5, [4, 0x1000, 0x2000]).with(SD_CAP_SOCKET, step: 0, Self.tcp),
                R.enter(288, [4, 0, 0, 0x80800]), R.exit(288, ret: 6, [4, 0, 0, 0x80800]).with(SD_CAP_SOCKET, step: 0, Self.tcp),
                R.enter(46, [5, 0x1000, 0]).with(SD_CAP_MSGHDR, step: 0, Payload.ints(UInt64(11), UInt64(0)) + Array("hello world".utf8))
                    .with(SD_CAP_SOCKET, step: 1, Self.tcp),
                R.exit(46, ret: 11, [5, 0x1000, 0]).with(SD_CAP_MSGHDR, step: 0, Payload.ints(UInt64(11), UInt64(0)) + Array("hello world".utf8)),
                R.enter(47, [5, 0x1000, 0]),
                R.exit(47, ret: 3, [5, 0x1000, 0])
                    .with(SD_CAP_MSGHDR, step: 0, Payload.ints(UInt64(100)) + Payload.ints(UInt32(16), UInt32(0))
                        + Payload.sockaddrIPv4(10, 0, 0, 9, port: 53) + Array("abc".utf8))
                    .with(SD_CAP_SOCKET, step: 1, Self.tcp),
                R.enter(53, [1, 1, 0, 0x1000]),
                R.exit(53, ret: 0, [1, 1, 0, 0x1000]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(Int32(10), Int32(11))),
            ],
            [
                "> socket domain=2(AF_INET) type=526337 proto=6", "< socket fd=4(<4>)",
                "> bind fd=4(<4>)", "< bind res=0 addr=0.0.0.0:8080",
                "> listen fd=4(<4t>0.0.0.0:8080) backlog=128", "< listen res=0",
                "> accept",
                "< accept fd=5(<4t>10.0.0.2:5555->10.0.0.1:8080) tuple=10.0.0.2:5555->10.0.0.1:8080 queuepct=0 queuelen=0 queuemax=0",
                "> accept flags=0",
                "< accept fd=6(<4t>10.0.0.2:5555->10.0.0.1:8080) tuple=10.0.0.2:5555->10.0.0.1:8080 queuepct=0 queuelen=0 queuemax=0",
                "> sendmsg fd=5(<4t>10.0.0.2:5555->10.0.0.1:8080) size=11 tuple=NULL", "< sendmsg res=11 data=hello world",
                "> recvmsg fd=5(<4t>10.0.0.2:5555->10.0.0.1:8080)",
                "< recvmsg res=3 size=3 data=abc tuple=10.0.0.9:53->10.0.0.1:8080",
                "> socketpair domain=1(AF_LOCAL) type=1 proto=0", "< socketpair res=0 fd1=10(<u>) fd2=11(<u>) source=0 peer=0",
            ])
    }

    func testUnixConnect() throws {
        try EncoderHarness.check(
            [
                R.enter(41, [1, 1, 0]), R.exit(41, ret: 5, [1, 1, 0]),
                R.enter(42, [5, 0x1000, 110]).with(SD_CAP_SOCKADDR, step: 0, Payload.sockaddrUnix("/run/x.sock")),
                R.exit(42, ret: 0, [5, 0x1000, 110])
                    .with(SD_CAP_SOCKET, step: 0, Payload.socketUnix(sk: 0xffff1, peer: 0xffff2, path: "/run/x.sock"))
                    .with(SD_CAP_SOCKADDR, step: 1, Payload.sockaddrUnix("/run/x.sock")),
            ],
            [
                "> socket domain=1(AF_LOCAL) type=1 proto=0", "< socket fd=5(<u>)",
                "> connect fd=5(<u>/run/x.sock) addr=/run/x.sock", "< connect res=0 tuple=ffff2->ffff1 /run/x.sock",
            ])
    }

    func testPipesDupsAndFds() throws {
        try EncoderHarness.check(
            [
                R.enter(22, [0x5000, 0]), R.exit(22, ret: 0, [0x5000, 0]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(Int32(6), Int32(7))),
                R.enter(33, [6, 9]), R.exit(33, ret: 9, [6, 9]),
                R.enter(292, [7, 2, 0x80000]), R.exit(292, ret: 2, [7, 2, 0x80000]),
                R.enter(72, [9, 4, 0x800]), R.exit(72, ret: 0, [9, 4, 0x800]),
                R.enter(290, [0, 0x80800]), R.exit(290, ret: 12, [0, 0x80800]),
                R.enter(16, [1, 0x5401, 0x7ffd]), R.exit(16, ret: -25, [1, 0x5401, 0x7ffd]),
            ],
            [
                "> pipe", "< pipe res=0 fd1=6(<p>) fd2=7(<p>) ino=0",
                "> dup fd=6(<p>)", "< dup res=9(<p>)",
                "> dup fd=7(<p>)", "< dup res=2(<p>)",
                "> fcntl fd=9(<p>) cmd=5(F_SETFL)", "< fcntl res=0",
                "> eventfd initval=0 flags=0", "< eventfd res=12(<e>)",
                "> ioctl fd=1 request=5401 argument=7FFD", "< ioctl res=-25(ENOTTY)",
            ])
    }

    func testPathCalls() throws {
        try EncoderHarness.check(
            [
                R.enter(4, [0x1000, 0x2000]), R.exit(4, ret: 0, [0x1000, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/etc/passwd")),
                R.enter(6, [0x1000, 0x2000]), R.exit(6, ret: -2, [0x1000, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/nope")),
                R.enter(80, [0x1000]), R.exit(80, ret: 0, [0x1000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp")),
                R.enter(83, [0x1000, 0o755]), R.exit(83, ret: 0, [0x1000, 0o755]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/d")),
                R.enter(258, [Self.minus100, 0x1000, 0o700]),
                R.exit(258, ret: 0, [Self.minus100, 0x1000, 0o700]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/n")),
                R.enter(84, [0x1000]), R.exit(84, ret: -39, [0x1000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/full")),
                R.enter(87, [0x1000]), R.exit(87, ret: 0, [0x1000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/f")),
                R.enter(263, [Self.minus100, 0x1000, 0x200]),
                R.exit(263, ret: 0, [Self.minus100, 0x1000, 0x200]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/sub")),
                R.enter(82, [0x1000, 0x2000]),
                R.exit(82, ret: 0, [0x1000, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/tmp/a"))
                    .with(SD_CAP_USER_STRING, step: 1, Payload.string("/tmp/b")),
                R.enter(316, [Self.minus100, 0x1000, Self.minus100, 0x2000, 1]),
                R.exit(316, ret: 0, [Self.minus100, 0x1000, Self.minus100, 0x2000, 1])
                    .with(SD_CAP_USER_STRING, step: 0, Payload.string("/a")).with(SD_CAP_USER_STRING, step: 1, Payload.string("/b")),
                R.enter(88, [0x1000, 0x2000]),
                R.exit(88, ret: 0, [0x1000, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("target"))
                    .with(SD_CAP_USER_STRING, step: 1, Payload.string("/tmp/link")),
                R.enter(265, [Self.minus100, 0x1000, Self.minus100, 0x2000, 0x400]),
                R.exit(265, ret: 0, [Self.minus100, 0x1000, Self.minus100, 0x2000, 0x400])
                    .with(SD_CAP_USER_STRING, step: 0, Payload.string("/x")).with(SD_CAP_USER_STRING, step: 1, Payload.string("/y")),
                // A path the driver cannot read: the exit is dropped, as 0.29.3's driver drops it.
                R.exit(87, ret: -14, [0x1000]),
            ],
            [
                "> stat", "< stat res=0 path=/etc/passwd",
                "> lstat", "< lstat res=-2(ENOENT) path=/nope",
                "> chdir", "< chdir res=0 path=/tmp",
                "> mkdir mode=0", "< mkdir res=0 path=/tmp/d",
                "> mkdirat", "< mkdirat res=0 dirfd=-100(AT_FDCWD) path=/tmp/n mode=1C0",
                "> rmdir", "< rmdir res=-39(ENOTEMPTY) path=/tmp/full",
                "> unlink", "< unlink res=0 path=/tmp/f",
                "> unlinkat", "< unlinkat res=0 dirfd=-100(AT_FDCWD) name=/tmp/sub flags=512(AT_REMOVEDIR)",
                "> rename", "< rename res=0 oldpath=/tmp/a newpath=/tmp/b",
                "> renameat2",
                "< renameat2 res=0 olddirfd=-100(AT_FDCWD) oldpath=/a newdirfd=-100(AT_FDCWD) newpath=/b flags=1(RENAME_NOREPLACE)",
                "> symlink", "< symlink res=0 target=target linkpath=/tmp/link",
                "> linkat", "< linkat res=0 olddir=-100(AT_FDCWD) oldpath=/x newdir=-100(AT_FDCWD) newpath=/y flags=1024(AT_SYMLINK_FOLLOW)",
            ])
    }

    func testMemoryWaitsAndSignals() throws {
        try EncoderHarness.check(
            [
                R.enter(9, [0, 4096, 3, 0x22, UInt64.max, 0]),
                R.exit(9, ret: 0x7f00_0000_0000, [0, 4096, 3, 0x22, UInt64.max, 0]).with(SD_CAP_PROCESS, step: 0, Self.process()),
                R.enter(11, [0x7f00_0000_0000, 8192]),
                R.exit(11, ret: 0, [0x7f00_0000_0000, 8192]).with(SD_CAP_PROCESS, step: 0, Self.process()),
                R.enter(12, [0]), R.exit(12, ret: 0x55_0000, [0]).with(SD_CAP_PROCESS, step: 0, Self.process()),
                R.enter(10, [0x7f00_0000_0000, 4096, 5]), R.exit(10, ret: 0, [0x7f00_0000_0000, 4096, 5]),
                R.enter(202, [0x7000, 0x81, 1]), R.exit(202, ret: 0, [0x7000, 0x81, 1]),
                R.enter(35, [0x8000, 0]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(UInt64(1), UInt64(500))), R.exit(35, ret: 0, [0x8000, 0]),
                R.enter(7, [0x9000, 2, 1000]).with(SD_CAP_USER_ARRAY, step: 0, Payload.ints(Int32(3), Int32(1)) + Payload.ints(Int32(4), Int32(4))),
                R.exit(7, ret: 1, [0x9000, 2, 1000])
                    .with(SD_CAP_USER_ARRAY, step: 0, Payload.ints(Int32(3), Int32(0x10001)) + Payload.ints(Int32(4), Int32(4))),
                R.enter(271, [0x1000, 1, 0x2000, 0x3000, 8]).with(SD_CAP_USER_ARRAY, step: 0, Payload.ints(Int32(0), Int32(1)))
                    .with(SD_CAP_USER_FIXED, step: 1, Payload.ints(UInt64(2), UInt64(0)))
                    .with(SD_CAP_USER_FIXED, step: 2, Payload.ints(UInt64(0x4000))),
                R.exit(271, ret: 0, [0x1000, 1, 0x2000, 0x3000, 8]).with(SD_CAP_USER_ARRAY, step: 0, Payload.ints(Int32(0), Int32(1))),
                R.enter(23, [4, 0x1000, 0, 0, 0]), R.exit(23, ret: 1, [4, 0x1000, 0, 0, 0]),
                R.enter(232, [9, 0x1000, 64, UInt64(bitPattern: -1)]), R.exit(232, ret: 1, [9, 0x1000, 64, UInt64(bitPattern: -1)]),
                R.enter(62, [1234, 9]), R.exit(62, ret: 0, [1234, 9]),
                R.enter(200, [101, 10]), R.exit(200, ret: 0, [101, 10]),
                R.enter(234, [100, 101, 2]), R.exit(234, ret: -3, [100, 101, 2]),
                RecordBuilder(kind: SD_RECORD_SIGNAL_DELIVER, tid: 100, ts: 1_000_000_400, args: [55, 15]),
                RecordBuilder(kind: SD_RECORD_PAGE_FAULT, tid: 100, ts: 1_000_000_500, args: [0x7f12, 0x4000, 6]),
                RecordBuilder(kind: SD_RECORD_SCHED_SWITCH, tid: 100, ts: 1_000_000_600, args: [0, 1, 2, 3, 4, 5]),
            ],
            [
                "> mmap addr=0 length=4096 prot=3(PROT_READ|PROT_WRITE) flags=10(MAP_PRIVATE|MAP_ANONYMOUS) fd=-1(EPERM) offset=0",
                "< mmap res=7F0000000000 vm_size=5000 vm_rss=1000 vm_swap=0",
                "> munmap addr=7F0000000000 length=8192", "< munmap res=0 vm_size=5000 vm_rss=1000 vm_swap=0",
                "> brk addr=0", "< brk res=550000 vm_size=5000 vm_rss=1000 vm_swap=0",
                "> mprotect addr=7F0000000000 length=4096 prot=5(PROT_READ|PROT_EXEC)", "< mprotect res=0",
                "> futex addr=7000 op=129(FUTEX_PRIVATE_FLAG|FUTEX_WAKE) val=1", "< futex res=0",
                "> nanosleep interval=1000000500(1s)", "< nanosleep res=0",
                "> poll fds=3:?1 4:?4 timeout=1000", "< poll res=1 fds=3:?1",
                "> ppoll fds=0:?1 timeout=2000000000(2s) sigmask=SIGTERM", "< ppoll res=0 fds=",
                "> select", "< select res=1",
                "> epoll_wait maxevents=64", "< epoll_wait res=1",
                "> kill pid=1234 sig=9(SIGKILL)", "< kill res=0",
                "> tkill tid=101 sig=10(SIGUSR1)", "< tkill res=0",
                "> tgkill pid=100(tester) tid=101 sig=2(SIGINT)", "< tgkill res=-3(ESRCH)",
                "> signaldeliver spid=55 dpid=100(tester) sig=15(SIGTERM)",
                "> page_fault addr=7F12 ip=4000 error=22(PAGE_NOT_PRESENT|WRITE_ACCESS|USER_FAULT)",
                "> switch next=0 pgft_maj=1 pgft_min=2 vm_size=3 vm_rss=4 vm_swap=5",
            ])
    }

    func testUsersAndLimits() throws {
        try EncoderHarness.check(
            [
                R.enter(105, [1000]), R.exit(105, ret: 0, [1000]),
                R.enter(106, [50]), R.exit(106, ret: 0, [50]),
                R.enter(117, [1, 2, 3]), R.exit(117, ret: 0, [1, 2, 3]),
                R.enter(97, [7, 0x1000]),
                R.exit(97, ret: 0, [7, 0x1000]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(UInt64(1024), UInt64(524288))),
                R.enter(160, [3, 0x1000]),
                R.exit(160, ret: -1, [3, 0x1000]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(UInt64(10), UInt64(20))),
                R.enter(302, [0, 7, 0, 0x1000]),
                R.exit(302, ret: 0, [0, 7, 0, 0x1000]).with(SD_CAP_USER_FIXED, step: 1, Payload.ints(UInt64(1024), UInt64(4096))),
                R.enter(110, []), R.exit(110, ret: 1),
            ],
            [
                "> setuid uid=1000(<NA>)", "< setuid res=0",
                "> setgid gid=50(<NA>)", "< setgid res=0",
                "> setresuid ruid=1(<NA>) euid=2(<NA>) suid=3(<NA>)", "< setresuid res=0",
                "> getrlimit resource=7(RLIMIT_NOFILE)", "< getrlimit res=0 cur=1024 max=524288",
                "> setrlimit resource=3(RLIMIT_STACK)", "< setrlimit res=-1(EPERM) cur=10 max=20",
                "> prlimit pid=0 resource=7(RLIMIT_NOFILE)", "< prlimit res=0 newcur=-1 newmax=-1 oldcur=1024 oldmax=4096",
                "> getppid", "< getppid",
            ])
    }

    func testProcesses() throws {
        try EncoderHarness.check(
            [
                R.enter(59, [0x1000, 0x2000, 0x3000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/bin/ls")),
                R.exit(59, ret: 0, [0x1000, 0x2000, 0x3000])
                    .with(SD_CAP_PROCESS, step: 0, Self.process(comm: "ls", args: ["-l", "/tmp"], env: ["HOME=/root", "TERM=xterm"])),
                R.enter(59, [0x1000, 0x2000, 0x3000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/nonexistent")),
                R.exit(59, ret: -2, [0x1000, 0x2000, 0x3000]).with(SD_CAP_PROCESS, step: 0, Self.process(comm: "ls"))
                    .with(SD_CAP_USER_ARGV, step: 1, Array("nonexistent\0-x\0".utf8))
                    .with(SD_CAP_USER_ARGV, step: 2, Array("A=1\0".utf8)),
                R.enter(56, [0x1200011, 0, 0, 0, 0]),
                R.exit(56, ret: 101, [0x1200011, 0, 0, 0, 0]).with(SD_CAP_PROCESS, step: 0, Self.process(comm: "ls", args: ["a"])),
                R.exit(56, ret: 0, [0x1200011, 0, 0, 0, 0], tid: 101)
                    .with(SD_CAP_PROCESS, step: 0, Self.process(tid: 101, ptid: 100, comm: "ls", args: ["a"])),
                R.enter(57, []),
                R.exit(57, ret: 0, [], tid: 102).with(SD_CAP_PROCESS, step: 0, Self.process(tid: 102, ptid: 100, comm: "ls", args: ["a"])),
                R.enter(435, [0x1000, 88]),
                R.exit(435, ret: 103, [0x1000, 88]).with(SD_CAP_PROCESS, step: 0, Self.process(comm: "ls", args: ["a"]))
                    .with(SD_CAP_USER_FIXED, step: 1, Payload.ints(UInt64(0x10f00))),
                RecordBuilder(kind: SD_RECORD_PROCESS_EXIT, tid: 101, ts: 1_000_000_200, ret: 9),
            ],
            [
                "> execve filename=/bin/ls",
                "< execve res=0 exe=ls args=-l./tmp. tid=100(ls) pid=100(ls) ptid=1 cwd= fdlimit=1024 pgft_maj=1 pgft_min=200 vm_size=5000 vm_rss=1000 vm_swap=0 comm=ls cgroups= env=HOME=/root.TERM=xterm. tty=0 pgid=100(ls) loginuid=-1 flags=0",
                "> execve filename=/nonexistent",
                "< execve res=-2(ENOENT) exe=nonexistent args=-x. tid=100(ls) pid=100(ls) ptid=1 cwd= fdlimit=1024 pgft_maj=1 pgft_min=200 vm_size=5000 vm_rss=1000 vm_swap=0 comm=ls cgroups= env=A=1. tty=0 pgid=100(ls) loginuid=-1 flags=0",
                "> clone",
                "< clone res=101(ls) exe=ls args=a. tid=100(ls) pid=100(ls) ptid=1 cwd= fdlimit=1024 pgft_maj=1 pgft_min=200 vm_size=5000 vm_rss=1000 vm_swap=0 comm=ls cgroups= flags=25165824(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID) uid=0 gid=0 vtid=100(ls) vpid=100(ls)",
                "< clone res=0 exe=ls args=a. tid=101(ls) pid=101(ls) ptid=100(ls) cwd= fdlimit=1024 pgft_maj=1 pgft_min=200 vm_size=5000 vm_rss=1000 vm_swap=0 comm=ls cgroups= flags=25165824(CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID) uid=0 gid=0 vtid=101(ls) vpid=101(ls)",
                "> fork",
                "< fork res=0 exe=ls args=a. tid=102(ls) pid=102(ls) ptid=100(ls) cwd= fdlimit=1024 pgft_maj=1 pgft_min=200 vm_size=5000 vm_rss=1000 vm_swap=0 comm=ls cgroups= flags=0 uid=0 gid=0 vtid=102(ls) vpid=102(ls)",
                "> clone3",
                "< clone3 res=103(ls) exe=ls args=a. tid=100(ls) pid=100(ls) ptid=1 cwd= fdlimit=1024 pgft_maj=1 pgft_min=200 vm_size=5000 vm_rss=1000 vm_swap=0 comm=ls cgroups= flags=43011(CLONE_FILES|CLONE_FS|CLONE_SIGHAND|CLONE_THREAD|CLONE_VM) uid=0 gid=0 vtid=100(ls) vpid=100(ls)",
                "> procexit status=9 ret=0 sig=9(SIGKILL) core=0",
            ])
    }

    func testQueuesPairsAndSemaphores() throws {
        try EncoderHarness.check(
            [
                R.enter(43, [4, 0x1000, 0x2000]),
                R.exit(43, ret: 5, [4, 0x1000, 0x2000]).with(SD_CAP_SOCKET, step: 0, Self.tcp)
                    .with(SD_CAP_SOCKET_BACKLOG, step: 1, Payload.ints(UInt32(3), UInt32(128))),
                R.enter(53, [1, 1, 0, 0x1000]),
                R.exit(53, ret: 0, [1, 1, 0, 0x1000]).with(SD_CAP_USER_FIXED, step: 0, Payload.ints(Int32(10), Int32(11)))
                    .with(SD_CAP_SOCKET_AT, step: 1, Payload.socketUnix(sk: 0xffff_8880_0000_1000, peer: 0xffff_8880_0000_2000, path: "")),
                R.enter(65, [7, 0x1000, 1]),
                R.exit(65, ret: 0, [7, 0x1000, 1]).with(SD_CAP_USER_ARRAY, step: 0, Payload.ints(UInt16(2), UInt16(0xFFFF), UInt16(0x1000))),
                R.enter(66, [7, 0, 16, 5]), R.exit(66, ret: 0, [7, 0, 16, 5]),
                R.enter(66, [7, 0, 0, 5]), R.exit(66, ret: 0, [7, 0, 0, 5]),
                R.enter(64, [0x1234, 2, 0x3B6]), R.exit(64, ret: 7, [0x1234, 2, 0x3B6]),
            ],
            [
                "> accept",
                "< accept fd=5(<4t>10.0.0.2:5555->10.0.0.1:8080) tuple=10.0.0.2:5555->10.0.0.1:8080 queuepct=2 queuelen=3 queuemax=128",
                "> socketpair domain=1(AF_LOCAL) type=1 proto=0",
                "< socketpair res=0 fd1=10(<u>) fd2=11(<u>) source=FFFF888000001000 peer=FFFF888000002000",
                "> semop semid=7",
                "< semop res=0 nsops=1 sem_num_0=2 sem_op_0=-1 sem_flg_0=2(SEM_UNDO) sem_num_1=0 sem_op_1=0 sem_flg_1=0",
                "> semctl semid=7 semnum=0 cmd=4096(SETVAL) val=5", "< semctl res=0",
                "> semctl semid=7 semnum=0 cmd=4(IPC_RMID) val=0", "< semctl res=0",
                "> semget key=1234 nsems=2 semflg=8192(IPC_CREAT)", "< semget res=7",
            ])
    }

    func testQuotactl() throws {
        let getQuota: UInt64 = 0x8000_0700, getInfo: UInt64 = 0x8000_0501, quotaOn: UInt64 = 0x8000_0200
        let dqblk = Payload.ints(UInt64(100), UInt64(90), UInt64(4096), UInt64(10), UInt64(9), UInt64(3), UInt64(0), UInt64(0))
            + Payload.ints(UInt32(0x7), UInt32(0))
        try EncoderHarness.check(
            [
                R.enter(179, [getQuota, 0x1000, 1000, 0x2000]),
                R.exit(179, ret: 0, [getQuota, 0x1000, 1000, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/dev/sda1"))
                    .with(SD_CAP_USER_STRING, step: 1, []).with(SD_CAP_USER_FIXED, step: 2, dqblk),
                R.enter(179, [getInfo, 0x1000, 0, 0x2000]),
                R.exit(179, ret: 0, [getInfo, 0x1000, 0, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/dev/sda1"))
                    .with(SD_CAP_USER_FIXED, step: 2, Payload.ints(UInt64(604800), UInt64(7200)) + Payload.ints(UInt32(1), UInt32(7))),
                R.enter(179, [quotaOn, 0x1000, 2, 0x2000]),
                R.exit(179, ret: 0, [quotaOn, 0x1000, 2, 0x2000]).with(SD_CAP_USER_STRING, step: 0, Payload.string("/dev/sda1"))
                    .with(SD_CAP_USER_STRING, step: 1, Payload.string("/aquota.user")),
            ],
            [
                "> quotactl cmd=32(Q_GETQUOTA) type=1(USRQUOTA) id=1000 quota_fmt=1(QFMT_NOT_USED)",
                "< quotactl res=0 special=/dev/sda1 quotafilepath= dqb_bhardlimit=100 dqb_bsoftlimit=90 dqb_curspace=4096 dqb_ihardlimit=10 dqb_isoftlimit=9 dqb_btime=0(0s) dqb_itime=0(0s) dqi_bgrace=0(0s) dqi_igrace=0(0s) dqi_flags=0 quota_fmt_out=1(QFMT_NOT_USED)",
                "> quotactl cmd=8(Q_GETINFO) type=2(GRPQUOTA) id=0 quota_fmt=1(QFMT_NOT_USED)",
                "< quotactl res=0 special=/dev/sda1 quotafilepath= dqb_bhardlimit=0 dqb_bsoftlimit=0 dqb_curspace=0 dqb_ihardlimit=0 dqb_isoftlimit=0 dqb_btime=0(0s) dqb_itime=0(0s) dqi_bgrace=604800(0.0006048s) dqi_igrace=7200(7.2e-06s) dqi_flags=1(DQF_NONE) quota_fmt_out=1(QFMT_NOT_USED)",
                "> quotactl cmd=1(Q_QUOTAON) type=1(USRQUOTA) id=0 quota_fmt=4(QFMT_VFS_V0)",
                "< quotactl res=0 special=/dev/sda1 quotafilepath=/aquota.user dqb_bhardlimit=0 dqb_bsoftlimit=0 dqb_curspace=0 dqb_ihardlimit=0 dqb_isoftlimit=0 dqb_btime=0(0s) dqb_itime=0(0s) dqi_bgrace=0(0s) dqi_igrace=0(0s) dqi_flags=0 quota_fmt_out=1(QFMT_NOT_USED)",
            ])
    }
}
