// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// A live capture that waits and gets no event still ticks the chisels' intervals, by the wall
/// clock it reports as idle (``EventSource/idleObserver``).
@Suite struct IdleTickTests {
    /// A source with no events: it reports itself idle at the given times, then ends.
    final class QuietSource: EventSource {
        let name = "quiet"
        var statistics: CaptureStatistics { CaptureStatistics() }
        var idleObserver: ((UInt64) throws -> Void)?
        var times: [UInt64]

        init(times: [UInt64]) { self.times = times }

        func nextBlock() throws -> ScapBlock? {
            for t in times { try idleObserver?(t) }
            times = []
            return nil
        }
    }

    @Test func idleSourceTicksTheIntervals() throws {
        let fixtures = ChiselFixtures()
        let plugin = try fixtures.load("ticker", ChiselFixtures.chisel("Ticker", """
            var context: ChiselContext!
            func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
                self.context = context
                context.setInterval(seconds: 1)
            }
            func handle(_ event: ChiselEvent) throws {}
            func interval(_ time: ChiselTime) throws {
                context.print("tick \\(time.timestamp) \\(time.delta) \\(context.currentEvent == nil)")
            }
            """))
        let second: UInt64 = 1_000_000_000
        let base = 1_700_000_000 * second + 200_000_000
        // Every half second for three and a half seconds.
        let source = QuietSource(times: (0...7).map { base + UInt64($0) * second / 2 })
        let out = "\(fixtures.directory)/out"
        var options = ChiselRun.Options()
        options.outputFD = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(options.outputFD) }
        try ChiselRun.run(
            inspector: Inspector(source: source), requests: [ChiselRequest(plugin: plugin, name: "ticker", arguments: [])],
            loader: ChiselLoader(compiler: fixtures.compiler), options: options)
        #expect(source.idleObserver == nil, "the run lets go of the source")
        let text = FileBytes.read(out).map { String(decoding: $0, as: UTF8.self) }
        // The first time starts the clock (sysdig's first event); each new second then ticks.
        #expect(text == """
            tick \(base + second) 0 true
            tick \(base + 2 * second) \(second) true
            tick \(base + 3 * second) \(second) true

            """)
    }
}
