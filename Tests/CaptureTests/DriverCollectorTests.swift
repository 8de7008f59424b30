// SPDX-License-Identifier: Apache-2.0
import Foundation
import Synchronization
import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// The collectors DriverProbeTests does not reach: iovecs, message headers, files, fixed and
/// array user memory, sockaddrs behind a length pointer, unix sockets, ignored calls, signals
/// and page faults.
final class DriverCollectorTests: XCTestCase {
    static let poll = 7, readv = 19, writev = 20, getpidNumber = 39, sendmsg = 46, recvmsg = 47
    static let fstat = 5, connect = 42, newfstatat = 262, ppoll = 271, accept4 = 288, pipe2 = 293

    static let script = """
        import os, socket, select, signal, sys, json
        d = sys.argv[1]
        r, w = os.pipe()
        os.writev(w, [b"abc", b"defg"])
        os.readv(r, [bytearray(3), bytearray(10)])
        p = select.poll()
        p.register(r, select.POLLIN)
        p.poll(0)
        s1, s2 = socket.socketpair()
        s1.sendmsg([b"hello", b"msg"])
        s2.recvmsg(100)
        fd = os.open(os.path.join(d, "f"), os.O_CREAT | os.O_WRONLY, 0o644)
        st = os.fstat(fd)
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        cli = socket.socket()
        cli.connect(srv.getsockname())
        conn, addr = srv.accept()
        u = socket.socket(socket.AF_UNIX)
        u.bind(os.path.join(d, "sock"))
        u.listen(1)
        c = socket.socket(socket.AF_UNIX)
        c.connect(os.path.join(d, "sock"))
        os.getpid()
        signal.signal(signal.SIGUSR1, lambda *a: None)
        os.kill(os.getpid(), signal.SIGUSR1)
        print(json.dumps({"r": r, "w": w, "fd": fd, "ino": st.st_ino, "dev": st.st_dev, "mode": st.st_mode, "peer": addr[1]}))
        """

    /// What the workload printed about itself.
    struct Facts: Decodable {
        let r: Int32, w: Int32, fd: Int64, ino: UInt64, dev: UInt32, mode: UInt32, peer: Int
    }

    private static let run = Mutex<(WorkloadCapture, Facts)?>(nil)

    private func capture() throws -> (WorkloadCapture, Facts) {
        try requireLiveCapture()
        return try Self.run.withLock { run in
            if let run { return run }
            let fromRet = UInt32(SD_IOV_LEN_FROM_RET)
            let file = capturePlan(exit: [captureStep(SD_CAP_FILE, arg: 0)])
            let pollfds = capturePlan(enter: [captureStep(SD_CAP_USER_ARRAY, arg: 0, lenArg: 1, size: 8)])
            let plans: [(syscall: Int, plan: sd_syscall_plan)] = [
                (Self.writev, capturePlan(enter: [captureStep(SD_CAP_IOVEC, arg: 1, lenArg: 2)])),
                (Self.readv, capturePlan(exit: [captureStep(SD_CAP_IOVEC, arg: 1, lenArg: 2, size: fromRet)])),
                (Self.sendmsg, capturePlan(enter: [captureStep(SD_CAP_MSGHDR, arg: 1)])),
                (Self.recvmsg, capturePlan(exit: [
                    captureStep(SD_CAP_MSGHDR, arg: 1, size: fromRet), captureStep(SD_CAP_SOCKET, arg: 0),
                ])),
                (Self.fstat, file), (Self.newfstatat, file), (Self.poll, pollfds), (Self.ppoll, pollfds),
                (Self.pipe2, capturePlan(exit: [captureStep(SD_CAP_USER_FIXED, arg: 0, size: 8)])),
                (Self.accept4, capturePlan(exit: [
                    captureStep(SD_CAP_SOCKADDR_LENPTR, arg: 1, lenArg: 2), captureStep(SD_CAP_FILE, arg: SD_ARG_RET),
                ])),
                (Self.getpidNumber, capturePlan(flags: UInt32(SD_PLAN_IGNORE))),
                (Self.connect, capturePlan(exit: [captureStep(SD_CAP_SOCKET, arg: 0)])),
            ]
            let capture = try WorkloadCapture.run(python: Self.script, plans: plans, settings: DriverSettings(ignoredProcess: getpid()))
            let facts = try JSONDecoder().decode(Facts.self, from: Data(capture.output.utf8))
            run = (capture, facts)
            return (capture, facts)
        }
    }

    func testWritevGathersItsIovecs() throws {
        let (run, _) = try capture()
        let data = try XCTUnwrap(run.enters(Self.writev).first?.chunks.first?.data)
        XCTAssertEqual(data.count, 8 + 7)
        XCTAssertEqual(Array(data[0..<8]).load(as: UInt64.self), 7, "the total of all iov_len")
        XCTAssertEqual(Array(data[8...]), Array("abcdefg".utf8))
    }

    func testReadvGathersOnlyWhatWasRead() throws {
        let (run, _) = try capture()
        let exit = try XCTUnwrap(run.exits(Self.readv).first)
        XCTAssertEqual(exit.header.ret, 7)
        let data = try XCTUnwrap(exit.chunks.first?.data)
        XCTAssertEqual(Array(data[0..<8]).load(as: UInt64.self), 13, "the buffers' total size")
        XCTAssertEqual(Array(data[8...]), Array("abcdefg".utf8), "only the bytes read")
    }

    func testMessageHeadersAndUnixSockets() throws {
        let (run, _) = try capture()
        let sent = try XCTUnwrap(run.enters(Self.sendmsg).first?.chunks.first?.data)
        let info = sent.load(as: sd_msghdr_info.self)
        XCTAssertEqual(info.total, 8)
        XCTAssertEqual(info.namelen, 0)
        XCTAssertEqual(Array(sent[MemoryLayout<sd_msghdr_info>.size...]), Array("hellomsg".utf8))

        let received = try XCTUnwrap(run.exits(Self.recvmsg).first)
        XCTAssertEqual(received.header.ret, 8)
        XCTAssertEqual(received.chunks.count, 2)
        XCTAssertEqual(received.chunks[0].data.load(as: sd_msghdr_info.self).total, 100)
        XCTAssertEqual(Array(received.chunks[0].data[MemoryLayout<sd_msghdr_info>.size...]), Array("hellomsg".utf8))
        let socket = received.chunks[1].data.load(as: sd_socket_info.self)
        XCTAssertEqual(socket.family, 1, "AF_UNIX")
        XCTAssertNotEqual(socket.sk, 0)
        XCTAssertNotEqual(socket.peer, 0)
        XCTAssertNotEqual(socket.sk, socket.peer)
    }

    func testUnixSocketNamesThePeersPath() throws {
        let (run, _) = try capture()
        let connects = run.exits(Self.connect).compactMap { $0.chunks.first?.data }.filter { !$0.isEmpty }
        let unix = try XCTUnwrap(connects.map { $0.load(as: sd_socket_info.self) }.first { $0.family == 1 })
        let path = withUnsafeBytes(of: unix.unix_path) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        XCTAssertEqual(path, run.directory + "/sock", "an unbound client shows its peer's path")
        XCTAssertNotEqual(unix.peer, 0)
    }

    func testFileInfoMatchesStat() throws {
        let (run, facts) = try capture()
        let stats = (run.exits(Self.fstat) + run.exits(Self.newfstatat)).filter {
            Int64(bitPattern: $0.arg(0)) == facts.fd && $0.chunks.first?.data.isEmpty == false
        }
        let info = try XCTUnwrap(stats.first?.chunks.first?.data).load(as: sd_file_info.self)
        XCTAssertEqual(info.ino, facts.ino)
        XCTAssertEqual(info.dev, facts.dev)
        XCTAssertEqual(info.mode, facts.mode)
        XCTAssertEqual(Int32(info.flags) & O_ACCMODE, O_WRONLY)
    }

    func testFixedAndArrayUserMemory() throws {
        let (run, facts) = try capture()
        let pipe = try XCTUnwrap(run.exits(Self.pipe2).first { $0.header.ret == 0 })
        XCTAssertEqual(pipe.chunks.first?.data, withUnsafeBytes(of: (facts.r, facts.w)) { Array($0) })
        let polls = (run.enters(Self.poll) + run.enters(Self.ppoll)).compactMap { $0.chunks.first?.data }
        let fds = try XCTUnwrap(polls.first { $0.count == 8 })
        XCTAssertEqual(Array(fds[0..<4]).load(as: Int32.self), facts.r, "struct pollfd's fd")
    }

    func testAcceptReadsTheAddressLengthThroughItsPointer() throws {
        let (run, _) = try capture()
        let accept = try XCTUnwrap(run.exits(Self.accept4).first { $0.header.ret >= 0 })
        let address = try XCTUnwrap(accept.chunks.first?.data)
        XCTAssertEqual(address.count, 16)
        XCTAssertEqual(accept.chunks.count, 2)
        XCTAssertEqual(accept.chunks[1].data.load(as: sd_file_info.self).mode & 0o170000, 0o140000, "a socket")
    }

    func testAcceptedPeerPort() throws {
        let (run, facts) = try capture()
        let address = try XCTUnwrap(run.exits(Self.accept4).first { $0.header.ret >= 0 }?.chunks.first?.data)
        XCTAssertEqual(Int(address[2]) << 8 | Int(address[3]), facts.peer)
    }

    func testIgnoredCallsEmitNothing() throws {
        let (run, _) = try capture()
        XCTAssertTrue(run.records.allSatisfy { !($0.kind == SD_RECORD_SYSCALL_ENTER || $0.kind == SD_RECORD_SYSCALL_EXIT) || Int($0.header.nr) != Self.getpidNumber })
        XCTAssertFalse(run.records.isEmpty)
    }

    func testSignalDeliveryNamesSenderAndSignal() throws {
        let (run, _) = try capture()
        let signals = run.records.filter { $0.kind == SD_RECORD_SIGNAL_DELIVER && $0.arg(1) == UInt64(SIGUSR1) }
        XCTAssertEqual(signals.first?.arg(0), UInt64(run.workloadPID))
    }

    func testRecordsStopAtTheScratchLimitAndSaySo() throws {
        try requireLiveCapture()
        // Three 64 KiB buffers of one write do not fit a 128 KiB record: the second is cut short,
        // the third has no room for its chunk header.
        let buffer = captureStep(SD_CAP_USER_BUFFER, arg: 1, lenArg: 2)
        let run = try WorkloadCapture.run(
            python: "import os\nfd = os.open('/dev/null', os.O_WRONLY)\nos.write(fd, b'z' * 70000)",
            plans: [(1, capturePlan(enter: [buffer, buffer, buffer]))],
            settings: DriverSettings(snaplen: DriverSettings.maximumSnaplen, ignoredProcess: getpid())
        )
        let write = try XCTUnwrap(run.enters(1).first { $0.arg(2) == 70000 })
        XCTAssertEqual(write.header.len, 128 << 10)
        XCTAssertEqual(write.header.flags & UInt32(SD_RECORD_TRUNCATED), UInt32(SD_RECORD_TRUNCATED))
        // 128 KiB, less the 96-byte header, the first chunk (8 + 65535 + 1 of padding) and the
        // second chunk's header.
        XCTAssertEqual(write.chunks.map(\.data.count), [65535, 65424])
        XCTAssertTrue(write.chunks.allSatisfy { $0.data.allSatisfy { $0 == UInt8(ascii: "z") } })
        XCTAssertGreaterThanOrEqual(run.counters.dropsScratch, 1)
    }

    func testPollHandsOutAtMostItsBatchLimit() throws {
        try requireLiveCapture()
        let probe = try makeLiveProbe(settings: DriverSettings(ignoredProcess: getpid()), plans: [])
        probe.pollBatchLimit = 5
        try probe.start()
        // A child's thousands of system calls (ours are ignored), whatever else the machine does.
        XCTAssertEqual(system("dd if=/dev/zero of=/dev/null bs=1 count=2000 2>/dev/null"), 0)
        probe.stop()
        // The driver counts events: two for an exit record that carries its enter.
        var seen = 0, events: UInt64 = 0
        func count(_ record: UnsafeRawBufferPointer) {
            let flags = record.loadUnaligned(fromByteOffset: 84, as: UInt32.self)
            events += flags & UInt32(SD_RECORD_WITH_ENTER) != 0 ? 2 : 1
        }
        let first = try probe.poll(timeoutMs: 0) { seen += 1; count($0) }
        // The poll stops after the ring-buffer sample that reaches the limit: a cpu's batch holds
        // at most 16 KiB of records of at least 96 bytes.
        XCTAssertGreaterThanOrEqual(first, 5, "dd alone writes thousands of records")
        XCTAssertLessThan(first, 5 + (1 << 14) / 96)
        XCTAssertEqual(seen, first)
        probe.pollBatchLimit = 1 << 20
        var rest = 0
        while try probe.poll(timeoutMs: 0, { rest += 1; count($0) }) > 0 {}
        XCTAssertGreaterThan(rest, 0, "the records past the limit were left for the next poll")
        XCTAssertEqual(events, probe.counters().events)
        // Every cpu's ring buffer was emptied: the probe vouches for everything up to the last pass.
        XCTAssertGreaterThan(probe.orderedUpTo, 0)
    }

    func testPageFaultsOnlyWhenAsked() throws {
        try requireLiveCapture()
        let (run, _) = try capture()
        XCTAssertFalse(run.records.contains { $0.kind == SD_RECORD_PAGE_FAULT })
        let faults = try WorkloadCapture.run(
            python: "pass", plans: [], settings: DriverSettings(ignoredProcess: getpid(), pageFaults: true)
        )
        let fault = try XCTUnwrap(faults.records.first { $0.kind == SD_RECORD_PAGE_FAULT })
        XCTAssertNotEqual(fault.arg(0), 0, "the faulting address")
        XCTAssertNotEqual(fault.arg(1), 0, "the instruction pointer")
    }
}
