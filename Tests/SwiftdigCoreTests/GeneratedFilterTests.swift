// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// Filters generated from the field list, one or more per listed field, run by sysdig and by us:
/// the events each selects must be the same. For a printable field the filter compares it with a
/// value sysdig printed for it (`=` with the most common value, `!=` with it, and `exists`); for a
/// filter-only field it is `exists`. Needs sysdig (skips without it, except in CI).
@Suite struct GeneratedFilterTests {
    static let captures = ["test_ipv6_client", "single_ipv6_conn"]

    /// Listed fields that take no argument, but `fd.dev*`, which sysdig reads from uninitialised
    /// memory for sockets and pipes.
    static let fields: [FieldDefinition] = FieldCatalog.classes.filter { !$0.isHidden }.flatMap { c in
        c.fields.filter {
            !$0.flags.contains(.printOnly) && !$0.flags.contains(.tableOnly) && !$0.flags.contains(.requiresArgument)
                && !$0.name.hasPrefix("fd.dev")
        }
    }

    @Test(arguments: captures)
    func everyListedFieldFiltersAsInSysdig(_ capture: String) throws {
        guard let dir = SharedCaptures.directoryWithSysdig("cannot generate filters from its output") else { return }
        let path = "\(dir)/\(capture).scap"
        let printable = Self.fields.filter { !$0.flags.contains(.filterOnly) }
        let values = try Self.sysdigValues(path, printable.map(\.name))
        var filters: [String] = Self.fields.map { "\($0.name) exists" }
        for (i, field) in printable.enumerated() {
            guard let value = Self.mostCommon(values.map { $0[i] }) else { continue }
            let quoted = "\"\(value)\""
            filters.append("\(field.name) = \(quoted)")
            filters.append("\(field.name) != \(quoted)")
        }
        let theirs = try Self.sysdigSelections(path, filters)
        var compared = 0
        for (filter, expected) in zip(filters, theirs) {
            guard let expected else { continue }  // sysdig rejected the filter
            var options = TextDump.Options()
            options.format = "%evt.num"
            options.filter = try Filter(compiling: filter)
            let ours = String(decoding: try SharedCaptures.dump(path, options), as: UTF8.self)
            #expect(ours == expected, "\(capture): \(filter)")
            compared += 1
        }
        #expect(compared > Self.fields.count)
    }

    /// The most common value other than `<NA>` (ties: the first seen), if it can be quoted.
    static func mostCommon(_ column: [String]) -> String? {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for v in column where v != "<NA>" && !v.contains("\"") && !v.contains("\\") && v.utf8.count < 200 {
            if counts[v] == nil { order.append(v) }
            counts[v, default: 0] += 1
        }
        return order.max { counts[$0]! < counts[$1]! }
    }

    /// sysdig's value of each field for every event (tab-separated `-p`).
    static func sysdigValues(_ path: String, _ names: [String]) throws -> [[String]] {
        let format = "*" + names.map { "%\($0)" }.joined(separator: "\t")
        let result = ScapTestSupport.shell("TZ=UTC \(SharedCaptures.sysdig) -r '\(path)' -p '\(format)' 2>/dev/null")
        let text = String(decoding: result.output, as: UTF8.self)
        return text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
            .filter { $0.count == names.count }
    }

    /// The `%evt.num` lines sysdig prints for each filter, `nil` where it rejected the filter.
    static func sysdigSelections(_ path: String, _ filters: [String]) throws -> [String?] {
        let work = "/tmp/swiftdig-genfilters-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        mkdir(work, 0o700)
        defer { _ = system("rm -rf '\(work)'") }
        var script = "cd '\(work)'\n"
        for (i, filter) in filters.enumerated() {
            let escaped = filter.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
            script += "TZ=UTC \(SharedCaptures.sysdig) -r '\(path)' -p '%evt.num' '\(escaped)' > \(i).out 2>/dev/null || rm -f \(i).out\n"
        }
        let scriptPath = "\(work)/run.sh"
        let f = fopen(scriptPath, "w")
        fputs(script, f)
        fclose(f)
        _ = system("sh '\(scriptPath)'")
        return filters.indices.map { i in SharedCaptures.read("\(work)/\(i).out").map { String(decoding: $0, as: UTF8.self) } }
    }
}
