// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Where the shared test captures live: `../shared/captures` beside the checkout.
enum SharedCaptures {
    /// The folder, or `nil` when it is absent (tests then skip and say so).
    static let directory: String? = {
        let dir = ScapTestSupport.capturesDirectory
        return access(dir, F_OK) == 0 ? dir : nil
    }()

    /// sysdig 0.29.3, the oracle (Debian's package installs it here).
    static let sysdig = "/usr/bin/sysdig"

    /// Why a test that needs the captures did not run.
    static let absentReason = "../shared/captures is absent: skipping the comparisons with sysdig's reference output"

    /// Whether tests must fail rather than skip when something they need is missing.
    static var inCI: Bool { getenv("CI").map { String(cString: $0) == "true" } ?? false }

    /// The captures folder when sysdig is installed too, for tests that run both; otherwise `nil`,
    /// after failing the test in CI (`why` says what the test could not do).
    static func directoryWithSysdig(_ why: String) -> String? {
        guard let dir = directory else {
            #expect(!inCI, "\(absentReason)")
            return nil
        }
        guard access(SharedCaptures.sysdig, X_OK) == 0 else {
            #expect(!inCI, "sysdig is not installed: \(why)")
            return nil
        }
        return dir
    }

    /// The whole contents of a file, or `nil`.
    static func read(_ path: String) -> [UInt8]? { FileBytes.read(path) }

    /// What `TextDump` prints for the capture at `path` with `options` (through a temporary file).
    static func dump(_ path: String, _ options: TextDump.Options) throws -> [UInt8] {
        var options = options
        let outPath = "/tmp/swiftdig-golden-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out"
        let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { unlink(outPath) }
        options.outputFD = fd
        try TextDump.run(path: path, options: options)
        close(fd)
        return read(outPath) ?? []
    }

    /// Where our output first differs from sysdig's, for a failure message.
    static func firstDifference(_ ours: [UInt8], _ theirs: [UInt8]) -> String {
        let a = String(decoding: ours, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: theirs, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let firstDiff = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
        return firstDiff.map { "line \($0.offset + 1):\n ours:   \($0.element.0)\n sysdig: \($0.element.1)" }
            ?? "line counts differ: \(a.count) vs \(b.count)"
    }
}
