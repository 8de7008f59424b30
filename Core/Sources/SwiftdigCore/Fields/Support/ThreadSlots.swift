// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// Per-thread storage that bound fields reserve, as libsinsp's `reserve_thread_memory`: each field
/// that keeps a running value per thread (`thread.totexectime`, `thread.cpu`) takes a slot at bind
/// time and reads it on each thread. A thread starts with every slot at zero, so a thread replaced
/// in the table (a new process with a reused tid) starts over, as in libsinsp.
enum ThreadSlots {
    private static let next = Atomic<Int>(0)

    /// A new slot number.
    static func reserve() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

extension ThreadInfo {
    /// Calls `body` with slot `slot` of this thread (zero until first written).
    @inline(__always) func withSlot<R>(_ slot: Int, _ body: (inout UInt64) -> R) -> R {
        if fieldSlots.count <= slot {
            fieldSlots.append(contentsOf: repeatElement(0, count: slot + 1 - fieldSlots.count))
        }
        return body(&fieldSlots[slot])
    }
}
