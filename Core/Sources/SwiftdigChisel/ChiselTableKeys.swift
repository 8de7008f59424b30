// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// The keys of a table's rows: the bytes of each row's values joined as sysdig's Lua joins them
/// (`"\u{1}\u{1}"` between values), numbered in the order they were first added and found by
/// their bytes. A key is looked up per event, from bytes the runner lends (no array, no string):
/// open addressing over a power-of-two table of row numbers, at most half full, with each key's
/// hash kept to skip most comparisons and to grow without hashing again. The keys' bytes lie back
/// to back in one array: comparing one retains nothing.
struct ChiselTableKeys: Sendable {
    /// What sysdig's chisels put between key values (and split them at).
    static let separator: [UInt8] = [1, 1]
    /// Every key's bytes, back to back.
    private var bytes: [UInt8] = []
    /// Where each row's key starts in ``bytes``, and after the last one, its end.
    private var starts: [Int] = [0]
    /// The hash of each row's key.
    private var hashes: [UInt64] = []
    /// Row number + 1 by bucket; 0 is an empty bucket.
    private var buckets: [Int32] = []
    /// Mixed into every hash: each table hashes its own way, so no capture collides in every run.
    private let seed = UInt64.random(in: .min ... .max)

    /// The number of keys.
    var count: Int { hashes.count }

    /// The bytes of the key of `row`.
    func key(_ row: Int) -> ArraySlice<UInt8> { bytes[starts[row]..<starts[row + 1]] }

    /// The values of the key of `row`, split as Lua's `split(key, "\001\001")` does.
    func values(_ row: Int) -> [String] {
        let key = self.key(row)
        var out: [String] = []
        var start = key.startIndex
        var i = start
        while i + 1 < key.endIndex {
            if key[i] == 1 && key[i + 1] == 1 {
                out.append(String(decoding: key[start..<i], as: UTF8.self))
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        out.append(String(decoding: key[start...], as: UTF8.self))
        return out
    }

    /// The row of `key`, which becomes row ``count`` when it is new.
    /// - Returns: the row and whether the key was added.
    mutating func row(for key: UnsafeRawBufferPointer) -> (row: Int, added: Bool) {
        let hash = Self.hash(key, seed: seed)
        if hashes.count &* 2 >= buckets.count { grow() }
        let mask = buckets.count &- 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = buckets[i]
            if entry == 0 { break }
            let row = Int(entry) &- 1
            if hashes[row] == hash && matches(row, key) { return (row, false) }
            i = (i &+ 1) & mask
        }
        let row = hashes.count
        buckets[i] = Int32(row &+ 1)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        hashes.append(hash)
        return (row, true)
    }

    /// Forgets every key, keeping the storage.
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
        hashes.removeAll(keepingCapacity: true)
        for i in buckets.indices { buckets[i] = 0 }
    }

    /// Doubles the buckets and places the keys again by their kept hashes.
    private mutating func grow() {
        let size = max(64, buckets.count * 2)
        buckets = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (row, hash) in hashes.enumerated() {
            var i = Int(truncatingIfNeeded: hash) & mask
            while buckets[i] != 0 { i = (i + 1) & mask }
            buckets[i] = Int32(row + 1)
        }
    }

    /// Whether the key of `row` is `key`.
    private func matches(_ row: Int, _ key: UnsafeRawBufferPointer) -> Bool {
        let start = starts[row]
        guard starts[row &+ 1] &- start == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress! + start, base, key.count) == 0 }
    }

    /// Eight bytes at a time through a multiply and shift mix: about half the cost of `Hasher`
    /// (SipHash), which is built to resist made-up collisions. Keys come from the capture: a capture
    /// made to collide would only slow its own table down.
    private static func hash(_ raw: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let n = raw.count
        var h = seed ^ (UInt64(n) &* 0x9E37_79B9_7F4A_7C15)
        guard n >= 8 else { return mix(h ^ shortTail(raw)) }
        var i = 0
        while i &+ 8 <= n {
            h = mix(h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i &+= 8
        }
        // The last eight bytes again, overlapping what came before: no byte-by-byte tail.
        if i < n { h = mix(h ^ raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self)) }
        return h
    }

    /// The bytes of a key shorter than eight, in a word.
    @inline(__always) private static func shortTail(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        let n = raw.count
        if n >= 4 {
            // The first four and the last four, overlapping.
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            return low | UInt64(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self)) << 32
        }
        var tail: UInt64 = 0
        for i in 0..<n { tail |= UInt64(raw[i]) << UInt64(i &* 8) }
        return tail
    }

    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        var h = value &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 31
        h &*= 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29)
    }
}
