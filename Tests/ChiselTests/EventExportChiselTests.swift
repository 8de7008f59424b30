// SPDX-License-Identifier: Apache-2.0
import Testing

/// The chisels that write the events around what they found to a file through a second run
/// (`around`, and `spy_logs`/`spy_syslog` with `dump_file_name`), against sysdig: what they print,
/// and what the file holds when read back.
///
/// sysdig 0.29.3 writes some of these files with an interface list it cannot read back (`trace
/// file has corrupted interface list`), so the file is checked against what sysdig prints from the
/// capture with the second run's filter; where sysdig's own file reads, against it too.
@Suite struct EventExportChiselTests {
    /// One run: a capture, the chisel and its arguments after the file name, the command line's filter.
    struct Run: Sendable, CustomTestStringConvertible {
        let capture: String
        let chisel: String
        /// The arguments after the file name (`"100"`: the range).
        let rest: String
        let filter: String
        /// The filter that picks the entries the second run writes around (`nil`: none are found).
        let entries: String?
        var testDescription: String { "\(capture) -c \(chisel) '\(rest)' \(filter)" }
    }

    static let runs: [Run] =
        TableChiselTests.captures.flatMap { capture in
            [
                Run(capture: capture, chisel: "around", rest: "100", filter: "evt.type=connect", entries: "evt.type=connect"),
                Run(capture: capture, chisel: "around", rest: "", filter: "evt.type=close and evt.failed=true",
                    entries: "evt.type=close and evt.failed=true"),
                Run(capture: capture, chisel: "around", rest: "5", filter: "proc.name=curl and evt.type=socket",
                    entries: "proc.name=curl and evt.type=socket"),
                // No log lines in these captures: the second run has no filter and copies everything.
                Run(capture: capture, chisel: "spy_logs", rest: "100", filter: "", entries: nil),
                Run(capture: capture, chisel: "spy_syslog", rest: "100 disable_color", filter: "", entries: nil),
            ]
        }

    @Test(arguments: runs)
    func writesTheEventsSysdigWrites(_ run: Run) throws {
        guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable else { return }
        guard let sysdig = Checkout.sysdig else {
            #expect(!Checkout.inCI, "sysdig is not installed: cannot compare \(run.chisel) with it")
            return
        }
        let fixtures = ChiselFixtures(), cache = fixtures.directory + "/cache", folder = fixtures.directory
        let capture = "\(dir)/\(run.capture).scap"
        func command(_ tool: String, _ file: String) -> String {
            "cd '\(folder)' && '\(tool)' -r '\(capture)' -c \(run.chisel) '\(file)\(run.rest.isEmpty ? "" : " " + run.rest)' \(run.filter.isEmpty ? "" : "'\(run.filter)'")"
        }
        let ours = Checkout.shell(command(swiftdig, "ours.scap"), cache: cache)
        let theirs = Checkout.shell(command(sysdig, "theirs.scap"), cache: cache)
        #expect(ours.status == theirs.status, "\(ours.err)")
        #expect(ours.out == theirs.out.replacing("theirs.scap", with: "ours.scap"))

        // What the file must hold: the events of the entries' threads within the range of them.
        let range = run.rest.split(separator: " ").first.map(String.init) ?? "1000"
        var filter = ""
        if let entries = run.entries {
            let terms = Checkout.shell(
                "'\(sysdig)' -r '\(capture)' -p '(evt.around[%evt.rawtime]=\(range) and thread.tid=%thread.tid)' '\(entries)'",
                cache: cache)
            filter = terms.out.split(separator: "\n").joined(separator: " or ")
        }
        let expected = Checkout.shell("'\(sysdig)' -r '\(capture)' \(filter.isEmpty ? "" : "'\(filter)'")", cache: cache)
        let written = Checkout.shell("'\(sysdig)' -r '\(folder)/ours.scap'", cache: cache)
        #expect(written.status == 0, "\(written.err)")
        // The file holds fewer events than the capture: event numbers differ, the rest may not.
        #expect(Self.withoutNumbers(written.out) == Self.withoutNumbers(expected.out))
        let sysdigs = Checkout.shell("'\(sysdig)' -r '\(folder)/theirs.scap'", cache: cache)
        if sysdigs.status == 0 { #expect(written.out == sysdigs.out) }
    }

    /// The lines of `text` without their first word (`evt.num`).
    static func withoutNumbers(_ text: String) -> [Substring] {
        text.split(separator: "\n").map { line in line.drop { $0 != " " } }
    }

    /// Without a filter, `around` has nothing to look for: sysdig's message, status 1.
    @Test func aroundWithoutAFilterFails() throws {
        guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let ours = Checkout.shell(
            "cd '\(fixtures.directory)' && '\(swiftdig)' -r '\(dir)/curl_google.scap' -c around x.scap", cache: fixtures.directory + "/cache")
        #expect(ours.out == "no filter specified\n")
        #expect(ours.status == 1)
        #expect(ours.err.contains("init() for chisel around failed."))
    }

    @Test func aroundInfoReadsAsSysdigs() throws { TableChiselTests.expectSysdigsInfo("around") }
}
