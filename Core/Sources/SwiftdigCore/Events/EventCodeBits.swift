// SPDX-License-Identifier: Apache-2.0

/// A set of 16-bit event codes as one bit per code, for tests made per event: every code has its
/// bit, so ``contains(_:)`` is one load and one bit test, with no bounds check and no reference
/// counting.
///
/// The bits live in memory this value points to (8 KiB): the owner makes it with ``allocate()``
/// and frees it with ``deallocate()`` (copies share the same bits).
struct EventCodeBits {
    /// The number of 64-bit words: one bit for each of the 65,536 codes.
    private static let wordCount = 1 << 10

    private let words: UnsafeMutablePointer<UInt64>

    private init(words: UnsafeMutablePointer<UInt64>) { self.words = words }

    /// An empty set in new memory.
    static func allocate() -> EventCodeBits {
        let words = UnsafeMutablePointer<UInt64>.allocate(capacity: wordCount)
        words.initialize(repeating: 0, count: wordCount)
        return EventCodeBits(words: words)
    }

    /// Frees the bits; no copy of this value may be used after.
    func deallocate() { words.deallocate() }

    /// Adds `code`.
    func insert(_ code: UInt16) {
        words[Int(code &>> 6)] |= 1 &<< UInt64(code & 63)
    }

    /// Whether `code` is in the set.
    @inline(__always) func contains(_ code: UInt16) -> Bool {
        words[Int(code &>> 6)] & (1 &<< UInt64(code & 63)) != 0
    }
}
