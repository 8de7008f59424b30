// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// `-w` with `-C`, `-G`, `-e` and `-W`: the file names of sysdig's cycle writer, and files that each
/// read on their own.
@Suite struct CaptureRotationTests {
    /// The names the schedule gives `count` files, switching at every event.
    private func names(_ rotation: CaptureRotation, base: String = "out.scap", count: Int) -> [String] {
        var schedule = RotationSchedule(base: base, rotation: rotation)
        var names = [schedule.currentName]
        var ts: UInt64 = 1_000_000_000_000
        while names.count < count {
            ts += 3_600_000_000_000
            if schedule.startsNewFile(timestamp: ts, bytesWritten: 2_000_000) { names.append(schedule.currentName) }
        }
        return names
    }

    @Test func sizeRotationNumbersFiles() {
        var r = CaptureRotation()
        r.megabytes = 1
        #expect(names(r, count: 3) == ["out.scap0", "out.scap1", "out.scap2"])
        r.fileLimit = 3
        #expect(names(r, count: 4) == ["out.scap0", "out.scap1", "out.scap2", "out.scap0"])
        r.fileLimit = 10
        #expect(names(r, count: 2) == ["out.scap00", "out.scap01"])
    }

    @Test func eventRotationCountsEvents() {
        var r = CaptureRotation()
        r.eventLimit = 2
        var schedule = RotationSchedule(base: "e.scap", rotation: r)
        #expect(schedule.currentName == "e.scap0")
        let switches = (0..<6).map { _ in schedule.startsNewFile(timestamp: 1, bytesWritten: 0) }
        #expect(switches == [false, true, false, true, false, true])
        #expect(schedule.currentName == "e.scap3")
    }

    @Test func timeRotationFromAFileStartsWithSysdigsFirstName() {
        var r = CaptureRotation()
        r.seconds = 60
        #expect(names(r, base: "t-%H.scap", count: 1) == ["first_dump.scap"])
        #expect(names(r, base: "t.scap", count: 2) == ["t.scap0", "t.scap1"])
    }

    /// Every file of a rotated run reads on its own, and together they hold every event once.
    @Test func rotatedFilesHoldEveryEventOnce() throws {
        guard let input = ScapTestSupport.capture("curl_google.scap") else {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            return
        }
        let dir = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(dir) }
        var options = TextDump.Options()
        options.writePath = dir + "/out.scap"
        options.quiet = true
        options.rotation.eventLimit = 500
        try TextDump.run(path: input, options: options)
        var total: UInt64 = 0
        for index in 0..<4 {
            var count = TextDump.Options()
            count.quiet = true
            total += try TextDump.run(path: "\(dir)/out.scap\(index)", options: count)
        }
        #expect(total == 1536)
        #expect(access("\(dir)/out.scap4", F_OK) != 0)
    }
}
