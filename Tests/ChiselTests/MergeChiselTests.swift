// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigChisel
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// Partial results (`--partial-out`) and `swiftdig merge`: for every mergeable bundled chisel, the
/// merge of a capture's pieces prints what one run over the capture prints; merges are trees;
/// partials of other chisels or arguments, and damaged ones, fail with one clear line.
@Suite struct MergeChiselTests {
    /// The mergeable chisels whose values depend only on the events each piece holds (the CPU
    /// tables read `thread.cpu`, which counts from the previous sample a run extracted: they are
    /// tested on whole captures below).
    static let chisels = [
        "topprocs_net", "topprocs_file", "topprocs_errors", "topfiles_bytes", "topfiles_errors", "topfiles_time", "topscalls",
        "topscalls_time", "topconns", "topports_server", "topcontainers_error", "topcontainers_file", "topcontainers_net",
        "fdbytes_by fd.name", "fdbytes_by proc.name,fd.name", "fdtime_by fd.name", "fdcount_by proc.name", "fdcount_by fd.type",
        "iobytes", "iobytes_net", "iobytes_file", "bottlenecks", "httptop", "httptop bytes", "httptop time",
        "list_login_shells", "list_login_shells curl",
        // A chisel compiled from source merges as the bundled ones do.
        "Examples/top_by_field.swift proc.name evt.latency 'evt.type=read' 5",
    ]

    /// One capture cut in three by event number, through one chisel.
    struct Cut: Sendable, CustomTestStringConvertible {
        let capture: String
        let chisel: String
        var testDescription: String { "\(capture) -c \(chisel)" }
    }

    static let cuts: [Cut] = TableChiselTests.captures.flatMap { capture in chisels.map { Cut(capture: capture, chisel: $0) } }

    /// Runs swiftdig with `arguments` (shell words) in the test's folder.
    static func swiftdig(_ arguments: String, _ fixtures: ChiselFixtures) -> Checkout.Output {
        Checkout.shell("'\(Checkout.executable ?? "swiftdig")' \(arguments)", cache: fixtures.directory + "/cache")
    }

    @Test(arguments: cuts)
    func mergedPiecesPrintWhatTheWholeCapturePrints(_ cut: Cut) throws {
        guard let dir = Checkout.capturesOrSkip(), Checkout.executable != nil else { return }
        let fixtures = ChiselFixtures()
        let capture = "'\(dir)/\(cut.capture).scap'"
        let words = cut.chisel.split(separator: " ")
        let chisel = "-c \(words[0])" + (words.count > 1 ? " \"\(words[1...].joined(separator: " "))\"" : "")
        let whole = Self.swiftdig("-r \(capture) \(chisel)", fixtures)
        try #require(whole.status == 0, "\(whole.err)")
        let cuts = try Self.cutPoints(capture, chisel: cut.chisel, whole: whole.out, fixtures)
        let ranges = ["evt.num<=\(cuts.0)", "evt.num>\(cuts.0) and evt.num<=\(cuts.1)", "evt.num>\(cuts.1)"]
        var parts: [String] = []
        for (i, range) in ranges.enumerated() {
            let part = "\(fixtures.directory)/\(i).part"
            let run = Self.swiftdig("-r \(capture) \(chisel) --partial-out '\(part)' '\(range)'", fixtures)
            #expect(run.status == 0 && run.out.isEmpty, "\(range): \(run.err)\(run.out)")
            parts.append("'\(part)'")
        }
        let merged = Self.swiftdig("merge \(parts.joined(separator: " "))", fixtures)
        #expect(merged.status == 0, "\(merged.err)")
        if cut.chisel.hasPrefix("fdcount_by") {
            // Keys of equal counts print in hash order.
            let found = Printed.counts.difference(merged.out, whole.out)
            #expect(found == nil, "\(found ?? "")")
        } else {
            #expect(merged.out == whole.out)
        }
        // A tree of merges prints the same.
        let left = "\(fixtures.directory)/left.part"
        #expect(Self.swiftdig("merge --partial-out '\(left)' \(parts[0]) \(parts[1])", fixtures).status == 0)
        let tree = Self.swiftdig("merge '\(left)' \(parts[2])", fixtures)
        #expect(tree.status == 0 && Printed.counts.difference(tree.out, merged.out) == nil, "\(tree.err)")
    }

    /// Two cut points at about a third and two thirds of the capture's events, moved forward past
    /// what a piece cannot see whole: a slow call `bottlenecks` lists (its enter event would be in
    /// the piece before its exit), an HTTP transaction (`httptop` pairs requests and responses).
    static func cutPoints(_ capture: String, chisel: String, whole: String, _ fixtures: ChiselFixtures) throws -> (Int, Int) {
        let numbers = swiftdig("-r \(capture) -p '%evt.num'", fixtures).out.split(separator: "\n").compactMap { Int($0) }
        let count = try #require(numbers.last)
        var isSafe: (Int) -> Bool = { _ in true }
        if chisel == "bottlenecks" {
            // Lines come in pairs, enter then exit, each starting `NUM) `.
            let lines = whole.split(separator: "\n").map { Int($0.prefix { $0 != ")" }) }
            let calls = stride(from: 0, to: lines.count - 1, by: 2).compactMap { i in
                lines[i + 1].map { exit in (lines[i] ?? exit)...exit }
            }
            isSafe = { cut in !calls.contains { $0.lowerBound <= cut && cut < $0.upperBound } }
        } else if chisel.hasPrefix("httptop") {
            let transactions = swiftdig("-r \(capture) -c httplog", fixtures).out.split(separator: "\n").count
            isSafe = { cut in
                let before = swiftdig("-r \(capture) -c httplog 'evt.num<=\(cut)'", fixtures).out.split(separator: "\n").count
                let after = swiftdig("-r \(capture) -c httplog 'evt.num>\(cut)'", fixtures).out.split(separator: "\n").count
                return before + after == transactions
            }
        }
        func safe(from start: Int) -> Int {
            var cut = start
            while cut < count && !isSafe(cut) { cut += 1 }
            return cut
        }
        let first = safe(from: count / 3)
        return (first, safe(from: max(first + 1, 2 * count / 3)))
    }

    /// The CPU tables over whole captures: a capture merged with itself is twice the capture (same
    /// length, each row's CPU time twice), rows in the same order.
    @Test(arguments: ["topprocs_cpu", "topcontainers_cpu"])
    func cpuTablesMergeAsTheirInputsAddUp(_ chisel: String) throws {
        guard let dir = Checkout.capturesOrSkip(), Checkout.executable != nil else { return }
        let fixtures = ChiselFixtures()
        let capture = "'\(dir)/curl_google.scap'"
        let whole = Self.swiftdig("-r \(capture) -j -c \(chisel)", fixtures)
        let part = "'\(fixtures.directory)/cpu.part'"
        #expect(Self.swiftdig("-r \(capture) -j -c \(chisel) --partial-out \(part)", fixtures).status == 0)
        let merged = Self.swiftdig("merge \(part) \(part)", fixtures)
        #expect(merged.status == 0, "\(merged.err)")
        let doubled = try Self.rows(whole.out).map { ($0.keys, $0.value * 2) }
        let found = try Self.rows(merged.out)
        #expect(found.map(\.keys) == doubled.map(\.0) && found.map(\.value) == doubled.map(\.1))
        #expect(!found.isEmpty)
    }

    /// The `data` rows of a table chisel's `-j` output.
    static func rows(_ json: String) throws -> [(keys: [String], value: Double)] {
        // `[["key", ..., value], ...]` on one line; keys are plain in these captures.
        let data = try #require(json.split(separator: "\n").first { $0.contains("\"data\"") })
        let inner = data.drop { $0 != "[" }.dropFirst().dropLast(2)
        return inner.components(separatedBy: "],[").compactMap { row in
            let cells = row.trimmingCharacters(in: ["[", "]"]).split(separator: ",")
            guard let value = cells.last.flatMap({ Double($0) }) else { return nil }
            return (cells.dropLast().map { $0.trimmingCharacters(in: ["\""]) }, value)
        }
    }

    /// Over two captures whose tables are not cut off, the merge is sysdig's tables summed key by key.
    @Test func topscallsOfTwoCapturesIsSysdigsTablesSummed() throws {
        guard let dir = Checkout.capturesOrSkip(), Checkout.executable != nil else { return }
        let fixtures = ChiselFixtures()
        var expected: [String: Int] = [:]
        var parts = ""
        for capture in ["single_ipv6_conn", "test_ipv6_client"] {
            let reference = try #require(FileBytes.read("\(dir)/reference/\(capture)/c_topscalls.out"))
            for line in String(decoding: reference, as: UTF8.self).split(separator: "\n").dropFirst(2) {
                let words = line.split(separator: " ")
                expected[String(words[1]), default: 0] += Int(words[0])!
            }
            let part = "'\(fixtures.directory)/\(capture).part'"
            #expect(Self.swiftdig("-r '\(dir)/\(capture).scap' -c topscalls --partial-out \(part)", fixtures).status == 0)
            parts += " " + part
        }
        let merged = Self.swiftdig("merge\(parts)", fixtures)
        #expect(merged.status == 0, "\(merged.err)")
        var found: [String: Int] = [:]
        for line in merged.out.split(separator: "\n").dropFirst(2) {
            let words = line.split(separator: " ")
            found[String(words[1])] = Int(words[0])
        }
        #expect(expected.count < 30 && found == expected)
    }

    @Test func partialsOfOtherChiselsArgumentsOrOptionsDoNotMerge() throws {
        guard let dir = Checkout.capturesOrSkip(), Checkout.executable != nil else { return }
        let fixtures = ChiselFixtures()
        let capture = "'\(dir)/test_ipv6_client.scap'"
        let runs = [
            "a": "-c topscalls", "b": "-c topfiles_bytes", "c": "-c fdbytes_by fd.name", "d": "-c fdbytes_by proc.name",
            "e": "-pc -c topscalls",
        ]
        for (name, run) in runs {
            #expect(Self.swiftdig("-r \(capture) \(run) --partial-out '\(fixtures.directory)/\(name).part'", fixtures).status == 0)
        }
        let part = { (name: String) in "'\(fixtures.directory)/\(name).part'" }
        let expectations = [
            ("a", "b", "chisel topfiles_bytes does not match"), ("c", "d", "arguments [\"proc.name\"] does not match"),
            ("a", "e", "-pc on does not match"),
        ]
        for (first, second, message) in expectations {
            let merged = Self.swiftdig("merge \(part(first)) \(part(second))", fixtures)
            #expect(merged.status == 1 && merged.out.isEmpty)
            #expect(merged.err.contains(message) && merged.err.hasPrefix("swiftdig merge: ") && merged.err.split(separator: "\n").count == 1, "\(merged.err)")
        }
    }

    @Test func chiselsThatCannotMergeAreRefusedByName() throws {
        guard let dir = Checkout.capturesOrSkip(), Checkout.executable != nil else { return }
        let fixtures = ChiselFixtures()
        for chisel in ["echo_fds", "spy_users", "around 'x.scap 100'", "ps", "stdout", "proc_exec_time"] {
            let run = Self.swiftdig(
                "-r '\(dir)/test_ipv6_client.scap' -c \(chisel) --partial-out '\(fixtures.directory)/x.part' evt.failed=true", fixtures)
            let name = chisel.split(separator: " ")[0]
            #expect(run.status == 1 && run.out.isEmpty, "\(chisel): \(run.out)")
            #expect(run.err == "swiftdig: chisel \(name): cannot write a partial result: its output does not merge (it prints as events come or reads the machine's state); run it without --partial-out\n"
                || run.err.hasPrefix("swiftdig: chisel \(name): cannot write a partial result (it runs as "), "\(run.err)")
            #expect(access("\(fixtures.directory)/x.part", F_OK) != 0)
        }
    }

    @Test func damagedPartialsFailWithTheFileAndOffset() throws {
        guard let dir = Checkout.capturesOrSkip(), Checkout.executable != nil else { return }
        let fixtures = ChiselFixtures()
        let path = "\(fixtures.directory)/good.part"
        #expect(Self.swiftdig("-r '\(dir)/test_ipv6_client.scap' -c topscalls --partial-out '\(path)'", fixtures).status == 0)
        let good = try #require(FileBytes.read(path))
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        var newer = try PartialResult(bytes: good)
        newer.protocolVersion = ChiselProtocolVersion.pack(major: 1, minor: 999)
        let damaged: [(String, [UInt8], String)] = [
            ("truncated", Array(good.prefix(good.count - 9)), "offset \(good.count - 13): checksum"), ("flipped", flipped, "checksum"),
            ("empty", [], "offset 0: not a swiftdig partial result"), ("text", Array("hello\n".utf8), "not a swiftdig partial result"),
        ]
        // A newer protocol's partial is refused whole, not misread.
        let newerPath = "\(fixtures.directory)/newer.part"
        let f = fopen(newerPath, "w")!
        _ = newer.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
        fclose(f)
        let refused = Self.swiftdig("merge '\(newerPath)'", fixtures)
        #expect(refused.status == 1 && refused.err.hasSuffix(": written by chisel protocol 1.999, this swiftdig merges 1.0 to 1.7\n"), "\(refused.err)")
        for (name, bytes, message) in damaged {
            let file = "\(fixtures.directory)/\(name).part"
            let f = fopen(file, "w")!
            _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
            fclose(f)
            let merged = Self.swiftdig("merge '\(path)' '\(file)'", fixtures)
            #expect(merged.status == 1 && merged.out.isEmpty)
            #expect(merged.err.hasPrefix("swiftdig merge: \(file): ") && merged.err.contains(message), "\(name): \(merged.err)")
        }
    }

    @Test func partialFilesReadBackAndEveryDamageIsRefused() throws {
        var writer = ChiselPartialWriter()
        var table = ChiselTopTable(valueTitle: "Bytes", keyTitles: ["Process"], units: .bytes)
        table.add(["curl"], 11673)
        table.add(["sshd"], -0.5)
        table.writePartial(to: &writer)
        let result = PartialResult(
            chisel: "topprocs_net", arguments: ["a b", ""], resolvedChisel: "table_generator", resolvedArguments: ["proc.name"],
            containerColumns: true, json: false,
            inputs: [.init(name: "x.scap", filter: "evt.num<3", events: 7, delivered: 2, firstTimestamp: 1, lastTimestamp: .max)],
            payload: writer.bytes)
        let bytes = result.bytes
        var read = try PartialResult(bytes: bytes)
        #expect(read.payloadOffset > 0)
        read.payloadOffset = 0
        #expect(read == result)
        // Every cut and every flipped bit is refused, with an offset inside the file.
        for n in 0..<bytes.count {
            #expect(throws: ChiselPartialError.self) { try PartialResult(bytes: Array(bytes.prefix(n))) }
        }
        for i in bytes.indices {
            for bit in 0..<8 {
                var damaged = bytes
                damaged[i] ^= 1 << bit
                do {
                    _ = try PartialResult(bytes: damaged)
                    Issue.record("byte \(i) bit \(bit) flipped was accepted")
                } catch {
                    #expect(error.offset >= 0 && error.offset <= bytes.count)
                }
            }
        }
        // The payload reads back into a table; random payloads never crash the table's reader.
        var reader = ChiselPartialReader(read.payload)
        var merged = ChiselTopTable(valueTitle: "Bytes", keyTitles: ["Process"], units: .bytes)
        try merged.absorbPartial(&reader)
        #expect(reader.isAtEnd && merged.sortedRows.map(\.keys) == [["curl"], ["sshd"]])
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            var noise = ChiselPartialReader((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            var t = ChiselTopTable(valueTitle: "", keyTitles: [], units: .time)
            _ = try? t.absorbPartial(&noise)
            _ = t.sortedRows
            var series = ChiselSeries(width: 2)
            noise = ChiselPartialReader((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            _ = try? series.absorbPartial(&noise)
        }
        // A series reads back, and intervals of the same start add up.
        var series = ChiselSeries(width: 2)
        series.add(start: 2_000_000_000, [1, 2])
        series.add(start: 1_000_000_000, [3, 4])
        var seriesWriter = ChiselPartialWriter()
        series.writePartial(to: &seriesWriter)
        var seriesReader = ChiselPartialReader(seriesWriter.bytes)
        try series.absorbPartial(&seriesReader)
        #expect(series.intervals.map(\.start) == [1_000_000_000, 2_000_000_000] && series.intervals.map(\.values) == [[6, 8], [2, 4]])
    }
}
