// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigCore
import Testing

/// What Scripts/fuzz.sh found, one test each, with the input that found it (docs/reliability.md).
@Suite struct FuzzFindingsTests {
    /// format target: `%5555555fd.num` padded each line to 5.5 MB (12 s for the replay capture),
    /// and a longer run of digits wrapped around to any width at all. Widths now stop at 65535.
    @Test func hugeColumnWidth() throws {
        let found = "%thread.tid %proc.pid %proc.name %proc.exe %proc.args %proc.cwd %5555555fd.num S"
        #expect(throws: FieldError.self) { try EventFormatter(format: found) }
        do {
            _ = try EventFormatter(format: "%99999999999999999999999evt.num")
            Issue.record("a width past Int.max was accepted")
        } catch {
            #expect(error.message.contains("column width too large (at most 65535)"), "\(error)")
        }
        _ = try EventFormatter(format: "%65535evt.num")
        #expect(throws: FieldError.self) { try EventFormatter(format: "%65536evt.num") }
    }

    /// The widest column still prints: padded to its width, no more.
    @Test func widestColumnPrints() throws {
        let path = ScapTestSupport.packageRoot + "/Tests/Fixtures/sample.scap.gz"
        var options = TextDump.Options()
        options.format = "%65535evt.num|"
        options.eventLimit = 2
        let text = try SharedCaptures.dump(path, options)
        #expect(text.count == 2 * (65535 + 2))
        #expect(text.prefix(65537).last == UInt8(ascii: "\n"))
    }

    /// filter target: a run with a capture filter left the parser and its filter context holding
    /// each other, so every run's whole state stayed in memory (2 GiB after 547,000 runs).
    @Test func runWithAFilterFreesItsState() throws {
        let path = ScapTestSupport.packageRoot + "/Tests/Fixtures/sample.scap.gz"
        weak var parser: EventParser?
        weak var state: SystemState?
        try {
            let inspector = try Inspector(path: path)
            parser = inspector.parser
            state = inspector.state
            var options = TextDump.Options()
            options.filter = try Filter(compiling: "evt.type=open and proc.name!=sshd")
            options.eventLimit = 50
            options.quiet = true
            try TextDump.run(inspector: inspector, options: options)
        }()
        #expect(parser == nil && state == nil, "the run's state outlived it")
    }

    /// capture target: an exit whose result is Int64.min trapped negating it for the error code.
    @Test func mostNegativeResult() throws {
        let path = NSTemporaryDirectory() + "swiftdig-fuzz-result-\(getpid()).scap"
        defer { unlink(path) }
        try ScapSamples.writeCapture(
            to: path, threads: [ScapSamples.thread(10)], fds: nil,
            events: [
                .init(type: EventCode.closeE, tid: 10, params: [ScapSamples.int64(3)]),
                .init(type: EventCode.closeX, tid: 10, params: [ScapSamples.int64(.min)]),
            ])
        let text = String(decoding: try SharedCaptures.dump(path, TextDump.Options()), as: UTF8.self)
        #expect(text.split(separator: "\n").count == 2, "\(text)")
    }
}
