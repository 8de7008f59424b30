// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// The built `swiftdig` executable on bad input: one error line on standard error naming the file
/// (and the offset, once the file is open), the events before the damage on standard output, a
/// failing exit status, and no crash or hang.
@Suite struct RunnerTests {
    /// The `swiftdig` executable built next to this test bundle, or `nil` (after saying why).
    static let executable: String? = {
        var path = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &path, path.count - 1)
        guard n > 0 else { return nil }
        var parts = String(cString: path).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        let candidate = parts.joined(separator: "/") + "/swiftdig"
        guard access(candidate, X_OK) == 0 else {
            print("skipping: no swiftdig executable at \(candidate) (build it with the tests)")
            return nil
        }
        return candidate
    }()

    /// What one run printed and how it ended.
    struct Run {
        var stdout: [UInt8]
        var stderr: [UInt8]
        var status: Int32
        var lines: [Substring] { String(decoding: stdout, as: UTF8.self).split(separator: "\n") }
    }

    /// Runs swiftdig with `arguments` (shell words), for at most 30 seconds (`SWIFTDIG_TEST_TIMEOUT`
    /// seconds when set: a sanitizer build runs several times slower).
    static func run(_ exe: String, _ arguments: String, in directory: String) -> Run {
        let errPath = directory + "/stderr.txt"
        let result = ScapTestSupport.shell(
            "TZ=UTC timeout ${SWIFTDIG_TEST_TIMEOUT:-30} '\(exe)' \(arguments) 2>'\(errPath)'")
        let status = (result.status >> 8) & 0xFF
        return Run(stdout: result.output, stderr: ScapTestSupport.read(errPath), status: status)
    }

    /// A capture with one thread and `count` open-exit events, and the offset of each event block.
    static func capture(_ path: String, events count: Int = 6) throws -> [UInt64] {
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeProcessList(ProcessList(threads: [ScapSamples.thread(42)]))
        for i in 0..<count {
            let event = ScapSamples.event(
                type: EventCode.openX, ts: 1_000_000_000 + UInt64(i),
                params: [[3, 0, 0, 0, 0, 0, 0, 0], Array("/etc/file\(i)\0".utf8), [1, 0, 0, 0], [0xA4, 1, 0, 0]])
            try event.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0) }
        }
        try writer.close()
        var offsets: [UInt64] = []
        let reader = try ScapReader(path: path)
        while let block = try reader.nextBlock() {
            if case let .event(event) = block { offsets.append(event.offset) }
        }
        return offsets
    }

    /// Checks a failed run: `events` lines printed, one error line naming `path` and `fragment`.
    static func expectFailure(_ run: Run, path: String, events: Int, _ fragment: String) {
        #expect(run.status != 0 && run.status != 124, "exit status \(run.status)")
        #expect(run.lines.count == events, "\(run.lines.count) events printed, expected \(events)")
        for (i, line) in run.lines.enumerated() { #expect(line.hasPrefix("\(i + 1) "), "\(line)") }
        let text = String(decoding: run.stderr, as: UTF8.self)
        #expect(text.hasSuffix("\n") && text.filter { $0 == "\n" }.count == 1, "stderr: \(text)")
        #expect(text.contains(path), "stderr: \(text)")
        #expect(text.contains(fragment), "stderr: \(text)")
    }

    /// Runs swiftdig with `options` on the undamaged capture of ``capture(_:events:)``.
    static func runGood(_ options: String) throws -> Run? {
        guard let exe = Self.executable else { return nil }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/good.scap"
        _ = try Self.capture(path)
        return Self.run(exe, "-r '\(path)' \(options)", in: directory)
    }

    @Test func goodCapturePrintsEverything() throws {
        guard let run = try Self.runGood("") else { return }
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        #expect(run.lines.count == 6)
        #expect(run.lines.first == "1 00:00:01.000000000 0 curl (42) < open fd=3(<f>/etc/file0) name=/etc/file0 flags=1(O_RDONLY) mode=0644 ")
    }

    @Test func missingFile() {
        guard let exe = Self.executable else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/absent.scap"
        Self.expectFailure(Self.run(exe, "-r '\(path)'", in: directory), path: path, events: 0, "No such file")
    }

    @Test func notACapture() {
        guard let exe = Self.executable else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/text.scap"
        ScapTestSupport.write(Array("just some text, long enough to look at\n".utf8), to: path)
        Self.expectFailure(Self.run(exe, "-r '\(path)'", in: directory), path: path, events: 0, "offset 0: not a capture")
    }

    /// Runs swiftdig on the capture of ``capture(_:events:)`` after `damage` changed its bytes
    /// (it gets the event block offsets), and checks the failure with ``expectFailure``.
    static func expectFailure(
        events: Int, _ fragment: (_ offsets: [UInt64]) -> String,
        damage: (_ bytes: inout [UInt8], _ offsets: [UInt64]) -> Void
    ) throws {
        guard let exe = Self.executable else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/damaged.scap"
        let offsets = try Self.capture(path)
        var bytes = ScapTestSupport.read(path)
        damage(&bytes, offsets)
        ScapTestSupport.write(bytes, to: path)
        Self.expectFailure(Self.run(exe, "-r '\(path)'", in: directory), path: path, events: events, fragment(offsets))
    }

    @Test func truncatedCapture() throws {
        // Cut in the middle of the fourth event.
        try Self.expectFailure(events: 3, { "offset \($0[3] + 4)" }) { bytes, offsets in
            bytes.removeSubrange((Int(offsets[3]) + 20)...)
        }
    }

    @Test func blockLengthPastTheEnd() throws {
        // The last block's length field says 1 MiB.
        try Self.expectFailure(events: 5, { "offset \($0[5] + 4)" }) { bytes, offsets in
            bytes.withUnsafeMutableBytes {
                $0.storeBytes(of: UInt32(1 << 20).littleEndian, toByteOffset: Int(offsets[5]) + 4, as: UInt32.self)
            }
        }
    }

    @Test func parameterLengthOverflowingItsEvent() throws {
        // The second parameter length of the third event (block header 8, cpu 2, event header 26).
        try Self.expectFailure(events: 2, { "offset \($0[2] + 10): event parameter 1" }) { bytes, offsets in
            bytes.withUnsafeMutableBytes {
                $0.storeBytes(
                    of: UInt16(0xFFF0).littleEndian, toByteOffset: Int(offsets[2]) + 10 + EventHeader.size + 2,
                    as: UInt16.self)
            }
        }
    }

    /// `-P` on a capture of fewer than 10000 events: only the final figure, as sysdig prints it.
    @Test func progressAtTheEnd() throws {
        guard let run = try Self.runGood("-P -q") else { return }
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        #expect(String(decoding: run.stderr, as: UTF8.self) == "\r\r\r100.00\n")
    }
}
