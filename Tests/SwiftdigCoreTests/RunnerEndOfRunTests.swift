// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// How a run ends, for files as for live captures: `-M` (a duration of events), `-v`'s counters,
/// and Ctrl-C while writing, which must leave a whole capture.
@Suite struct RunnerEndOfRunTests {
    /// `-M N` stops where sysdig stops (it counts from the first event read, shown or not).
    @Test(arguments: ["curl_google", "single_ipv6_conn", "test_ipv6_client"])
    func durationMatchesSysdig(_ name: String) throws {
        guard let exe = RunnerTests.executable,
            let dir = SharedCaptures.directoryWithSysdig("-M comparisons")
        else { return }
        let work = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(work) }
        for seconds in [1, 5, 100] {
            let ours = RunnerTests.run(exe, "-r \(dir)/\(name).scap -M \(seconds)", in: work)
            let theirs = ScapTestSupport.shell("TZ=UTC \(SharedCaptures.sysdig) -r \(dir)/\(name).scap -M \(seconds)")
            #expect(ours.status == 0)
            #expect(ours.stdout == theirs.output, "\(name) -M \(seconds): \(SharedCaptures.firstDifference(ours.stdout, theirs.output))")
        }
        let zero = RunnerTests.run(exe, "-r \(dir)/\(name).scap -M 0", in: work)
        #expect(zero.status != 0)
        #expect(String(decoding: zero.stderr, as: UTF8.self) == "invalid duration0\n")
    }

    /// `-v` ends with sysdig's counter lines on standard error.
    @Test func verboseCounters() throws {
        guard let run = try RunnerTests.runGood("-v -q") else { return }
        #expect(run.status == 0)
        let lines = String(decoding: run.stderr, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.prefix(3) == ["Driver Events:0", "Driver Drops:0", "Suppressed by Comm:0"])
        #expect(lines.last?.hasPrefix("Elapsed time: ") == true)
        #expect(lines.last?.contains(", Captured Events: 6, ") == true)
        #expect(lines.last?.hasSuffix(" eps") == true)
    }

    /// SIGINT in the middle of `-w -z` ends the run with a complete gzip stream that reads to its
    /// last event without error.
    @Test func interruptedWriteLeavesAReadableCapture() throws {
        guard let exe = RunnerTests.executable, let dir = SharedCaptures.directory else {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            return
        }
        let work = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(work) }
        let big = work + "/big.scap"
        let replicate = ScapTestSupport.packageRoot + "/../shared/tools/replicate-scap.py"
        _ = ScapTestSupport.shell("python3 '\(replicate)' '\(dir)/curl_google.scap' '\(big)' 400 >/dev/null")
        let out = work + "/out.scap.gz"
        // 600,000 events take seconds in a debug build: the signal comes in the middle, once the
        // output exists (the handler is in place by then; a background job starts with SIGINT
        // ignored).
        let result = ScapTestSupport.shell(
            "'\(exe)' -r '\(big)' -w '\(out)' -z 2>/dev/null & pid=$!; "
                + "while [ ! -e '\(out)' ]; do sleep 0.05; done; sleep 0.2; kill -INT $pid; wait $pid; echo status=$?")
        let text = String(decoding: result.output, as: UTF8.self)
        #expect(text.contains("status=0"), "\(text)")
        #expect(ScapTestSupport.shell("gzip -t '\(out)'").status == 0)
        var options = TextDump.Options()
        options.quiet = true
        let events = try TextDump.run(path: out, options: options)
        #expect(events > 0 && events < 614_400, "\(events) events written")
    }
}
