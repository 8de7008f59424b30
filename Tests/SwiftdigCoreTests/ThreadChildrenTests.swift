// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// Threads of the capture's process list count as children of their main thread, as libsinsp
/// counts them once the list is in: a main thread that exits before its threads stays in the table.
@Suite struct ThreadChildrenTests {
    @Test func mainThreadWithListedThreadsOutlivesItsExit() throws {
        let dir = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(dir) }
        let path = dir + "/threads.scap"
        var main = ScapSamples.thread(10)
        main.flags = 0
        var worker = ScapSamples.thread(11)
        worker.pid = 10
        worker.flags = CloneFlag.thread
        let read: UInt16 = EventCode.readX - 1
        let fd = ScapSamples.int64
        try ScapSamples.writeCapture(
            to: path, threads: [main, worker], fds: nil,
            events: [
                .init(type: EventCode.procexitE, tid: 10, params: []),
                .init(type: read, tid: 11, params: [fd(1), [10, 0, 0, 0]]),  // the removal is due here
                .init(type: read, tid: 10, params: [fd(1), [10, 0, 0, 0]]),
            ])
        let ours = String(decoding: try SharedCaptures.dump(path, TextDump.Options()), as: UTF8.self)
        #expect(ours.split(separator: "\n").last?.contains(" curl (10) > read ") == true, "\(ours)")
        if let sysdig = CaptureWriterTests.sysdigOutput(path) {
            #expect(String(decoding: sysdig, as: UTF8.self) == ours)
        } else {
            #expect(!SharedCaptures.inCI, "sysdig is not installed: cannot compare")
        }
    }
}
