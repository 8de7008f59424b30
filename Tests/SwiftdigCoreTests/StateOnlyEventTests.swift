// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// Events a capture marks state-only (`SCAP_DF_STATE_ONLY`, as `-w FILE filter` writes the events the
/// filter dropped but readers need) are parsed, then hidden as a rejected event is: libsinsp returns
/// before its event cleanup, so a state-only exit leaves its thread's stored enter event in place.
@Suite struct StateOnlyEventTests {
    /// A shell's child redirecting stdout (`fcntl(1, F_DUPFD, 10)`, `close(1)`, `fcntl(12, F_SETFD)`)
    /// with only the following read shown: the state-only F_DUPFD exit keeps its enter, the F_SETFD
    /// exit pairs with it and dups fd 12 onto its result, 0. sysdig 0.29.3 then names fd 0 after
    /// fd 1 (a file), not as the pipe it was.
    @Test func stateOnlyExitKeepsTheStoredEnterEvent() throws {
        let dir = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(dir) }
        let path = dir + "/state-only.scap"
        let stateOnly: UInt32 = 1
        let fd = ScapSamples.int64
        try ScapSamples.writeCapture(
            to: path, threads: [ScapSamples.thread(10)], fds: FDList(tid: 10, fds: Array(ScapSamples.fds.prefix(2))),
            events: [
                .init(type: EventCode.fcntlE, tid: 10, params: [fd(1), [1]], flags: stateOnly),  // F_DUPFD
                .init(type: EventCode.fcntlX, tid: 10, params: [fd(12)], flags: stateOnly),
                .init(type: EventCode.fcntlE, tid: 10, params: [fd(12), [3]], flags: stateOnly),  // F_SETFD: not stored
                .init(type: EventCode.fcntlX, tid: 10, params: [fd(0)], flags: stateOnly),
                .init(type: EventCode.readX - 1, tid: 10, params: [fd(0), [100, 0, 0, 0]]),
            ])

        let ours = String(decoding: try SharedCaptures.dump(path, TextDump.Options()), as: UTF8.self)
        #expect(ours.hasSuffix("> read fd=0(<f>/dev/pts/0) size=100 \n"), "\(ours)")
        #expect(ours.split(separator: "\n").count == 1, "\(ours)")
        if let sysdig = CaptureWriterTests.sysdigOutput(path) {
            #expect(String(decoding: sysdig, as: UTF8.self) == ours)
        } else {
            #expect(!SharedCaptures.inCI, "sysdig is not installed: cannot compare")
        }
    }
}
