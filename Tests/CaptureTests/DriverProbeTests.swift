// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization
import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// Runs the driver over a known workload (a python3 script that opens, writes, fails, connects
/// on loopback, forks and execs) and checks the raw records, decoded through the header's structs.
final class DriverProbeTests: XCTestCase {
    // x86_64 system call numbers of the plans below.
    static let write = 1, connect = 42, clone = 56, execve = 59, openat = 257, clone3 = 435

    /// The capture all tests look at, made once.
    private static let run = Mutex<LiveRun?>(nil)

    private func capture() throws -> LiveRun {
        try requireLiveCapture()
        return try Self.run.withLock { run in
            if let run { return run }
            let made = try LiveRun.make()
            run = made
            return made
        }
    }

    func testOpenatHasItsPathAndDescriptor() throws {
        let run = try capture()
        let opens = run.exits(Self.openat).filter { $0.chunks.first?.data == Array((run.openedPath + "\0").utf8) }
        XCTAssertEqual(opens.count, 1, "one openat exit with the test file's path")
        XCTAssertGreaterThanOrEqual(opens.first?.header.ret ?? -1, 0, "openat returned a descriptor")
        XCTAssertEqual(opens.first?.chunks.first?.kind, UInt16(SD_CAP_USER_STRING.rawValue))
    }

    func testFailedSyscallHasNegativeErrno() throws {
        let run = try capture()
        let failed = run.exits(Self.openat).filter {
            $0.chunks.first?.data == Array("/nonexistent-swiftdig/none\0".utf8)
        }
        XCTAssertEqual(failed.first?.header.ret, -Int64(ENOENT))
    }

    func testWriteBufferIsCutAtSnaplen() throws {
        let run = try capture()
        let marker = Array("swiftdig-write-marker:".utf8)
        let writes = run.enters(Self.write).filter { $0.chunks.first.map { $0.data.starts(with: marker) } ?? false }
        XCTAssertEqual(writes.count, 1)
        guard let write = writes.first else { return }
        XCTAssertEqual(write.arg(2), 222, "the full length is the argument")
        XCTAssertEqual(write.chunks[0].data.count, Int(LiveRun.snaplen), "the buffer is cut at snaplen")
        XCTAssertEqual(write.chunks[0].data, marker + Array(repeating: UInt8(ascii: "x"), count: Int(LiveRun.snaplen) - marker.count))
    }

    func testLoopbackConnectHasBothEnds() throws {
        let run = try capture()
        let connects = run.exits(Self.connect).filter { $0.header.ret == 0 }
        XCTAssertEqual(connects.count, 1)
        guard let connect = connects.first, connect.chunks.count == 2 else {
            return XCTFail("connect exit with a sockaddr and a socket chunk")
        }
        let address = connect.chunks[0].data
        XCTAssertEqual(address.count, 16, "a sockaddr_in")
        XCTAssertEqual(Array(address[0..<2]), [2, 0], "AF_INET")
        XCTAssertEqual(Int(address[2]) << 8 | Int(address[3]), run.port)
        let socket = connect.chunks[1].data.load(as: sd_socket_info.self)
        XCTAssertEqual(socket.family, 2)
        XCTAssertEqual(socket.type, 1, "SOCK_STREAM")
        XCTAssertEqual(socket.protocol, 6, "IPPROTO_TCP")
        XCTAssertEqual(Int(socket.remote_port), run.port)
        XCTAssertNotEqual(socket.local_port, 0)
        XCTAssertEqual(Array(withUnsafeBytes(of: socket.local_addr) { $0.prefix(4) }), [127, 0, 0, 1])
        XCTAssertEqual(Array(withUnsafeBytes(of: socket.remote_addr) { $0.prefix(4) }), [127, 0, 0, 1])
    }

    func testForkedChildExecsWithItsProcessInfo() throws {
        let run = try capture()
        let execs = run.exits(Self.execve).filter { $0.header.ret == 0 && $0.header.pid != run.workloadPID }
        guard let exec = execs.first(where: { $0.chunks.first?.data.count ?? 0 > MemoryLayout<sd_process_info>.size }) else {
            return XCTFail("an execve exit of the forked child with process info")
        }
        let child = exec.header.pid
        let info = exec.chunks[0].data.load(as: sd_process_info.self)
        let strings = try ProcessStrings(exec.chunks[0].data)
        XCTAssertEqual(info.pid, child)
        XCTAssertEqual(info.ptid, UInt32(run.workloadPID), "the parent is the python workload")
        XCTAssertEqual(strings.exe, "sh")
        XCTAssertEqual(strings.args, ["-c", "exit 3", "swiftdig-arg"])
        XCTAssertEqual(strings.cwd, run.directory)
        XCTAssertEqual(strings.exePath, run.shellPath)
        XCTAssertTrue(strings.env.contains("SWIFTDIG_TEST_ENV=1"))
        XCTAssertEqual(withUnsafeBytes(of: info.comm) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }, "sh")
        var shell = stat()
        XCTAssertEqual(stat(run.shellPath, &shell), 0)
        XCTAssertEqual(info.exe_ino, UInt64(shell.st_ino))
        XCTAssertEqual(info.exe_mtime, UInt64(shell.st_mtim.tv_sec) * 1_000_000_000 + UInt64(shell.st_mtim.tv_nsec))
        XCTAssertEqual(info.exe_ctime, UInt64(shell.st_ctim.tv_sec) * 1_000_000_000 + UInt64(shell.st_ctim.tv_nsec))
        XCTAssertEqual(info.uid, getuid())
        XCTAssertNotEqual(info.cap_effective, 0, "root's capabilities")
        XCTAssertGreaterThan(info.vm_size_kb, 0)
        XCTAssertGreaterThan(info.fdlimit, 0)
        let writable = info.flags & UInt32(SD_PROC_EXE_WRITABLE) != 0
        XCTAssertEqual(writable, access(run.shellPath, W_OK) == 0, "root owns the shell: writable unless read-only")

        // The fork: the child's own clone exit returns 0, and the fork record names the parent.
        let forks = run.records.filter { $0.kind == SD_RECORD_FORK_CHILD && $0.header.pid == child }
        XCTAssertEqual(forks.first?.arg(0), UInt64(run.workloadPID))
        let childClone = run.records.filter {
            $0.kind == SD_RECORD_SYSCALL_EXIT && $0.header.pid == child
                && [Self.clone, Self.clone3].contains(Int($0.header.nr))
        }
        XCTAssertEqual(childClone.first?.header.ret, 0)
        XCTAssertTrue(run.records.contains { $0.kind == SD_RECORD_EXEC && $0.header.pid == child })

        // Its exit: `exit 3`, as wait(2) sees it.
        let exits = run.records.filter { $0.kind == SD_RECORD_PROCESS_EXIT && $0.header.pid == child }
        XCTAssertEqual(exits.last?.header.ret, 3 << 8)
    }

    func testSchedSwitchRecordsArrive() throws {
        let run = try capture()
        XCTAssertTrue(run.records.contains { $0.kind == SD_RECORD_SCHED_SWITCH })
    }

    func testOwnProcessIsIgnoredAndCountersCount() throws {
        let run = try capture()
        XCTAssertEqual(run.ownRecords, 0, "no record of the capturing process")
        XCTAssertGreaterThan(run.counters.events, UInt64(run.records.count) / 2)
        XCTAssertEqual(run.malformed, 0)
    }

    func testMissingObjectIsOneClearLine() throws {
        try requireLiveCapture()
        XCTAssertThrowsError(
            try DriverProbe(objectPath: "/nonexistent/swiftdig.bpf.o", settings: DriverSettings(), plans: [])
        ) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot open the driver object /nonexistent/swiftdig.bpf.o"), "\(error)")
        }
    }
}

/// One capture of the workload above, kept for the tests.
struct LiveRun: @unchecked Sendable {
    static let snaplen: UInt32 = 80

    let capture: WorkloadCapture
    let directory: String
    let port: Int
    var openedPath: String { directory + "/swiftdig-open-test.txt" }
    let shellPath = URL(fileURLWithPath: "/bin/sh").resolvingSymlinksInPath().path

    var records: [RawRecord] { capture.records }
    var workloadPID: Int32 { capture.workloadPID }
    var ownRecords: Int { capture.ownRecords }
    var malformed: Int { capture.malformed }
    var counters: DriverCounters { capture.counters }
    func exits(_ nr: Int) -> [RawRecord] { capture.exits(nr) }
    func enters(_ nr: Int) -> [RawRecord] { capture.enters(nr) }

    static let script = """
        import os, socket, sys
        d = sys.argv[1]
        fd = os.open(os.path.join(d, "swiftdig-open-test.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, b"swiftdig-write-marker:" + b"x" * 200)
        os.close(fd)
        try:
            os.open("/nonexistent-swiftdig/none", os.O_RDONLY)
        except OSError:
            pass
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        port = srv.getsockname()[1]
        cli = socket.socket()
        cli.connect(("127.0.0.1", port))
        conn, _ = srv.accept()
        pid = os.fork()
        if pid == 0:
            os.chdir(d)
            os.execve("/bin/sh", ["sh", "-c", "exit 3", "swiftdig-arg"], {"SWIFTDIG_TEST_ENV": "1"})
        os.waitpid(pid, 0)
        print(port)
        """

    static func make() throws -> LiveRun {
        let plans: [(syscall: Int, plan: sd_syscall_plan)] = [
            (DriverProbeTests.openat, capturePlan(exit: [captureStep(SD_CAP_USER_STRING, arg: 1)])),
            (DriverProbeTests.write, capturePlan(enter: [captureStep(SD_CAP_USER_BUFFER, arg: 1, lenArg: 2)])),
            (DriverProbeTests.connect, capturePlan(exit: [
                captureStep(SD_CAP_SOCKADDR, arg: 1, lenArg: 2), captureStep(SD_CAP_SOCKET, arg: 0),
            ])),
            (DriverProbeTests.execve, capturePlan(exit: [captureStep(SD_CAP_PROCESS)])),
            (DriverProbeTests.clone, capturePlan(exit: [captureStep(SD_CAP_PROCESS)])),
            (DriverProbeTests.clone3, capturePlan(exit: [captureStep(SD_CAP_PROCESS)])),
        ]
        let capture = try WorkloadCapture.run(
            python: script, plans: plans, settings: DriverSettings(snaplen: snaplen, ignoredProcess: getpid())
        )
        return LiveRun(
            capture: capture, directory: capture.directory,
            port: Int(capture.output.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        )
    }
}
