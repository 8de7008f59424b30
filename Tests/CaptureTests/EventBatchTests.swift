// SPDX-License-Identifier: Apache-2.0
@testable import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// The live capture's ordering: events come out sorted by time, up to the watermark; newer ones
/// wait for the next seal and survive the reset between polls.
final class EventBatchTests: XCTestCase {
    private func record(ts: UInt64) -> [UInt8] {
        RecordBuilder(kind: SD_RECORD_SYSCALL_EXIT, nr: 39, ts: ts, ret: 7).build()
    }

    private func drain(_ batch: EventBatch) throws -> [UInt64] {
        var times: [UInt64] = []
        while !batch.isEmpty { times.append(try batch.next().header.ts) }
        return times
    }

    func testSortsUpToTheWatermarkAndHoldsTheRest() throws {
        let batch = EventBatch(encoder: RecordEncoder(bootTime: 0))
        // As a ring buffer may give them: a late exit that carries its enter among others.
        let carried = RecordBuilder.exitWithEnter(39, ret: 7, enterTs: 5)
        for bytes in [record(ts: 30), record(ts: 10), carried.build(), record(ts: 20)] {
            bytes.withUnsafeBytes { batch.take($0) }
        }
        batch.seal(upTo: 25)
        XCTAssertEqual(try drain(batch), [5, 10, 20])

        batch.reset()
        record(ts: 25).withUnsafeBytes { batch.take($0) }
        batch.seal(upTo: 26)
        XCTAssertEqual(try drain(batch), [25], "the held events are newer than the watermark")

        batch.reset()
        batch.seal(upTo: .max)
        XCTAssertEqual(try drain(batch), [30, 1_000_000_100], "held events survive resets until released")
        batch.reset()
        batch.seal(upTo: .max)
        XCTAssertTrue(batch.isEmpty)
    }
}
