// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// Bound fields by slot, in memory of their own and unretained: each read of a chisel's field looks
/// its field up per event, and an array of references (or of accessors) costs a retain and a release
/// per look-up. The accessors the event source keeps hold the fields alive.
struct UnretainedFields {
    private var base: UnsafeMutablePointer<Unmanaged<BoundField>>?
    private var capacity = 0
    private var count = 0

    /// Adds `field` at the next slot (the caller keeps it alive).
    mutating func append(_ field: BoundField) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Unmanaged<BoundField>>.allocate(capacity: max(8, capacity * 2))
            if let base {
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
            }
            base = grown
            capacity = max(8, capacity * 2)
        }
        (base! + count).initialize(to: .passUnretained(field))
        count += 1
    }

    /// Calls `body` with the field in `slot`, borrowed.
    @inline(__always) func with<R>(_ slot: Int, _ body: (BoundField) -> R) -> R {
        base![slot]._withUnsafeGuaranteedRef(body)
    }

    /// Frees the memory (not the fields).
    func deallocate() { base?.deallocate() }
}
