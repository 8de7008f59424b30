// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// `-r IN -w OUT [filter]`: OUT read back shows the events the filter kept, rendered as IN showed
/// them (event numbers aside: OUT numbers its own events), by swiftdig and by sysdig 0.29.3.
@Suite struct CaptureWriterTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]
    static let filters = [
        "", "evt.type=connect", "proc.name=curl", "fd.type=ipv6", "evt.type in (open,openat,close,read)",
        "evt.dir=<", "fd.name contains /etc",
    ]
    static let cases: [String] = captures.flatMap { c in filters.map { "\(c)|\($0)" } }

    @Test(arguments: cases)
    func writtenCaptureReadsBackTheSame(_ name: String) throws {
        guard let dir = SharedCaptures.directory else {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            return
        }
        let parts = name.split(separator: "|", omittingEmptySubsequences: false)
        let input = "\(dir)/\(parts[0]).scap"
        let filterText = String(parts[1])
        for gzip in [false, true] {
            let output = "/tmp/swiftdig-w-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).scap"
            defer { unlink(output) }
            var write = TextDump.Options()
            write.filter = filterText.isEmpty ? nil : try Filter(compiling: filterText)
            write.writePath = output
            write.compress = gzip
            write.quiet = true
            _ = try SharedCaptures.dump(input, write)

            var original = TextDump.Options()
            original.filter = write.filter
            let expected = Self.withoutEventNumbers(try SharedCaptures.dump(input, original))
            let ours = Self.withoutEventNumbers(try SharedCaptures.dump(output, TextDump.Options()))
            #expect(ours == expected, "\(name) gzip=\(gzip): \(SharedCaptures.firstDifference(ours, expected))")
            if filterText.isEmpty {
                // Without a filter every event is kept: even the numbers agree.
                #expect(try SharedCaptures.dump(output, TextDump.Options()) == SharedCaptures.dump(input, original))
            }
            if let sysdig = Self.sysdigOutput(output) {
                let theirs = Self.withoutEventNumbers(sysdig)
                #expect(theirs == expected, "sysdig on \(name) gzip=\(gzip): \(SharedCaptures.firstDifference(theirs, expected))")
            } else {
                #expect(!SharedCaptures.inCI, "sysdig is not installed: cannot check that it reads what -w wrote")
            }
        }
    }

    @Test func capturesAreCreatedPrivate() throws {
        guard let dir = SharedCaptures.directory else { return }
        let output = "/tmp/swiftdig-w-mode-\(getpid()).scap"
        defer { unlink(output) }
        var options = TextDump.Options()
        options.writePath = output
        options.quiet = true
        _ = try SharedCaptures.dump("\(dir)/test_ipv6_client.scap", options)
        var info = stat()
        #expect(stat(output, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    /// Every line with its first word (the event number) removed.
    static func withoutEventNumbers(_ text: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var atLineStart = true
        var skipping = false
        for byte in text {
            if atLineStart {
                skipping = true
                atLineStart = false
            }
            if skipping {
                if byte == UInt8(ascii: " ") { skipping = false }
                if byte == UInt8(ascii: "\n") { out.append(byte); atLineStart = true; skipping = false }
                continue
            }
            out.append(byte)
            if byte == UInt8(ascii: "\n") { atLineStart = true }
        }
        return out
    }

    /// sysdig's default output for a capture, or `nil` when sysdig is not installed.
    static func sysdigOutput(_ path: String) -> [UInt8]? {
        guard access(SharedCaptures.sysdig, X_OK) == 0 else { return nil }
        let result = ScapTestSupport.shell("TZ=UTC \(SharedCaptures.sysdig) -r '\(path)' 2>/dev/null")
        return result.status == 0 ? result.output : []
    }
}
