// SPDX-License-Identifier: Apache-2.0

/// The iteration order of a libstdc++ `std::unordered_map<std::string, T>`: sysdig lists its
/// containers in that order (its container table is one; live captures also erase from it).
///
/// libstdc++ keeps the nodes in one list, each bucket's nodes together: a key whose bucket is empty
/// goes to the front of the list, any other to the front of its bucket's run. The table starts
/// with 13 buckets at the first key and grows past one key per bucket (29, 59, 127, ...), rebuilding
/// the list by inserting the old order anew. Hashes are `std::hash<std::string>` (`_Hash_bytes`
/// with seed 0xc70f6907).
public struct StdHashOrder {
    /// The keys in iteration order, with their hashes.
    public private(set) var keys: [(key: String, hash: UInt64)] = []
    private var bucketCount: UInt64 = 1

    /// An empty table.
    public init() {}

    /// The bucket counts the table grows through (libstdc++'s prime list, as 2x growth picks it).
    private static let growth: [UInt64] = [13, 29, 59, 127, 257, 541, 1109, 2357, 5087, 10273, 20753, 42043]

    /// Adds `key` (not already present).
    public mutating func insert(_ key: String) {
        let count = UInt64(keys.count) + 1
        if count > bucketCount || bucketCount == 1 {
            bucketCount = Self.growth.first { $0 >= count && $0 > bucketCount } ?? bucketCount * 2 + 1
            let old = keys
            keys.removeAll(keepingCapacity: true)
            for entry in old { place(entry) }
        }
        place((key, Self.hash(key)))
    }

    /// Removes `removed`: libstdc++'s erase unlinks the nodes and keeps the buckets.
    public mutating func remove(_ removed: Set<String>) {
        keys.removeAll { removed.contains($0.key) }
    }

    private mutating func place(_ entry: (key: String, hash: UInt64)) {
        let bucket = entry.hash % bucketCount
        let at = keys.firstIndex { $0.hash % bucketCount == bucket } ?? 0
        keys.insert(entry, at: at)
    }

    /// libstdc++'s `std::hash<std::string>` on 64-bit machines.
    public static func hash(_ key: String) -> UInt64 {
        let mul: UInt64 = 0xc6a4_a793 << 32 &+ 0x5bd1_e995
        @inline(__always) func shiftMix(_ v: UInt64) -> UInt64 { v ^ (v >> 47) }
        let bytes = Array(key.utf8)
        let aligned = bytes.count & ~7
        var h: UInt64 = 0xc70f_6907 ^ (UInt64(bytes.count) &* mul)
        var i = 0
        while i < aligned {
            var word: UInt64 = 0
            for j in 0..<8 { word |= UInt64(bytes[i + j]) << (8 * UInt64(j)) }
            h ^= shiftMix(word &* mul) &* mul
            h = h &* mul
            i += 8
        }
        if bytes.count & 7 != 0 {
            var word: UInt64 = 0
            for j in 0..<(bytes.count & 7) { word |= UInt64(bytes[aligned + j]) << (8 * UInt64(j)) }
            h ^= word
            h = h &* mul
        }
        h = shiftMix(h) &* mul
        return shiftMix(h)
    }
}
