// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// The driver's per-cpu batches (docs/driver.md "Batches"): the records of a cpu that stays busy
/// reach userspace promptly, without the cpu going idle. On a quiet machine only the cpu's flush
/// timer sends them; on a busy one the other tasks' records may fill the batch first.
final class DriverBatchTests: XCTestCase {
    static let write = 1

    func testRecordsOfABusyCpuArriveByTheFlushTimer() throws {
        try requireLiveCapture()
        let probe = try makeLiveProbe(settings: DriverSettings(ignoredProcess: getpid()), plans: [])
        try probe.start()
        defer { probe.stop() }
        // A shell pinned to cpu 0 that writes a line, then spins without a system call: its cpu
        // neither idles nor fills its batch while it runs.
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/taskset")
        child.arguments = ["-c", "0", "/bin/sh", "-c", "echo > /dev/null; while :; do :; done"]
        try child.run()
        defer {
            child.terminate()
            child.waitUntilExit()
        }
        let pid = UInt32(child.processIdentifier)
        var seen = false
        let deadline = Date().addingTimeInterval(0.5)
        while !seen && Date() < deadline {
            _ = try probe.poll(timeoutMs: 10) { record in
                let kind = record.loadUnaligned(fromByteOffset: 12, as: UInt16.self)
                let nr = record.loadUnaligned(fromByteOffset: 14, as: UInt16.self)
                let recordPID = record.loadUnaligned(fromByteOffset: 20, as: UInt32.self)
                if recordPID == pid && kind == UInt16(SD_RECORD_SYSCALL_EXIT.rawValue) && nr == Self.write {
                    seen = true
                }
            }
        }
        XCTAssertTrue(seen, "the spinning shell's write reached userspace within 500 ms")
    }
}
