// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCapture
import SwiftdigCore
import Testing

/// The /proc snapshot: this process's own records against what it knows it opened, a file made of
/// the snapshot read by sysdig 0.29.3 and by swiftdig alike, and the time a whole-machine snapshot
/// takes.
@Suite(.serialized) struct SnapshotTests {
    static let loopback: UInt32 = 0x0100_007F
    static let tcp = L4Proto.tcp.rawValue
    static let udp = L4Proto.udp.rawValue

    @Test func ourProcessThreadsAndFDs() throws {
        let fixtures = SnapshotFixtures()
        defer { fixtures.close() }
        let snapshot = try SystemSnapshot.take()
        let pid = Int64(getpid())
        #expect(snapshot.fds.count == snapshot.processes.threads.count)
        #expect(snapshot.fds.map(\.tid) == snapshot.processes.threads.map(\.tid))
        #expect(snapshot.blocks.count == 4 + snapshot.fds.count)

        let main = try #require(snapshot.processes.threads.first { $0.tid == pid })
        let cmdline = SnapshotSupport.read("/proc/self/cmdline")
        let argv0 = Array(cmdline.prefix { $0 != 0 })
        #expect(main.pid == pid)
        #expect(main.ptid == Int64(getppid()))
        #expect(main.comm.bytes == SnapshotSupport.read("/proc/self/comm").filter { $0 != 10 })
        #expect(main.exe.bytes == argv0)
        #expect(main.args.bytes == Array(cmdline.dropFirst(argv0.count + 1)))
        #expect(main.exepath.string == SnapshotSupport.link("/proc/self/exe"))
        #expect(main.cwd.string == SnapshotSupport.link("/proc/self/cwd"))
        #expect(main.root.string == "/")
        #expect(main.flags == 0)
        #expect(main.uid == geteuid() && main.gid == getegid())
        #expect(main.vtid == pid && main.vpid == pid)
        #expect(main.sid == Int64(getsid(0)))
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        #expect(main.fdlimit == Int64(bitPattern: UInt64(limit.rlim_cur)))
        #expect(main.vmsizeKB > 0 && main.vmrssKB > 0)
        #expect(main.env.bytes.last == 0)
        #expect(main.loginUID != nil && main.exeWritable != nil)

        // The second thread: same process, its own record, flags of a thread sharing the fd table.
        let thread = try #require(snapshot.processes.threads.first { $0.tid == fixtures.threadTID })
        #expect(thread.pid == pid)
        #expect(thread.flags == CloneFlag.thread | CloneFlag.files)
        #expect(thread.exepath == main.exepath && thread.args == main.args)
        #expect(snapshot.fds.first { $0.tid == fixtures.threadTID }?.fds.isEmpty == true)

        let fds = try #require(snapshot.fds.first { $0.tid == pid }).fds
        func record(_ fd: Int32) -> FDRecord? { fds.first { $0.fd == Int64(fd) } }
        let ino = SnapshotFixtures.inode
        // O_CREAT is not kept in the open file's flags; PPM_O_RDWR | PPM_O_APPEND.
        #expect(
            record(fixtures.file)
                == FDRecord(
                    fd: Int64(fixtures.file), ino: ino(fixtures.file), type: .fileV2,
                    details: .file(openFlags: 3 | 8, name: ByteString(fixtures.filePath), dev: 0)))
        #expect(
            record(fixtures.listener)
                == FDRecord(
                    fd: Int64(fixtures.listener), ino: ino(fixtures.listener), type: .ipv4ServerSocket,
                    details: .ipv4Server(ip: Self.loopback, port: fixtures.port, l4Protocol: Self.tcp)))
        #expect(
            record(fixtures.client)
                == FDRecord(
                    fd: Int64(fixtures.client), ino: ino(fixtures.client), type: .ipv4Socket,
                    details: .ipv4Socket(
                        sourceIP: Self.loopback, destinationIP: Self.loopback, sourcePort: fixtures.clientPort,
                        destinationPort: fixtures.port, l4Protocol: Self.tcp)))
        #expect(
            record(fixtures.accepted)
                == FDRecord(
                    fd: Int64(fixtures.accepted), ino: ino(fixtures.accepted), type: .ipv4Socket,
                    details: .ipv4Socket(
                        sourceIP: Self.loopback, destinationIP: Self.loopback, sourcePort: fixtures.port,
                        destinationPort: fixtures.clientPort, l4Protocol: Self.tcp)))
        #expect(
            record(fixtures.udp)
                == FDRecord(
                    fd: Int64(fixtures.udp), ino: ino(fixtures.udp), type: .ipv4ServerSocket,
                    details: .ipv4Server(ip: Self.loopback, port: fixtures.udpPort, l4Protocol: Self.udp)))
        for end in [fixtures.unixPair.0, fixtures.unixPair.1] {
            let unix = try #require(record(end))
            #expect(unix.type == .unixSocket && unix.ino == ino(end))
            guard case let .unixSocket(_, destination, name) = unix.details else {
                Issue.record("fd \(end) is \(unix.details)")
                continue
            }
            #expect(destination == 0 && name.isEmpty)
        }
        let pipeIno = ino(fixtures.pipe.read)
        #expect(
            record(fixtures.pipe.read)
                == FDRecord(
                    fd: Int64(fixtures.pipe.read), ino: pipeIno, type: .fifo,
                    details: .name(ByteString("pipe:[\(pipeIno)]"))))
        #expect(record(fixtures.pipe.write)?.type == .fifo)
        // As libscap's: the directories being read show among the scanner's own fds.
        let directories = fds.filter { $0.type == .directory }.map(\.details)
        #expect(directories.contains(.name("/proc")) && directories.contains(.name(ByteString("/proc/\(pid)/fd"))))
        #expect(
            record(fixtures.event)
                == FDRecord(
                    fd: Int64(fixtures.event), ino: ino(fixtures.event), type: .event, details: .name("")))
    }

    /// The snapshot and one `close` enter event per fixture fd, read by sysdig and by swiftdig:
    /// both print the same process and fd names.
    @Test func sysdigAndSwiftdigReadTheSnapshotAlike() throws {
        let fixtures = SnapshotFixtures()
        defer { fixtures.close() }
        let snapshot = try SystemSnapshot.take()
        let path = fixtures.directory + "/snapshot.scap"
        defer { unlink(path) }
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try snapshot.write(to: writer)
        let fds = [
            fixtures.file, fixtures.listener, fixtures.client, fixtures.accepted, fixtures.udp, fixtures.unixPair.0,
            fixtures.pipe.read, fixtures.pipe.write, fixtures.event,
        ]
        var ts = SnapshotSupport.now()
        for fd in fds {
            ts += 1000
            try SnapshotSupport.writeCloseEnter(writer, ts: ts, tid: Int64(getpid()), fd: Int64(fd))
        }
        // The other thread shares the process's fd table.
        try SnapshotSupport.writeCloseEnter(writer, ts: ts + 1000, tid: fixtures.threadTID, fd: Int64(fixtures.client))
        try writer.close()

        let format =
            "%thread.tid %proc.pid %proc.name %proc.exe %proc.args %proc.cwd %fd.num %fd.type %fd.typechar %fd.name"
        let filter = "proc.pid=\(getpid())"
        var options = TextDump.Options()
        options.format = format
        options.filter = try Filter(compiling: filter)
        let ours = try SnapshotSupport.textDump(path, options)
        let expected = "\(fixtures.clientPort)->127.0.0.1:\(fixtures.port)"
        #expect(ours.contains("127.0.0.1:\(expected)"), "\(ours)")
        #expect(ours.contains("\(fixtures.threadTID) \(getpid()) "), "\(ours)")
        #expect(ours.split(separator: "\n").count == fds.count + 1)
        guard let theirs = SnapshotSupport.sysdig(path, format: format, filter: filter) else { return }
        #expect(ours == theirs)
    }

    static func milliseconds(_ value: Double) -> String { String(Int(value.rounded())) }

    /// A snapshot of the whole machine: every thread has its fd list, sysdig opens the file, and
    /// how long it takes is printed.
    @Test func wholeMachine() throws {
        let start = SnapshotSupport.now(), cpuBefore = SnapshotSupport.cpuTimes()
        let snapshot = try SystemSnapshot.take()
        let elapsed = Double(SnapshotSupport.now() - start) / 1e6
        let cpuAfter = SnapshotSupport.cpuTimes()
        let fdCount = snapshot.fds.reduce(0) { $0 + $1.fds.count }
        print(
            "snapshot of the whole machine: \(snapshot.processes.threads.count) threads, \(fdCount) fds, "
                + "\(snapshot.users?.users.count ?? 0) users, \(snapshot.interfaces.ipv4.count)+\(snapshot.interfaces.ipv6.count) "
                + "addresses in \(Self.milliseconds(elapsed)) ms (user \(Self.milliseconds(cpuAfter.user - cpuBefore.user)) ms, "
                + "system \(Self.milliseconds(cpuAfter.system - cpuBefore.system)) ms)")
        #expect(snapshot.processes.threads.contains { $0.tid == Int64(getpid()) })
        #expect(snapshot.interfaces.ipv4.contains { $0.address == Self.loopback && $0.name == "lo" })
        #expect(snapshot.users?.users.contains { $0.uid == 0 && $0.name == "root" } == true)
        #expect(snapshot.machine.numCPUs > 0 && snapshot.machine.memorySizeBytes > 0)

        let path = "/tmp/swiftdig-snapshot-\(getpid()).scap"
        defer { if getenv("KEEP_SNAPSHOT") == nil { unlink(path) } }
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try snapshot.write(to: writer)
        // sysdig refuses a file without events.
        try SnapshotSupport.writeCloseEnter(writer, ts: SnapshotSupport.now(), tid: Int64(getpid()), fd: 0)
        try writer.close()
        let inspector = try Inspector(path: path)
        try inspector.run { _ in true }
        #expect(inspector.state.threads.count == snapshot.processes.threads.count)
        // Both list the same open fds of every process (sorted: each prints a process's fds in
        // the order of its own hash table).
        guard SnapshotSupport.hasSysdig, let swiftdig = SnapshotSupport.swiftdigExecutable else { return }
        let theirs = SnapshotSupport.shell("TZ=UTC /usr/bin/sysdig -r '\(path)' -c lsof 2>&1")
        let ours = SnapshotSupport.shell("TZ=UTC '\(swiftdig)' -r '\(path)' -c lsof 2>&1")
        #expect(theirs.status == 0 && ours.status == 0)
        let sorted = { (text: [UInt8]) in String(decoding: text, as: UTF8.self).split(separator: "\n").sorted() }
        #expect(sorted(ours.output) == sorted(theirs.output))
        #expect(sorted(theirs.output).count > snapshot.processes.threads.count / 2)
    }
}
