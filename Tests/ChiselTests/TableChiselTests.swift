// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// The bundled table chisels (those built on `table_generator`, `topprocs_cpu`, `fdcount_by`) and
/// the `iobytes` family, against sysdig: the reference outputs of the shared captures, and, when
/// sysdig is installed, argument variants, `-pc` and `-i` run through both.
@Suite struct TableChiselTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    /// Each chisel and how its output compares with sysdig's.
    static let chisels: [String: Printed] = [
        "topprocs_net": .table(limit: 100), "topprocs_file": .table(limit: 10), "topprocs_errors": .table(limit: 100),
        "topfiles_bytes": .table(limit: 10), "topfiles_errors": .table(limit: 100), "topfiles_time": .table(limit: 10),
        "topscalls": .table(limit: 30), "topscalls_time": .table(limit: 30), "topconns": .table(limit: 30),
        "topports_server": .table(limit: 100), "fdbytes_by": .table(limit: 30), "fdtime_by": .table(limit: 10),
        "topcontainers_error": .table(limit: 100), "topcontainers_file": .table(limit: 10),
        "topcontainers_net": .table(limit: 100), "topprocs_cpu": .table(limit: 10), "fdcount_by": .counts,
        "iobytes": .lines, "iobytes_net": .lines, "iobytes_file": .lines,
    ]

    /// One run: a capture and the command line's chisel part.
    struct Run: Sendable, CustomTestStringConvertible {
        let capture: String
        let arguments: String
        var testDescription: String { "\(capture) \(arguments)" }
        /// The chisel the run names (`-c NAME`).
        var chisel: String {
            let words = arguments.split(separator: " ")
            return words.firstIndex(of: "-c").map { String(words[$0 + 1]) } ?? ""
        }

        /// What swiftdig and sysdig print for this run, or `nil` when the captures or sysdig are
        /// missing (a test skips, or fails in CI).
        func outputsWithSysdig() -> (ours: Checkout.Output, theirs: Checkout.Output)? {
            guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable else { return nil }
            guard let sysdig = Checkout.sysdig else {
                #expect(!Checkout.inCI, "sysdig is not installed: cannot compare chisel arguments with it")
                return nil
            }
            let fixtures = ChiselFixtures()
            let capture = "-r '\(dir)/\(self.capture).scap' \(arguments)"
            let ours = Checkout.shell("'\(swiftdig)' \(capture)", cache: fixtures.directory + "/cache")
            let theirs = Checkout.shell("cd '\(fixtures.directory)' && '\(sysdig)' \(capture)", cache: fixtures.directory + "/cache")
            return (ours, theirs)
        }

        /// The same on a terminal of 100 columns and 30 rows (under `script`), or `nil` when the
        /// captures, sysdig or `script` are missing.
        func outputsOnTerminal() -> (ours: Checkout.Output, theirs: Checkout.Output)? {
            guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable else { return nil }
            guard let sysdig = Checkout.sysdig, access("/usr/bin/script", X_OK) == 0 else {
                #expect(!Checkout.inCI, "sysdig or script is not installed: cannot compare terminal output with sysdig")
                return nil
            }
            let fixtures = ChiselFixtures(), cache = fixtures.directory + "/cache"
            let arguments = "-r '\(dir)/\(capture).scap' \(self.arguments)".replacing("'", with: "'\\''")
            let onTerminal = { (program: String) in
                Checkout.shell("script -qec 'stty cols 100 rows 30; \(program) \(arguments)' /dev/null", cache: cache)
            }
            return (onTerminal(swiftdig), onTerminal(sysdig))
        }
    }

    /// The `c_*` variants of `reference/variants.txt` for these chisels, on every capture.
    static let referenceRuns: [Run] = captures.flatMap { capture in
        chisels.keys.sorted().compactMap { chisel in
            referenceArguments[chisel].map { Run(capture: capture, arguments: $0) }
        }
    }

    /// `c_NAME|ARGS` lines of `variants.txt`, by chisel name.
    static let referenceArguments: [String: String] = {
        guard let dir = Checkout.captures, let text = FileBytes.read(dir + "/reference/variants.txt") else { return [:] }
        var out: [String: String] = [:]
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "|", maxSplits: 1)
            guard parts.count == 2, parts[0].hasPrefix("c_") else { continue }
            out[String(parts[0].dropFirst(2))] = String(parts[1])
        }
        return out
    }()

    @Test(arguments: referenceRuns)
    func matchesSysdigsReferenceOutput(_ run: Run) throws {
        try Self.expectReferenceOutput(run) { Self.chisels[run.chisel]?.difference($0, $1) }
    }

    /// Runs `run` and expects sysdig's reference output for it, as far as `difference` (ours, theirs)
    /// tells.
    static func expectReferenceOutput(_ run: Run, difference: (String, String) -> String?) throws {
        guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let ours = Checkout.shell("'\(swiftdig)' -r '\(dir)/\(run.capture).scap' \(run.arguments)", cache: fixtures.directory + "/cache")
        let reference = try #require(FileBytes.read("\(dir)/reference/\(run.capture)/c_\(run.chisel).out"))
        #expect(ours.status == 0, "\(ours.err)")
        let found = difference(ours.out, String(decoding: reference, as: UTF8.self))
        #expect(found == nil, "\(found ?? "")")
    }

    /// Arguments the reference outputs do not cover: other keys, container columns, a filter.
    static let variantRuns: [Run] = captures.flatMap { capture in
        [
            "-c fdbytes_by proc.name", "-c fdbytes_by fd.directory", "-c fdbytes_by proc.name,fd.name", "-c fdbytes_by fd.sport",
            "-c fdbytes_by fd.num", "-c fdtime_by fd.name", "-c fdtime_by proc.name", "-c fdtime_by fd.name,proc.pid",
            "-c fdtime_by fd.name proc.name!=curl", "-c topfiles_time evt.type=read", "-c topscalls fd.type=file",
            "-c fdcount_by proc.pid", "-c fdcount_by fd.type", "-c fdcount_by fd.sport", "-c topprocs_cpu proc.name!=sysdig",
            // sysdig fails when a second ends before any event passed the filter: so does swiftdig.
            "-c iobytes proc.name=curl", "-c iobytes_net evt.type=read",
        ].map { Run(capture: capture, arguments: $0) }
            + chisels.keys.sorted().filter { !$0.hasSuffix("_by") }.map { Run(capture: capture, arguments: "-pc -c \($0)") }
    }

    @Test(arguments: variantRuns)
    func variantsMatchSysdig(_ run: Run) throws {
        Self.expectSysdigsOutput(run) { Self.chisels[run.chisel]?.difference($0, $1) }
    }

    /// Runs `run` through swiftdig and sysdig and expects the same status and output, as far as
    /// `difference` (ours, theirs) tells; without sysdig, skips (fails in CI).
    static func expectSysdigsOutput(_ run: Run, difference: (String, String) -> String?) {
        guard let (ours, theirs) = run.outputsWithSysdig() else { return }
        #expect(ours.status == theirs.status, "\(ours.err)")
        let found = difference(ours.out, theirs.out)
        #expect(found == nil, "\(found ?? "")")
    }

    @Test(arguments: chisels.keys.sorted())
    func infoReadsAsSysdigs(_ chisel: String) throws { Self.expectSysdigsInfo(chisel) }

    /// Expects `-i chisel` to print what sysdig's does (when sysdig is installed).
    static func expectSysdigsInfo(_ chisel: String) {
        guard let (ours, theirs) = Self.info(of: chisel) else { return }
        #expect(ours == theirs)
    }

    /// What `swiftdig -i chisel` and `sysdig -i chisel` print, or `nil` without sysdig.
    static func info(of chisel: String) -> (ours: String, theirs: String)? {
        guard let swiftdig = Checkout.executable, let sysdig = Checkout.sysdig else { return nil }
        let fixtures = ChiselFixtures()
        let ours = Checkout.shell("'\(swiftdig)' -i \(chisel)", cache: fixtures.directory + "/cache")
        let theirs = Checkout.shell("cd '\(fixtures.directory)' && '\(sysdig)' -i \(chisel)", cache: fixtures.directory + "/cache")
        return (ours.out, theirs.out)
    }

    @Test func tableRequestsRoundTripThroughTableGeneratorsArguments() throws {
        let request = ChiselTableRequest(keys: .process(inContainers: true), value: .time, filter: "evt.is_io=true", limit: 7)
        let generator = try ChiselLoader().load("table_generator").info
        #expect(try ChiselTableRequest(ChiselArguments(request.arguments, for: generator)) == request)
        #expect(request.arguments == [
            "proc.name,proc.pid,thread.vtid,container.name", "Process,Host_pid,Container_pid,container.name",
            "evt.latency", "Time", "evt.is_io=true", "7", "time",
        ])
        #expect([ChiselTableRequest.Key].fields("fd.name,proc.pid").map(\.title) == ["fd.name", "proc.pid"])
        #expect(throws: ChiselError.self) {
            try ChiselTableRequest(ChiselArguments(["a,b", "A", "v", "V", "", "1", "none"], for: generator))
        }
    }

    /// `format_bytes` of common.lua under LuaJIT 2.1 gives these.
    static let byteTexts: [(Double, String)] = [
        (8320, "8.13KB"), (1141.76, "1.11KB"), (10480.64, "10.23KB"), (1023, "1023B"), (1025, "1.00KB"),
        (5_395_552_665.6, "5.03G"), (3_276_800, "3.13M"),
    ]

    @Test func bytesRoundExactHalvesUpAsLuaJITDoes() {
        for (value, text) in Self.byteTexts { #expect(ChiselFormat.bytes(value) == text, "\(value)") }
    }

    @Test func percentagesRoundAsLuaJITDoes() {
        // LuaJIT 2.1's string.format("%.2f") on these: exact halves go up, near-halves by their exact value.
        let cases: [(Double, String)] = [
            (8.125, "8.13%"), (1.115, "1.11%"), (0.125, "0.13%"), (9.995, "9.99%"), (99.995, "100.00%"),
            (999.995, "1000.00%"), (0.005, "0.01%"), (1023.999, "1024.00%"), (12.375, "12.38%"), (0, "0.00%"),
        ]
        for (value, text) in cases { #expect(ChiselFormat.percent(value) == text, "\(value)") }
    }
}

/// How a chisel's output compares with sysdig's, whose rows of equal value come in no fixed order.
enum Printed: Sendable {
    /// sysdig's table: two header lines, then rows whose first 20 characters are the value; at a
    /// cut-off of `limit` rows, any of the rows tied with the last may be there.
    case table(limit: Int)
    /// Lines `key<TAB>count`, largest count first.
    case counts
    /// Lines in a fixed order.
    case lines

    /// Where `ours` and `theirs` differ beyond what the order allows, or `nil`.
    func difference(_ ours: String, _ theirs: String) -> String? {
        let a = groups(ours), b = groups(theirs)
        guard a.header == b.header else { return "headers differ:\n\(a.header)\n\(b.header)" }
        guard a.rows.map(\.value) == b.rows.map(\.value), a.rows.map(\.lines.count) == b.rows.map(\.lines.count) else {
            return "values differ:\n ours:\n\(ours)\n sysdig:\n\(theirs)"
        }
        var limit = 0
        if case .table(let l) = self { limit = l }
        let cutOff = limit > 0 && b.rows.reduce(0) { $0 + $1.lines.count } == limit
        for (i, (x, y)) in zip(a.rows, b.rows).enumerated() where !(cutOff && i == b.rows.count - 1) {
            if x.lines.sorted() != y.lines.sorted() { return "rows of \(x.value) differ: \(x.lines) vs \(y.lines)" }
        }
        return nil
    }

    /// The header lines, and the rows grouped by value.
    private func groups(_ text: String) -> (header: [Substring], rows: [(value: Substring, lines: [Substring])]) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let headerLines = if case .table = self { 2 } else { 0 }
        var rows: [(value: Substring, lines: [Substring])] = []
        for line in lines.dropFirst(headerLines) {
            let value: Substring
            switch self {
            case .table: value = line.prefix(20)
            case .counts: value = line.split(separator: "\t").last ?? ""
            case .lines: value = line
            }
            if rows.last?.value == value { rows[rows.count - 1].lines.append(line) } else { rows.append((value, [line])) }
        }
        return (Array(lines.prefix(headerLines)), rows)
    }
}
