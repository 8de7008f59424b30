// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

@testable import SwiftdigCapture

/// The snapshot's readers on a made-up /proc: the fields of one thread, cgroups (v1 and v2), the
/// socket tables, open flags, and the libscap 0.29.3 quirks they keep.
@Suite struct SnapshotParsingTests {
    /// A temporary folder standing for /proc, removed by ``remove()``.
    final class FakeProc {
        let root: String
        init() {
            var template = Array("/tmp/swiftdig-fakeproc-XXXXXX".utf8CString)
            _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
            root = String(cString: template.map { UInt8(bitPattern: $0) })
        }
        func file(_ path: String, _ bytes: [UInt8]) {
            makeParents(path)
            let fd = open(root + "/" + path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        func file(_ path: String, _ text: String) { file(path, Array(text.utf8)) }
        func link(_ path: String, to target: String) {
            makeParents(path)
            symlink(target, root + "/" + path)
        }
        private func makeParents(_ path: String) {
            var prefix = root
            for part in path.split(separator: "/").dropLast() {
                prefix += "/" + part
                mkdir(prefix, 0o700)
            }
        }
        func remove() { _ = SnapshotSupport.shell("rm -rf '\(root)'") }
    }

    @Test func threadFields() throws {
        let proc = FakeProc()
        defer { proc.remove() }
        proc.file("filesystems", "nodev\tproc\nnodev\tcgroup\nnodev\tcgroup2\n")
        proc.link("42/exe", to: "/usr/bin/true")
        proc.link("42/cwd", to: "/tmp")
        proc.link("42/root", to: "/")
        proc.file("42/cmdline", [UInt8]("/usr/bin/true\0-a\0b c\0".utf8))
        proc.file("42/environ", [UInt8]("A=1\0B=2\0".utf8))
        proc.file(
            "42/status",
            """
            Name:\tmy prog
            Umask:\t0022
            Tgid:\t42
            PPid:\t7
            Uid:\t1000\t1001\t1001\t1001
            Gid:\t2000\t2001\t2001\t2001
            NStgid:\t42\t3
            NSpid:\t42\t3
            NSpgid:\t40\t1
            VmSize:\t    3920 kB
            VmRSS:\t    2228 kB
            VmSwap:\t      12 kB

            """)
        proc.file("42/stat", "42 (my (prog)) S 7 40 39 34816 40 4194304 104 0 5 0 0 0\n")
        proc.file("42/cgroup", "2:cpu,cpuacct:/a\n0::/user.slice\n")
        proc.file("42/loginuid", "4294967295")
        proc.file(
            "42/limits",
            "Limit                     Soft Limit           Hard Limit           Units\nMax open files            1024                 524288               files\n"
        )
        let scanner = ProcessScanner(procRoot: proc.root)
        let thread = try #require(scanner.thread(tid: 42, dir: proc.root + "/42/"))
        #expect(thread.pid == 42 && thread.ptid == 7 && thread.sid == 39 && thread.vpgid == 1)
        #expect(thread.comm == "my")  // sscanf("%s") stops at the blank
        #expect(thread.exe == "/usr/bin/true" && thread.exepath == "/usr/bin/true")
        #expect(thread.args == ByteString(Array("-a\0b c\0".utf8)))
        #expect(thread.env == ByteString(Array("A=1\0B=2\0".utf8)))
        #expect(thread.cwd == "/tmp" && thread.root == "/")
        #expect(thread.uid == 1001 && thread.gid == 2001)
        #expect(thread.vtid == 3 && thread.vpid == 3)
        #expect(thread.vmsizeKB == 3920 && thread.vmrssKB == 2228 && thread.vmswapKB == 12)
        #expect(thread.pfMinor == 104 && thread.pfMajor == 5)
        #expect(thread.fdlimit == 1024 && thread.flags == 0 && thread.loginUID == 0xFFFF_FFFF)
        // cgroup v2: the unified line stands for cpu, memory and cpuset and keeps its newline.
        #expect(
            thread.cgroups
                == ByteString(
                    Array(
                        "cpu=/a\0cpuacct=/a\0cpu=/user.slice\n\0memory=/user.slice\n\0cpuset=/user.slice\n\0".utf8)))

        // A thread of another process: thread and shared-files flags; no exe, a command line: kept.
        proc.file("42/loginuid", "1000\n")
        proc.file("filesystems", "nodev\tcgroup\n")
        let v1 = ProcessScanner(procRoot: proc.root)
        unlink(proc.root + "/42/exe")
        let other = try #require(v1.thread(tid: 43, dir: proc.root + "/42/"))
        #expect(other.flags == CloneFlag.thread | CloneFlag.files && other.exepath.isEmpty && other.loginUID == 1000)
        #expect(other.cgroups == ByteString(Array("cpu=/a\0cpuacct=/a\0".utf8)))
        // No loginuid file (a kernel without audit): -1.
        unlink(proc.root + "/42/loginuid")
        #expect(v1.thread(tid: 43, dir: proc.root + "/42/")?.loginUID == 0xFFFF_FFFF)
        // No exe and an empty command line: a kernel thread, left out.
        proc.file("42/cmdline", [])
        #expect(v1.thread(tid: 42, dir: proc.root + "/42/") == nil)
    }

    @Test func fdsByWhatTheyLinkTo() throws {
        let proc = FakeProc()
        defer { proc.remove() }
        proc.file("files/data", "x")
        mkdir(proc.root + "/files/dir", 0o700)
        mkfifo(proc.root + "/files/fifo", 0o600)
        proc.link("42/fd/3", to: proc.root + "/files/data")
        proc.file("42/fdinfo/3", "pos:\t0\nflags:\t02102002\nmnt_id:\t25\n")
        proc.link("42/fd/4", to: proc.root + "/files/dir")
        proc.link("42/fd/5", to: proc.root + "/files/fifo")
        proc.link("42/fd/6", to: proc.root + "/files/gone")
        var scanner = FDScanner(procRoot: proc.root)
        let (fds, complete) = scanner.scan(dir: proc.root + "/42/")
        #expect(complete)
        let inode = { (path: String) -> UInt64 in
            var info = stat()
            stat(proc.root + "/files/" + path, &info)
            return UInt64(info.st_ino)
        }
        #expect(
            fds.sorted { $0.fd < $1.fd } == [
                FDRecord(
                    fd: 3, ino: inode("data"), type: .fileV2,
                    details: .file(
                        openFlags: 3 | 8 | 1 << 12, name: ByteString(proc.root + "/files/data"), dev: 0)),
                FDRecord(
                    fd: 4, ino: inode("dir"), type: .directory, details: .name(ByteString(proc.root + "/files/dir"))),
                FDRecord(fd: 5, ino: inode("fifo"), type: .fifo, details: .name(ByteString(proc.root + "/files/fifo"))),
            ])
        // A process without an fd folder: nothing, and its threads are not scanned.
        #expect(scanner.scan(dir: proc.root + "/43/").complete == false)
    }

    @Test func commandLinesAndEnvironments() {
        #expect(ProcessScanner.splitCommandLine([]) == ([], []))
        // A command line rewritten without NULs has no arguments.
        #expect(ProcessScanner.splitCommandLine(Array("nginx: worker".utf8)) == (Array("nginx: worker".utf8), []))
        #expect(ProcessScanner.splitCommandLine(Array("a\0".utf8)) == (Array("a".utf8), []))
        #expect(ProcessScanner.environment(Array("A=1\0B".utf8)) == Array("A=1\0\0".utf8))
    }

    @Test func socketTables() throws {
        let proc = FakeProc()
        defer { proc.remove() }
        let header =
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
        proc.file(
            "net/tcp",
            header
                + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 100 1 0000000000000000 100 0 0 10 0\n"
                + "   1: 0100007F:ADF4 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 101 1 0000000000000000 20 4 30 10 -1\n"
        )
        proc.file(
            "net/udp",
            header
                + " 5218: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 102 2 0000000000000000 0\n"
        )
        proc.file("net/raw", header)
        proc.file(
            "net/unix",
            "Num       RefCount Protocol Flags    Type St Inode Path\n"
                + "000000002cf7bf2c: 00000003 00000000 00000000 0001 03 200 /run/a.sock\n"
                + "00000000514e92c4: 00000003 00000000 00000000 0001 03 201\n")
        proc.file(
            "net/netlink",
            "sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
                + "0000000052b91a44 0   0          00000000 0        0        0     2        0        300\n")
        proc.file(
            "net/tcp6",
            "  sl  local_address                         remote_address                        st\n"
                + "   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 400 1 0000000000000000 100 0 0 10 0\n"
                + "   1: B80D0120000000000000000003000000:04D2 B80D0120000000000000000004000000:D485 01 00000000:00000000 00:00000000 00000000     0        0 401 1 0000000000000000 20 4 30 10 -1\n"
        )
        proc.file("net/udp6", header)
        proc.file("net/raw6", header)
        let table = try #require(SocketTable(netDirectory: proc.root + "/net/"))
        let loopback: UInt32 = 0x0100_007F
        let tcp = L4Proto.tcp.rawValue
        #expect(table.sockets[100]?.details == .ipv4Server(ip: loopback, port: 8080, l4Protocol: tcp))
        #expect(
            table.sockets[101]?.details
                == .ipv4Socket(
                    sourceIP: loopback, destinationIP: loopback, sourcePort: 0xADF4, destinationPort: 8080,
                    l4Protocol: tcp))
        #expect(table.sockets[102]?.details == .ipv4Server(ip: 0, port: 68, l4Protocol: L4Proto.udp.rawValue))
        // The path keeps the line's newline; a socket without a path has an empty name.
        #expect(
            table.sockets[200]?.details
                == .unixSocket(source: 0x2cf7_bf2c, destination: 0, name: ByteString(Array("/run/a.sock\n".utf8))))
        #expect(table.sockets[201]?.details == .unixSocket(source: 0x514e_92c4, destination: 0, name: ""))
        // Netlink sockets are listed as unix sockets without data.
        #expect(table.sockets[300]?.type == .unixSocket)
        #expect(table.sockets[300]?.details == .unixSocket(source: 0, destination: 0, name: ""))
        let any = IPv6Address(high: 0, low: 1)
        #expect(table.sockets[400]?.details == .ipv6Server(ip: any, port: 8080, l4Protocol: tcp))
        let client = IPv6Address(high: 0x2001_0db8_0000_0000, low: 4),
            server = IPv6Address(high: 0x2001_0db8_0000_0000, low: 3)
        #expect(
            table.sockets[401]?.details
                == .ipv6Socket(
                    sourceIP: server, destinationIP: client, sourcePort: 1234, destinationPort: 0xD485, l4Protocol: tcp)
        )
        #expect(table.sockets.count == 8)
    }

    @Test func openFlags() {
        // O_RDWR | O_APPEND | O_LARGEFILE | O_CLOEXEC, as fdinfo shows a file opened with them.
        #expect(OpenFlagTable.ppmFlags(0o2_102_002) == 3 | 8 | 1 << 12)
        #expect(OpenFlagTable.ppmFlags(0) == 1)
        #expect(OpenFlagTable.ppmFlags(1 | 0o4000) == 2 | 1 << 6)
        // O_SYNC includes O_DSYNC's bit: both flags, as libscap's masks give.
        #expect(OpenFlagTable.ppmFlags(0o4_010_000) == 1 | 1 << 4 | 1 << 7)
    }
}
