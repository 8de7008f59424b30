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
/// with sysdig. Needs sysdig (skips without it, except in CI).
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
            var options = TextDump.Options()
            options.filter = try Filter(compiling: filter)
            options.format = format
            let ours = try SharedCaptures.dump(path, options)
            let formatArg = format.map { " -p '\($0)'" } ?? ""
            let theirs = ScapTestSupport.shell("TZ=UTC \(SharedCaptures.sysdig) -r '\(path)'\(formatArg) '\(filter)' 2>/dev/null")
            #expect(
                ours == theirs.output,
                "\(name) \(filter)\(formatArg): \(SharedCaptures.firstDifference(ours, theirs.output))")
        }
    }
}
