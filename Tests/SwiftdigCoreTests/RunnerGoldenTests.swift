// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// The `swiftdig` executable against sysdig's reference output for every variant of
/// `reference/variants.txt` that is not a chisel, run the way the reference was made:
/// `TZ=UTC swiftdig -r CAPTURE.scap ARGS` from an empty folder, through the shell.
@Suite struct RunnerGoldenTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    /// `name|ARGS` lines of variants.txt, chisels (`c_*`) left out.
    static let variants: [(name: String, args: String)] = {
        guard let dir = SharedCaptures.directory, let text = SharedCaptures.read("\(dir)/reference/variants.txt") else {
            return []
        }
        return String(decoding: text, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].hasPrefix("c_") else { return nil }
            return (String(parts[0]), String(parts[1]))
        }
    }()

    static let cases: [String] = captures.flatMap { c in variants.map { "\(c)/\($0.name)" } }

    @Test(arguments: cases)
    func matchesSysdig(_ name: String) throws {
        guard let dir = SharedCaptures.directory else {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            return
        }
        let binary = try #require(RunnerTests.executable, "the swiftdig executable is not next to the test bundle")
        let parts = name.split(separator: "/")
        let capture = String(parts[0]), variant = String(parts[1])
        let args = try #require(Self.variants.first { $0.name == variant }?.args)
        let reference = "\(dir)/reference/\(capture)/\(variant)"
        let work = "/tmp/swiftdig-runner-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        mkdir(work, 0o700)
        defer { _ = system("rm -rf '\(work)'") }
        let status = system(
            "cd '\(work)' && TZ=UTC '\(binary)' -r '\(dir)/\(capture).scap' \(args) > out 2> err; echo $? > rc")
        #expect(status == 0)
        let ours = SharedCaptures.read("\(work)/out") ?? []
        let theirs = SharedCaptures.read("\(reference).out") ?? []
        if variant == "summary" {
            // Rows with equal counts may come in another order (see GoldenOutputTests).
            #expect(ours.count == theirs.count, "\(name): summary sizes differ")
        } else {
            #expect(Bool(ours == theirs), "\(name) (\(args)): \(SharedCaptures.firstDifference(ours, theirs))")
        }
        let rc = SharedCaptures.read("\(work)/rc").map { String(decoding: $0, as: UTF8.self) } ?? ""
        let theirRC = SharedCaptures.read("\(reference).rc").map { String(decoding: $0, as: UTF8.self) } ?? "0\n"
        #expect(rc.trimmingPrefix(while: { $0 == " " }) == theirRC, "\(name): exit status")
    }
}
