// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// The events encoded from one poll of the driver, kept in one reusable buffer until the inspector
/// takes them one by one: the driver's records are only valid inside its callback, so the batch is
/// the driver's record sink and encodes each record as it comes.
///
/// Layout of an entry: the event's length (4 bytes), its cpu (2), 2 bytes of padding, then the
/// event, padded to 8 bytes.
final class EventBatch: DriverRecordSink {
    private let encoder: RecordEncoder
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var end = 0
    private var cursor = 0
    /// Events handed out so far: the "offset" of an event, for messages.
    private var handedOut: UInt64 = 0
    /// Records the encoder refused (damaged or unknown); they are skipped.
    var encodingErrors: UInt64 = 0

    init(encoder: RecordEncoder, capacity: Int = 1 << 20) {
        self.encoder = encoder
        self.capacity = capacity
        storage = .allocate(byteCount: capacity, alignment: 8)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { cursor >= end }

    /// Forgets the events handed out, keeping the memory.
    func reset() {
        end = 0
        cursor = 0
    }

    /// Encodes a record of the driver into its events (a record the encoder refuses is counted
    /// and skipped).
    func take(_ record: UnsafeRawBufferPointer) {
        do {
            try encoder.encode(record) { event in append(event.bytes, cpu: event.cpu) }
        } catch {
            encodingErrors += 1
        }
    }

    /// Copies one encoded event in.
    func append(_ event: UnsafeRawBufferPointer, cpu: UInt16) {
        let entry = 8 + (event.count + 7) & ~7
        if end + entry > capacity { grow(to: end + entry) }
        storage.storeBytes(of: UInt32(event.count), toByteOffset: end, as: UInt32.self)
        storage.storeBytes(of: cpu, toByteOffset: end + 4, as: UInt16.self)
        if let base = event.baseAddress { (storage + end + 8).copyMemory(from: base, byteCount: event.count) }
        end += entry
    }

    /// The next event; valid until ``reset()``.
    func next() throws -> ScapEvent {
        let count = Int(storage.load(fromByteOffset: cursor, as: UInt32.self))
        let cpu = storage.load(fromByteOffset: cursor + 4, as: UInt16.self)
        let bytes = UnsafeRawBufferPointer(start: storage + cursor + 8, count: count)
        cursor += 8 + (count + 7) & ~7
        handedOut += 1
        let type = count >= 22 ? bytes.loadUnaligned(fromByteOffset: 20, as: UInt16.self) : 0
        let header: EventHeader
        do {
            header = try EventHeader.decode(
                bytes, format: .v2, largeLengths: EventSchema.largePayloadTypes.contains(type))
        } catch {
            throw ScapError(
                file: "live capture", offset: handedOut, kind: .corrupt, message: "encoded event \(handedOut): \(error)")
        }
        return ScapEvent(bytes: bytes, header: header, cpu: cpu, flags: nil, blockType: .eventV2, offset: handedOut)
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        bigger.copyMemory(from: storage, byteCount: end)
        storage.deallocate()
        storage = bigger
        capacity = newCapacity
    }
}
