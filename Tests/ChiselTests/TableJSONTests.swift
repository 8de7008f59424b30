// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigChisel
import SwiftdigCore
import Testing

/// The table chisels under `-j`: sysdig prints each table as dkjson writes it (`print_sorted_table`
/// of its `common.lua`). dkjson writes an object's members in Lua's hash order, which changes from
/// run to run, and rows of equal value come in any order: the comparison sorts members and compares
/// rows as the text tables are compared (``TableChiselTests/Printed``); the rest is byte for byte.
@Suite struct TableJSONTests {
    static let runs: [TableChiselTests.Run] = TableChiselTests.captures.flatMap { capture in
        [
            "-j -c topprocs_net", "-j -c topprocs_file", "-j -c topprocs_errors", "-j -c topfiles_bytes",
            "-j -c topfiles_errors", "-j -c topfiles_time", "-j -c topscalls", "-j -c topscalls_time", "-j -c topconns",
            "-j -c topports_server", "-j -c topcontainers_error", "-j -c topcontainers_file", "-j -c topcontainers_net",
            "-j -c topprocs_cpu", "-j -c topcontainers_cpu", "-j -c fdbytes_by fd.name", "-j -c fdtime_by proc.name",
            "-j -pc -c topprocs_cpu", "-j -pc -c topprocs_net", "-j -c httptop", "-j -c httptop bytes",
        ].map { TableChiselTests.Run(capture: capture, arguments: $0) }
    }

    @Test(arguments: runs)
    func printsSysdigsJSON(_ run: TableChiselTests.Run) throws {
        guard let (ours, theirs) = run.outputsWithSysdig() else { return }
        #expect(ours.status == theirs.status, "\(ours.err)")
        #expect(Self.layout(ours.out) == Self.layout(theirs.out))
        let a = try Self.rows(ours.out), b = try Self.rows(theirs.out)
        let printed = TableChiselTests.chisels[run.chisel] ?? .table(limit: run.chisel == "httptop" ? 30 : 10)
        let found = printed.difference(a, b)
        #expect(found == nil, "\(found ?? "")")
    }

    /// The text with its `data` line blanked and each object's members sorted (commas moved to
    /// match): what must be identical.
    static func layout(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = lines.map { $0.hasPrefix("  \"data\":") ? "  \"data\":…" + ($0.hasSuffix(",") ? "," : "") : $0 }
        // The members of objects nested in `info` (six spaces in), then those of the top object (two).
        sortMembers(&lines, indent: 6)
        sortMembers(&lines, indent: 2)
        return lines
    }

    /// Sorts each run of members indented by `indent` (a member runs until the next one or its
    /// object's closing line), and moves the separating commas.
    private static func sortMembers(_ lines: inout [String], indent: Int) {
        let prefix = String(repeating: " ", count: indent) + "\""
        let end = String(repeating: " ", count: max(indent - 2, 0)) + "}"
        var i = 0
        while i < lines.count {
            guard lines[i].hasPrefix(prefix) else { i += 1; continue }
            var members: [[String]] = []
            var j = i
            while j < lines.count && !lines[j].hasPrefix(end) {
                if lines[j].hasPrefix(prefix) { members.append([]) }
                members[members.count - 1].append(lines[j])
                j += 1
            }
            members = members.map { m in
                var m = m
                if m[m.count - 1].hasSuffix(",") { m[m.count - 1].removeLast() }
                return m
            }.sorted { $0[0] < $1[0] }
            for k in members.indices where k < members.count - 1 { members[k][members[k].count - 1] += "," }
            lines.replaceSubrange(i..<j, with: members.flatMap { $0 })
            i = j
        }
    }

    /// The `data` rows as the lines of a text table (value, then keys), for ``TableChiselTests/Printed``.
    static func rows(_ text: String) throws -> String {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let data = try #require(object["data"] as? [[Any]])
        let lines = data.map { row -> String in
            let value = "\(row.last!)".padding(toLength: 20, withPad: " ", startingAt: 0)
            return value + row.dropLast().map { "\($0)" }.joined(separator: "\u{1}")
        }
        return (["header", "rule"] + lines).map { $0 + "\n" }.joined()
    }

    /// Strings in the JSON text are escaped as dkjson escapes them.
    @Test func quotesAsDkjson() throws {
        let fixtures = ChiselFixtures()
        let path = fixtures.directory + "/table.json"
        var table = ChiselTopTable(valueTitle: "V", keyTitles: ["K"], units: .none)
        table.add(["a\"b\\c\n\u{7}\u{7F}\u{AD}é\u{2028}"], 1)
        let output = try #require(ChiselOutput(creatingFile: path))
        table.writeJSON(to: output, timestamp: 1_500_000_000_123)
        output.flush()
        let text = String(decoding: try #require(FileBytes.read(path)), as: UTF8.self)
        #expect(text.contains(#"["a\"b\\c\n\u0007\u007f\u00adé\u2028",1]"#))
        #expect(text.hasPrefix("{\n  \"ts\":\"1500000000000\",\n"))
    }
}
