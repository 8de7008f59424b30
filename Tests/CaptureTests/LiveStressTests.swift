// SPDX-License-Identifier: Apache-2.0
import Foundation
import XCTest

/// `swiftdig -w` capturing a machine under stress (threads making system calls at full speed, a
/// storm of short-lived processes with threads, processes exiting mid-capture):
/// - SIGINT or SIGTERM at a random moment leaves a file that swiftdig and sysdig read to the end;
/// - drops, when there are any, are counted (`-v`) and reported in a warning line at the end;
/// - a disk that fills up ends the capture with one error line and a readable file.
/// Root tests: they skip (with the reason) where live capture is not possible, and fail in CI.
final class LiveStressTests: LiveCaptureTestCase {
    static var executable: String { SnapshotSupport.swiftdigExecutable ?? "swiftdig" }
    /// The checkout, found from this file's path.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    override func setUpWithError() throws {
        try super.setUpWithError()
        let built = shell("cc -O2 -pthread -o '\(work)/process-storm' '\(Self.root)/Scripts/process-storm.c' 2>&1")
        XCTAssertEqual(built.status, 0, built.output)
    }

    /// Shell lines that start the stress in the background: two threads' worth of `dd` making
    /// one-byte system calls, and a storm of processes with two threads each. `stop_stress` ends it.
    var stress: String {
        """
        dd if=/dev/zero of=/dev/null bs=1 count=50000000 2>/dev/null & d1=$!
        dd if=/dev/zero of=/dev/null bs=1 count=50000000 2>/dev/null & d2=$!
        '\(work)/process-storm' 1000000 2 & storm=$!
        stop_stress() { kill $d1 $d2 $storm 2>/dev/null; wait $d1 $d2 $storm 2>/dev/null; }
        """
    }

    /// Checks that swiftdig and sysdig read `path` to its end without error, with the same events.
    func assertReadable(_ path: String, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        let ours = shell("'\(Self.executable)' -r '\(path)' -q -S 2>&1; echo status=$?")
        XCTAssertTrue(ours.output.hasSuffix("status=0\n"), "\(context): swiftdig: \(ours.output.suffix(300))", file: file, line: line)
        guard SnapshotSupport.hasSysdig else { return }
        let theirs = shell("'\(SnapshotSupport.sysdigPath)' -r '\(path)' -q -S 2>&1; echo status=$?")
        XCTAssertTrue(theirs.output.hasSuffix("status=0\n"), "\(context): sysdig: \(theirs.output.suffix(300))", file: file, line: line)
        let count = { (text: String) -> Int in
            text.split(separator: "\n").dropFirst(3).compactMap { Int($0.split(separator: " ").last ?? "") }.reduce(0, +)
        }
        XCTAssertEqual(count(ours.output), count(theirs.output), "\(context): events read", file: file, line: line)
        XCTAssertGreaterThan(count(ours.output), 0, "\(context): no events", file: file, line: line)
    }

    func testStopAtARandomMomentLeavesAReadableFile() throws {
        for gzip in [false, true] {
            for signal in ["INT", "TERM"] {
                let path = work + "/stop.scap"
                let delay = Double.random(in: 0.1...2.0)
                let context = "SIG\(signal) after \(String(format: "%.2f", delay)) s\(gzip ? ", -z" : "")"
                let run = shell("""
                    rm -f '\(path)'
                    \(stress)
                    '\(Self.executable)' -w '\(path)' \(gzip ? "-z" : "") -v 2>'\(work)/err' & pid=$!
                    while [ ! -e '\(path)' ]; do sleep 0.01; done
                    sleep \(delay)
                    kill -\(signal) $pid; wait $pid; echo status=$?
                    stop_stress
                    """)
                let err = shell("cat '\(work)/err'").output
                XCTAssertTrue(run.output.contains("status=0"), "\(context): \(run.output) \(err)")
                assertReadable(path, context)
                // Drops are counted, and a run that had any says so at the end.
                let drops = err.split(separator: "\n").first { $0.hasPrefix("Driver Drops:") }
                XCTAssertNotNil(drops, "\(context): \(err)")
                let warned = err.contains("swiftdig: warning: the driver dropped ")
                XCTAssertEqual(warned, drops != "Driver Drops:0", "\(context): \(err)")
            }
        }
    }

    func testFullDiskEndsWithOneErrorAndAReadableFile() throws {
        for gzip in [false, true] {
            let mount = work + "/mnt"
            shell("mkdir -p '\(mount)'")
            let run = shell("""
                unshare -m sh -c "mount -t tmpfs -o size=2m swiftdig-full '\(mount)' || exit 99
                \(stress.replacingOccurrences(of: "$", with: "\\$"))
                timeout 120 '\(Self.executable)' -w '\(mount)/live.scap' \(gzip ? "-z" : "") 2>'\(work)/err'
                echo status=\\$?
                stop_stress
                cp '\(mount)/live.scap' '\(work)/live.scap'"
                """)
            if run.output.isEmpty && run.status == 99 { throw XCTSkip("cannot mount a tmpfs here") }
            let err = shell("cat '\(work)/err'").output
            let context = "full disk\(gzip ? ", -z" : "")"
            XCTAssertTrue(run.output.contains("status=1\n"), "\(context): \(run.output) \(err)")
            let errors = err.split(separator: "\n").filter { $0.hasPrefix("swiftdig: ") && !$0.contains("warning") }
            XCTAssertEqual(errors.count, 1, "\(context): \(err)")
            XCTAssertTrue(errors.first?.contains("live.scap: offset ") ?? false, "\(context): \(err)")
            XCTAssertTrue(errors.first?.contains("No space left on device") ?? false, "\(context): \(err)")
            assertReadable(work + "/live.scap", context)
        }
    }
}
