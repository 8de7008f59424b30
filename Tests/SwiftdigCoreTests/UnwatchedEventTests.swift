// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

/// `EventParser.watchOnly(_:)` (chisel runs) lets the events no filter can pass skip their parsing.
/// sysdig parses them, so nothing later may differ: these runs print, for the events each filter
/// passes, the fields that depend on earlier events (latency pairs an exit with its enter, the fd an
/// exit finds, renamed fds, the CPU since the last `procinfo`), with and without skipping.
@Suite struct UnwatchedEventTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    static let filters = [
        "evt.type=procinfo",
        "fd.type=file and evt.is_io=true",
        "evt.type=close",
        "evt.type in (read, write, recvfrom, sendto) and evt.dir=<",
        "evt.type=connect or evt.type=fstat",
    ]

    static let format =
        "*%evt.num %evt.type %evt.dir %evt.latency %evt.res %fd.name %fd.num %fd.name_changed %proc.name %thread.tid "
        + "%thread.cpu %evt.info"

    static let cases: [String] = captures.flatMap { c in filters.indices.map { "\(c)#\($0)" } }

    /// The lines `format` prints for the events `filter` passes, parsing every event or not.
    static func lines(_ path: String, _ filter: String, skipping: Bool) throws -> [String] {
        let inspector = try Inspector(path: path)
        let compiled = try Filter(compiling: filter)
        let context = FieldContext(parser: inspector.parser)
        let formatter = try EventFormatter(format: format)
        if skipping {
            inspector.parser.watchOnly([compiled])
            #expect(inspector.parser.skipsUnwatchedEvents)
            inspector.deliversHiddenEvents = false
        }
        var out: [String] = []
        var line = OutputBuffer(capacity: 256)
        try inspector.run { event in
            if inspector.parser.filteredOut { return true }
            guard try compiled.mayMatch(event) && compiled.matches(event, context) else { return true }
            line.removeAll()
            if formatter.format(event, context, into: &line) { out.append(String(decoding: line.bytes, as: UTF8.self)) }
            return true
        }
        return out
    }

    @Test(arguments: cases)
    func skippingChangesNothing(_ name: String) throws {
        guard let dir = SharedCaptures.directory else { return }
        let parts = name.split(separator: "#")
        let path = "\(dir)/\(parts[0]).scap"
        let filter = Self.filters[Int(parts[1])!]
        let all = try Self.lines(path, filter, skipping: false)
        let skipped = try Self.lines(path, filter, skipping: true)
        #expect(!all.isEmpty || parts[0] != "curl_google", "\(name): no event passed \(filter)")
        #expect(all == skipped, "\(name) \(filter): \(all.count) lines against \(skipped.count)")
    }
}
