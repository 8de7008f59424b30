// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A live capture's lines reach the output before the capture waits for more events
/// (``EventSource/mayWait``), not when the output buffer fills, while a file is still printed in
/// large pieces.
@Suite struct LiveOutputFlushTests {
    /// The sample capture's blocks handed out as a live capture would, waiting (for nothing) every
    /// few blocks; at each wait it notes how much of the output had reached the file.
    final class WaitingSource: EventSource {
        let name = "waiting"
        var statistics: CaptureStatistics { CaptureStatistics() }
        let reader: ScapReader
        let outputPath: String
        var handedOut = 0
        /// The output file's size at each wait.
        var sizesAtWaits: [Int] = []

        init(path: String, outputPath: String) throws {
            reader = try ScapReader(path: path)
            self.outputPath = outputPath
        }

        var mayWait: Bool { handedOut % 50 == 49 }

        func nextBlock() throws -> ScapBlock? {
            if mayWait { sizesAtWaits.append(ScapTestSupport.read(outputPath).count) }
            handedOut += 1
            return try reader.nextBlock()
        }
    }

    static let sample = ScapTestSupport.packageRoot + "/Tests/Fixtures/sample.scap.gz"

    @Test func linesGoOutBeforeTheSourceWaits() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let live = "\(directory)/live.txt", file = "\(directory)/file.txt"
        let source = try WaitingSource(path: Self.sample, outputPath: live)
        var options = TextDump.Options()
        options.outputFD = open(live, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try TextDump.run(inspector: Inspector(source: source), options: options)
        close(options.outputFD)
        options.outputFD = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try TextDump.run(path: Self.sample, options: options)
        close(options.outputFD)

        let printed = ScapTestSupport.read(live)
        #expect(printed == ScapTestSupport.read(file), "waiting changes when lines go out, not what they are")
        // At every wait, all that was printed is in the file: whole lines, never less than before.
        let sizes = source.sizesAtWaits
        #expect(sizes.allSatisfy { $0 == 0 || printed[$0 - 1] == UInt8(ascii: "\n") })
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(Set(sizes).count > 10, "the output grew from wait to wait, far below the buffer's size")
    }
}
