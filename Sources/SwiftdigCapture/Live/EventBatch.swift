// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// The events encoded from the driver's records, kept in one reusable buffer until the inspector
/// takes them one by one, in timestamp order: the driver's records are only valid inside its
/// callback, so the batch is the driver's record sink and encodes each record as it comes.
///
/// The driver's records come one cpu's ring buffer after another, each in the order its records
/// were submitted, which is not quite timestamp order either: an exit record that carries its
/// enter (``RecordEncoder``) gives an enter event older than the records submitted while the call
/// ran, and a record built in scratch space is stamped before it is submitted. So after each
/// poll the batch ``seal(upTo:)``s: it hands out, sorted by timestamp, the events up to a
/// watermark (the time up to which the probe has handed out every ring buffer's records, less a
/// margin), and keeps the newer ones for the next round, when older records may still come in.
///
/// Layout of an entry: the event's length (4 bytes), its cpu (2), 2 bytes of padding, then the
/// event, padded to 8 bytes. The event starts with its timestamp.
final class EventBatch: DriverRecordSink {
    private let encoder: RecordEncoder
    private var storage: UnsafeMutableRawPointer
    /// Where the held entries are gathered on ``reset()``; swapped with `storage`.
    private var spare: UnsafeMutableRawPointer
    private var capacity: Int
    private var end = 0
    /// The entries to hand out, as (timestamp, offset), sorted.
    private var ready: [(ts: UInt64, offset: Int)] = []
    private var cursor = 0
    /// Entries newer than the last watermark: they wait for the next seal.
    private var held: [(ts: UInt64, offset: Int)] = []
    /// Offset of the first entry appended since the last seal.
    private var unsealed = 0
    /// Events handed out so far: the "offset" of an event, for messages.
    private var handedOut: UInt64 = 0
    /// Records the encoder refused (damaged or unknown); they are skipped.
    var encodingErrors: UInt64 = 0

    init(encoder: RecordEncoder, capacity: Int = 1 << 20) {
        self.encoder = encoder
        self.capacity = capacity
        storage = .allocate(byteCount: capacity, alignment: 8)
        spare = .allocate(byteCount: capacity, alignment: 8)
    }

    deinit {
        storage.deallocate()
        spare.deallocate()
    }

    /// No event ready to hand out (held ones may wait for the next seal).
    var isEmpty: Bool { cursor >= ready.count }

    /// Forgets the events handed out, keeping the memory and the held events (moved to the front).
    func reset() {
        var moved = 0
        for index in held.indices {
            let offset = held[index].offset
            let entry = Self.entrySize(Int(storage.load(fromByteOffset: offset, as: UInt32.self)))
            (spare + moved).copyMemory(from: storage + offset, byteCount: entry)
            held[index].offset = moved
            moved += entry
        }
        swap(&storage, &spare)
        end = moved
        unsealed = moved
        ready.removeAll(keepingCapacity: true)
        cursor = 0
    }

    /// Makes the events up to `watermark` (wall-clock ns) ready, oldest first; newer ones are
    /// held for the next seal. `UInt64.max` releases everything (the end of a capture).
    func seal(upTo watermark: UInt64) {
        var offset = unsealed
        var inOrder = true
        var last = held.last?.ts ?? 0
        while offset < end {
            let count = Int(storage.load(fromByteOffset: offset, as: UInt32.self))
            let ts = storage.load(fromByteOffset: offset + 8, as: UInt64.self)
            held.append((ts, offset))
            if ts < last { inOrder = false }
            last = ts
            offset += Self.entrySize(count)
        }
        unsealed = end
        // Usually in order already (one busy cpu, or calls that return quickly): no sort then.
        if !inOrder {
            held.sort { $0.ts < $1.ts || ($0.ts == $1.ts && $0.offset < $1.offset) }
        }
        // The first entry past the watermark (binary search: `held` is sorted).
        var low = 0, high = held.count
        while low < high {
            let mid = (low + high) / 2
            if held[mid].ts > watermark { high = mid } else { low = mid + 1 }
        }
        ready.append(contentsOf: held[..<low])
        if low == held.count {
            held.removeAll(keepingCapacity: true)
        } else {
            held.removeFirst(low)
        }
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
        let entry = Self.entrySize(event.count)
        if end + entry > capacity { grow(to: end + entry) }
        storage.storeBytes(of: UInt32(event.count), toByteOffset: end, as: UInt32.self)
        storage.storeBytes(of: cpu, toByteOffset: end + 4, as: UInt16.self)
        if let base = event.baseAddress { (storage + end + 8).copyMemory(from: base, byteCount: event.count) }
        end += entry
    }

    /// The next event, oldest first; valid until ``reset()``.
    func next() throws -> ScapEvent {
        let offset = ready[cursor].offset
        cursor += 1
        let count = Int(storage.load(fromByteOffset: offset, as: UInt32.self))
        let cpu = storage.load(fromByteOffset: offset + 4, as: UInt16.self)
        let bytes = UnsafeRawBufferPointer(start: storage + offset + 8, count: count)
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

    private static func entrySize(_ eventCount: Int) -> Int { 8 + (eventCount + 7) & ~7 }

    private func grow(to needed: Int) {
        (storage, capacity) = ByteStorage.grow(storage, used: end, capacity: capacity, toHold: needed)
        spare.deallocate()
        spare = .allocate(byteCount: capacity, alignment: 8)
    }
}
