// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// Compares our rendering of fields with sysdig's `-p "*%evt.num|%field|..."`, event by event.
enum FieldComparison {
    static let sysdig = SharedCaptures.sysdig
    /// The captures sysdig 0.29.3 can read.
    static let captures = ["curl_google.scap", "single_ipv6_conn.scap", "test_ipv6_client.scap"]

    /// The path of a shared capture, or `nil` (after saying why, or failing under CI).
    static func capturePath(_ name: String) -> String? {
        guard let dir = SharedCaptures.directory else {
            if SharedCaptures.inCI { Issue.record("CI=true but \(SharedCaptures.absentReason)") }
            print("skipping: \(SharedCaptures.absentReason)")
            return nil
        }
        return dir + "/" + name
    }

    /// Whether sysdig can be run; when not, says why, and fails instead under CI.
    static func sysdigAvailable() -> Bool {
        if access(sysdig, X_OK) == 0 { return true }
        let reason = "\(sysdig) is not installed (apt-get install sysdig): skipping the field comparisons"
        if SharedCaptures.inCI { Issue.record("CI=true but \(reason)") } else { print("skipping: \(reason)") }
        return false
    }

    /// Our rendering of `fields` for every event sysdig would show, keyed by event number, cells in
    /// field order (`<NA>` for no value).
    static func render(_ path: String, _ fields: [String]) throws -> [UInt64: [String]] {
        let bound = try fields.map { name throws(FieldError) in try FieldCatalog.bind(name) }
        let inspector = try Inspector(path: path)
        let context = FieldContext(parser: inspector.parser)
        var rows: [UInt64: [String]] = [:]
        var buffer = OutputBuffer(capacity: 1024)
        try inspector.run { event in
            context.firstTimestamp = inspector.firstTimestamp
            // As `-r` output: internal events and state-only events are not shown.
            if event.info.category.contains(.internal) || inspector.parser.filteredOut { return true }
            var cells: [String] = []
            for field in bound {
                buffer.removeAll()
                let value = field.extract(event, context)
                if case .none = value {
                    cells.append("<NA>")
                } else {
                    field.render(value, context, into: &buffer)
                    cells.append(String(decoding: buffer.bytes, as: UTF8.self))
                }
            }
            rows[event.number] = cells
            return true
        }
        return rows
    }

    /// sysdig's rendering of `fields`, keyed by event number. Fields must not print `separator` or
    /// newlines.
    static func sysdigRows(_ path: String, _ fields: [String], separator: Character = "|") -> [UInt64: [String]] {
        let format = "*%evt.num" + fields.map { "\(separator)%" + $0 }.joined()
        let result = ScapTestSupport.shell("cd /tmp && TZ=UTC \(sysdig) -r '\(path)' -p '\(format)' 2>&1")
        #expect(result.status == 0, "sysdig failed on \(path)")
        var rows: [UInt64: [String]] = [:]
        for line in String(decoding: result.output, as: UTF8.self).split(separator: "\n") {
            let cells = line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            guard let number = UInt64(cells[0]), cells.count == fields.count + 1 else {
                Issue.record("unexpected sysdig line: \(line.prefix(200))")
                continue
            }
            rows[number] = Array(cells.dropFirst())
        }
        return rows
    }

    /// Checks that we print `fields` as sysdig does on every event of `capture`. `ignore` tells
    /// which cells sysdig fills with memory garbage (field index, sysdig's row).
    static func expectMatch(
        _ capture: String, _ fields: [String], separator: Character = "|",
        ignore: (Int, [String]) -> Bool = { _, _ in false }
    ) throws {
        guard let path = capturePath(capture), sysdigAvailable() else { return }
        let ours = try render(path, fields)
        let theirs = sysdigRows(path, fields, separator: separator)
        #expect(ours.count == theirs.count, "\(capture): \(ours.count) events, sysdig shows \(theirs.count)")
        var mismatches = 0
        for (number, expected) in theirs.sorted(by: { $0.key < $1.key }) {
            guard let got = ours[number] else {
                Issue.record("\(capture): event \(number) missing")
                continue
            }
            for (i, field) in fields.enumerated() where got[i] != expected[i] && !ignore(i, expected) {
                mismatches += 1
                if mismatches <= 20 {
                    Issue.record("\(capture) #\(number) \(field): got \(got[i].prefix(200)), sysdig \(expected[i].prefix(200))")
                }
            }
        }
        #expect(mismatches == 0, "\(capture): \(mismatches) cells differ")
    }

    /// Our rendering of `field` on event `number` of `capture` (nil when the capture is absent).
    static func value(_ capture: String, _ field: String, event number: UInt64) throws -> String? {
        guard let path = capturePath(capture) else { return nil }
        return try render(path, [field])[number]?.first
    }
}
