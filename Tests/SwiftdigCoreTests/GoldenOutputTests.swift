// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Byte-for-byte comparisons with what sysdig 0.29.3 printed for the shared captures.
@Suite struct GoldenOutputTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    /// The display variants of `reference/variants.txt` that this stage covers, as options.
    static let variants: [(name: String, options: TextDump.Options)] = {
        func with(_ body: (inout TextDump.Options) -> Void) -> TextDump.Options {
            var o = TextDump.Options()
            body(&o)
            return o
        }
        return [
            ("default", with { _ in }),
            ("ascii", with { $0.bufferFormat = .ascii }),
            ("hex", with { $0.bufferFormat = .hex }),
            ("hexascii", with { $0.bufferFormat = .hexAscii }),
            ("base64", with { $0.bufferFormat = .base64 }),
            ("time_abs", with { $0.timeFormat = .absolute }),
            ("time_rel", with { $0.timeFormat = .relative }),
            ("time_delta", with { $0.timeFormat = .delta }),
            ("summary", with { $0.quiet = true; $0.summary = true }),
        ]
    }()

    static let cases: [String] = captures.flatMap { c in variants.map { "\(c)/\($0.name)" } }

    @Test(arguments: cases)
    func matchesSysdig(_ name: String) throws {
        guard let dir = SharedCaptures.directory else {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            print(SharedCaptures.absentReason)
            return
        }
        let parts = name.split(separator: "/")
        let capture = String(parts[0]), variant = String(parts[1])
        var options = Self.variants.first { $0.name == variant }!.options
        let outPath = "/tmp/swiftdig-golden-\(getpid())-\(capture)-\(variant).out"
        let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(fd >= 0)
        options.outputFD = fd
        try TextDump.run(path: "\(dir)/\(capture).scap", options: options)
        close(fd)
        let ours = SharedCaptures.read(outPath) ?? []
        unlink(outPath)
        let theirs = SharedCaptures.read("\(dir)/reference/\(capture)/\(variant).out") ?? []
        if ours != theirs {
            let a = String(decoding: ours, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let b = String(decoding: theirs, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = firstDiff.map { "line \($0.offset + 1):\n ours:   \($0.element.0)\n sysdig: \($0.element.1)" }
                ?? "line counts differ: \(a.count) vs \(b.count)"
            Issue.record("\(name) differs from sysdig at \(where_)")
        }
    }
}
