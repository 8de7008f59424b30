// SPDX-License-Identifier: Apache-2.0

/// The growth rule of the capture's raw byte buffers (``EventWriter``'s event, ``EventBatch``'s
/// storage): double until the bytes fit, so that appends stay amortized O(1).
enum ByteStorage {
    /// A new allocation of at least `needed` bytes (`capacity` doubled as often as that takes),
    /// holding the first `used` bytes of `old`, which is freed.
    static func grow(
        _ old: UnsafeMutableRawPointer, used: Int, capacity: Int, toHold needed: Int
    ) -> (base: UnsafeMutableRawPointer, capacity: Int) {
        var newCapacity = max(capacity, 1) * 2
        while newCapacity < needed { newCapacity *= 2 }
        let base = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        base.copyMemory(from: old, byteCount: used)
        old.deallocate()
        return (base, newCapacity)
    }
}
