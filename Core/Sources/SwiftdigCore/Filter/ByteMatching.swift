// SPDX-License-Identifier: Apache-2.0

/// The C string and memory routines the comparisons of libsinsp use, over byte buffers.
enum ByteMatching {
    /// The bytes before the first NUL (how C sees an extracted string).
    @inline(__always) static func cString(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let base = raw.baseAddress, let nul = memchrIndex(raw, 0) else { return raw }
        return UnsafeRawBufferPointer(start: base, count: nul)
    }

    @inline(__always) static func memchrIndex(_ raw: UnsafeRawBufferPointer, _ byte: UInt8) -> Int? {
        var i = 0
        while i < raw.count {
            if raw[i] == byte { return i }
            i &+= 1
        }
        return nil
    }

    /// Whether `raw[at..<at+needle.count]` equals `needle` (the caller checked the bounds).
    @inline(__always) static func equal(_ raw: UnsafeRawBufferPointer, at: Int, _ needle: [UInt8]) -> Bool {
        var k = 0
        while k < needle.count {
            if raw[at &+ k] != needle[k] { return false }
            k &+= 1
        }
        return true
    }

    /// `memmem`: whether `needle` occurs in `raw` (an empty needle always does).
    static func contains(_ raw: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard raw.count >= needle.count else { return false }
        var i = 0
        let last = raw.count - needle.count
        while i <= last {
            if raw[i] == first && equal(raw, at: i, needle) { return true }
            i &+= 1
        }
        return false
    }

    /// `strcasestr` in the C locale; `needle` is already lower case.
    static func containsIgnoringCase(_ raw: UnsafeRawBufferPointer, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard raw.count >= needle.count else { return false }
        var i = 0
        while i <= raw.count - needle.count {
            var k = 0
            while k < needle.count && lower(raw[i &+ k]) == needle[k] { k &+= 1 }
            if k == needle.count { return true }
            i &+= 1
        }
        return false
    }

    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }

    static func startsWith(_ raw: UnsafeRawBufferPointer, _ prefix: [UInt8]) -> Bool {
        raw.count >= prefix.count && equal(raw, at: 0, prefix)
    }

    static func endsWith(_ raw: UnsafeRawBufferPointer, _ suffix: [UInt8]) -> Bool {
        raw.count >= suffix.count && equal(raw, at: raw.count - suffix.count, suffix)
    }

    /// `strcmp`'s sign: bytes compare unsigned, a prefix sorts first.
    static func compare(_ raw: UnsafeRawBufferPointer, _ other: [UInt8]) -> Int {
        let n = min(raw.count, other.count)
        var i = 0
        while i < n {
            if raw[i] != other[i] { return raw[i] < other[i] ? -1 : 1 }
            i &+= 1
        }
        return raw.count == other.count ? 0 : raw.count < other.count ? -1 : 1
    }
}

/// Constant strings sorted for membership tests without building a key per event.
struct SortedByteStrings: Equatable {
    let values: [[UInt8]]
    let minLength: Int
    let maxLength: Int

    init(_ values: [[UInt8]]) {
        self.values = Array(Set(values)).sorted { $0.lexicographicallyPrecedes($1) }
        minLength = values.map(\.count).min() ?? 0
        maxLength = values.map(\.count).max() ?? 0
    }

    func contains(_ raw: UnsafeRawBufferPointer) -> Bool {
        guard raw.count >= minLength, raw.count <= maxLength else { return false }
        var low = 0, high = values.count
        while low < high {
            let mid = (low + high) / 2
            let order = ByteMatching.compare(raw, values[mid])
            if order == 0 { return true }
            if order > 0 { low = mid + 1 } else { high = mid }
        }
        return false
    }
}
