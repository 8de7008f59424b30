// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// Events a capture filter rejects on their type alone skip most of their parsing, and `and` chains
/// run their `evt.type` tests first. Neither may change what later events show: these runs print
/// the fields that depend on earlier events (latency pairs an exit with its enter, deltas, the fd
/// an exit finds through its enter) under filters that reject events in every way, and compare
/// with sysdig, with the filter applied before parsing and, with `-d`, after it. Needs sysdig
/// (skips without it, except in CI).
@Suite struct FilterSkipTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    static let filters = [
        "evt.type=read",
        "evt.type in (read, write, close) and evt.dir=<",
        "evt.dir=< and evt.type!=close",
        "not evt.type in (open, openat, mmap, mprotect) and proc.name!=sshd",
        "evt.type=close or fd.num=3",
        "proc.name=curl and evt.type=read",
        "evt.type=switch or evt.type=procinfo",
        // Stateful fields run on every event sysdig runs them on, so these keep their written order.
        "evt.deltatime>100000 and evt.type=read",
        "thread.exectime>0 or evt.type=switch",
    ]

    static let format = "*%evt.num %evt.type %evt.dir %evt.latency %evt.deltatime %fd.name %fd.num %evt.res %proc.name"

    static let cases: [String] = captures.flatMap { c in filters.indices.map { "\(c)#\($0)" } }

    @Test(arguments: cases)
    func matchesSysdig(_ name: String) throws {
        guard let dir = SharedCaptures.directoryWithSysdig("cannot compare") else { return }
        let parts = name.split(separator: "#")
        let path = "\(dir)/\(parts[0]).scap"
        let filter = Self.filters[Int(parts[1])!]
        for format in [nil, Self.format] {
            for afterState in [false, true] {
                var options = TextDump.Options()
                options.filter = try Filter(compiling: filter)
                options.format = format
                options.displayFilter = afterState
                let ours = try SharedCaptures.dump(path, options)
                let args = (afterState ? " -d" : "") + (format.map { " -p '\($0)'" } ?? "")
                let theirs = ScapTestSupport.shell("TZ=UTC \(SharedCaptures.sysdig) -r '\(path)'\(args) '\(filter)' 2>/dev/null")
                #expect(
                    ours == theirs.output,
                    "\(name) \(filter)\(args): \(SharedCaptures.firstDifference(ours, theirs.output))")
            }
        }
    }

    /// `-d` is not a no-op on these captures: a filter that rejects enter events before parsing
    /// loses their pairing (latency, the fd an exit finds), after parsing it does not.
    @Test func theDisplayFilterShowsWhatParsingKept() throws {
        guard let dir = SharedCaptures.directory else { return }
        var before = TextDump.Options()
        before.filter = try Filter(compiling: "evt.dir=<")
        before.format = Self.format
        var after = before
        after.displayFilter = true
        let path = "\(dir)/curl_google.scap"
        #expect(try SharedCaptures.dump(path, before) != SharedCaptures.dump(path, after))
    }

    /// A filter that is an `evt.type` test alone is decided by its type gate (chisels skip
    /// evaluating it); one with any other test is not. Over every event of the shared captures, an
    /// event the gate of such a filter admits (generic events aside) passes it.
    @Test func typeTestsAloneAreDecidedByType() throws {
        #expect(try Filter(compiling: "evt.type=procinfo").isDecidedByType)
        for text in ["evt.type=open and proc.name=curl", "proc.name=curl", "evt.type=open or fd.num=3"] {
            #expect(try !Filter(compiling: text).isDecidedByType, "\(text)")
        }
        guard let dir = SharedCaptures.directory else { return }
        let filters = try ["evt.type=procinfo", "evt.type in (open, close)", "evt.type!=read", "not evt.type=mmap"].map {
            try Filter(compiling: $0)
        }
        for capture in Self.captures {
            let inspector = try Inspector(path: "\(dir)/\(capture).scap")
            let context = FieldContext(parser: inspector.parser)
            try inspector.run { event in
                for filter in filters where filter.isDecidedByType && event.type > EventCode.genericX && filter.mayMatch(event) {
                    let passed = try filter.matches(event, context)
                    #expect(passed, "\(capture) \(filter.text) event \(event.number)")
                }
                return true
            }
        }
    }
}
