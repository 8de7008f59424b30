// SPDX-License-Identifier: Apache-2.0

/// Memory for an event the parser makes itself (a tracer event standing for a write), reused from
/// event to event and grown when needed.
final class EventScratch {
    private(set) var base: UnsafeMutableRawPointer
    private var capacity: Int
    /// The bytes written so far.
    private(set) var count = 0

    init(capacity: Int = 512) {
        self.capacity = capacity
        base = .allocate(byteCount: capacity, alignment: 8)
    }

    deinit { base.deallocate() }

    /// Starts a new event.
    func reset() { count = 0 }

    /// Appends `raw`.
    func append(_ raw: UnsafeRawBufferPointer) {
        reserve(count + raw.count)
        if let source = raw.baseAddress, raw.count > 0 { (base + count).copyMemory(from: source, byteCount: raw.count) }
        count += raw.count
    }

    /// Appends the little-endian bytes of `value`.
    func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { append($0) }
    }

    /// Overwrites the bytes at `offset` with `value` (space already appended).
    func store<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { (base + offset).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    }

    /// The bytes written.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    private func reserve(_ size: Int) {
        guard size > capacity else { return }
        let grown = max(size, capacity * 2)
        let memory = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 8)
        memory.copyMemory(from: base, byteCount: count)
        base.deallocate()
        base = memory
        capacity = grown
    }
}
