// SPDX-License-Identifier: Apache-2.0
import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// One record per system call: a call that returns without leaving the cpu gets one exit record
/// carrying its entry; a call that blocks has its enter record emitted when it leaves the cpu,
/// before anything it does later.
final class DriverOneRecordTests: XCTestCase {
    static let getppid = 110, clockNanosleep = 230, exitGroup = 231

    func testShortCallsGetOneRecordAndBlockingCallsEnterWhenTheyLeaveTheCpu() throws {
        try requireLiveCapture()
        let run = try WorkloadCapture.run(
            python: "import os, time\nfor _ in range(3): os.getppid()\ntime.sleep(0.05)",
            plans: CapturePlans.all(), settings: DriverSettings(ignoredProcess: getpid()))
        let withEnter = UInt32(SD_RECORD_WITH_ENTER)

        let ppids = run.exits(Self.getppid)
        XCTAssertGreaterThanOrEqual(ppids.count, 3)
        // Preemption between entry and exit can still split a call: most are carried.
        let carried = ppids.filter { $0.header.flags & withEnter != 0 }
        XCTAssertGreaterThanOrEqual(carried.count, 2, "getppid exits carry their entry")
        XCTAssertEqual(run.enters(Self.getppid).count, ppids.count - carried.count)
        for exit in carried {
            XCTAssertGreaterThan(exit.header.enter_ts, 0)
            XCTAssertLessThanOrEqual(exit.header.enter_ts, exit.header.ts)
        }

        // The sleep leaves the cpu: its enter record comes at the switch, before its exit.
        let sleepExit = try XCTUnwrap(run.exits(Self.clockNanosleep).last)
        XCTAssertEqual(sleepExit.header.flags & withEnter, 0)
        let sleepEnter = try XCTUnwrap(run.enters(Self.clockNanosleep).last)
        XCTAssertLessThanOrEqual(sleepEnter.header.ts + 50_000_000, sleepExit.header.ts)
        let enterIndex = try XCTUnwrap(run.records.firstIndex { $0.kind == SD_RECORD_SYSCALL_ENTER && Int($0.header.nr) == Self.clockNanosleep })
        let switchIndex = try XCTUnwrap(run.records[enterIndex...].firstIndex { $0.kind == SD_RECORD_SCHED_SWITCH })
        XCTAssertEqual(switchIndex, enterIndex + 1, "the enter record goes just before the switch that flushed it")

        // exit_group never returns: its enter record is emitted at entry.
        XCTAssertEqual(run.enters(Self.exitGroup).count, 1)
    }
}
