// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// The parameters the encoder reads from /proc at encode time, checked on this test process.
final class EncoderProcTests: XCTestCase {
    /// The parameter values of an encoded event (16-bit lengths).
    static func params(_ event: [UInt8]) -> [[UInt8]] {
        let n = Int(event.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 22, as: UInt32.self) })
        var offset = 26 + 2 * n
        return (0..<n).map { i in
            let length = Int(event.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 26 + 2 * i, as: UInt16.self) })
            defer { offset += length }
            return Array(event[offset..<(offset + length)])
        }
    }

    func testPipeInodeComesFromProc() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        defer { close(fds[0]); close(fds[1]) }
        var info = stat()
        XCTAssertEqual(fstat(fds[0], &info), 0)
        let me = UInt32(getpid())
        let record = RecordBuilder.exit(22, ret: 0, [0x1000], tid: me)
            .with(SD_CAP_USER_FIXED, step: 0, Payload.ints(fds[0], fds[1]))
        let events = try EncoderHarness.encode([record.build()])
        let values = Self.params(try XCTUnwrap(events.first).bytes)
        XCTAssertEqual(values.count, 4)
        XCTAssertEqual(values[1], Payload.ints(Int64(fds[0])))
        XCTAssertEqual(values[3], Payload.ints(UInt64(info.st_ino)))
    }

    func testCgroupsComeFromProc() throws {
        let me = UInt32(getpid())
        let record = RecordBuilder.exit(59, ret: 0, [0x1000, 0x2000, 0x3000], tid: me)
            .with(SD_CAP_PROCESS, step: 0, Payload.process(tid: me, pid: me, ptid: 1, comm: "t", exe: "t", args: [], env: []))
        let events = try EncoderHarness.encode([record.build()])
        let cgroups = Self.params(try XCTUnwrap(events.first).bytes)[14]
        let text = String(decoding: cgroups, as: UTF8.self)
        guard (try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) != nil else { return }
        XCTAssertEqual(cgroups.last, 0, text)
        // Every entry is `controller=/path`, in /proc/cgroups order.
        let entries = text.split(separator: "\0")
        XCTAssertFalse(entries.isEmpty)
        for entry in entries {
            XCTAssertTrue(entry.contains("=/"), "\(entry)")
        }
        // A thread that is gone has none.
        let gone = RecordBuilder.exit(59, ret: 0, [0x1000, 0x2000, 0x3000], tid: 0x7FFF_FFF0)
            .with(SD_CAP_PROCESS, step: 0, Payload.process(tid: 1, pid: 1, ptid: 1, comm: "t", exe: "t", args: [], env: []))
        XCTAssertEqual(Self.params(try XCTUnwrap(EncoderHarness.encode([gone.build()]).first).bytes)[14], [])
    }

    func testBootTime() {
        let boot = RecordEncoder.bootTime()
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nowNs = UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        XCTAssertLessThan(boot, nowNs)
        XCTAssertGreaterThan(boot, 1_500_000_000 * 1_000_000_000)  // after 2017
    }
}
