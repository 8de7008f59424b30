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
        let options = Self.variants.first { $0.name == variant }!.options
        let ours = try SharedCaptures.dump("\(dir)/\(capture).scap", options)
        let theirs = SharedCaptures.read("\(dir)/reference/\(capture)/\(variant).out") ?? []
        if ours != theirs {
            Issue.record("\(name) differs from sysdig at \(SharedCaptures.firstDifference(ours, theirs))")
        }
    }
}
