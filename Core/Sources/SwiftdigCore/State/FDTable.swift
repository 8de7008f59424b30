// SPDX-License-Identifier: Apache-2.0

/// A thread's open fds by number: a dictionary whose keys hash with a multiply and shift instead of
/// `Hasher` (SipHash, about 140 instructions), since every open, every close and the lookups the
/// last-fd cache misses hash one fd number (a removal rehashes its neighbours too).
public struct FDTable: Sequence {
    /// The fds, keyed by their number.
    private var storage: [FDNumber: FDInfo] = [:]

    /// An empty table.
    public init() {}

    /// The fd `fd`, or `nil` when it is not open; setting `nil` closes it.
    @inline(__always) public subscript(fd: Int64) -> FDInfo? {
        get { storage[FDNumber(value: fd)] }
        set { storage[FDNumber(value: fd)] = newValue }
    }

    /// Closes `fd`, returning what it was.
    @inline(__always) public mutating func remove(_ fd: Int64) -> FDInfo? {
        storage.removeValue(forKey: FDNumber(value: fd))
    }

    /// The number of open fds.
    public var count: Int { storage.count }
    /// Whether no fd is open.
    public var isEmpty: Bool { storage.isEmpty }
    /// The open fd numbers, in no particular order.
    public var keys: LazyMapCollection<Dictionary<FDNumber, FDInfo>.Keys, Int64> { storage.keys.lazy.map(\.value) }
    /// The open fds, in no particular order.
    public var values: Dictionary<FDNumber, FDInfo>.Values { storage.values }
    /// The table as a plain dictionary.
    public var dictionary: [Int64: FDInfo] {
        Dictionary(uniqueKeysWithValues: storage.lazy.map { ($0.key.value, $0.value) })
    }

    /// The fds with their numbers, in no particular order.
    public func makeIterator() -> LazyMapSequence<[FDNumber: FDInfo], (key: Int64, value: FDInfo)>.Iterator {
        storage.lazy.map { (key: $0.key.value, value: $0.value) }.makeIterator()
    }
}

/// An fd number as ``FDTable`` keys it.
public struct FDNumber: Hashable, Sendable {
    /// The number.
    public let value: Int64

    /// Feeds the number to `hasher` (used by hashing outside a dictionary).
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// What the dictionary hashes with: the number mixed with the dictionary's seed by a multiply
    /// and a shift. fd numbers come from the capture: one made to collide only slows itself down.
    public func _rawHashValue(seed: Int) -> Int {
        var h = (UInt64(bitPattern: value) ^ UInt64(truncatingIfNeeded: seed)) &* 0x9E37_79B9_7F4A_7C15
        h ^= h &>> 29
        return Int(truncatingIfNeeded: h)
    }
}
