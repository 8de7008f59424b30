// SPDX-License-Identifier: Apache-2.0

/// A byte copy of a string kept next to it by a state object (a thread's name, an fd's name), so
/// that output can append it without reference counting or UTF-8 checks.
///
/// The memory belongs to the object that holds the value: it calls ``set(_:sanitized:)`` whenever
/// the string changes and ``free()`` in its `deinit`. Never copy the value out of its owner.
struct OwnedBytes {
    private var base: UnsafeMutablePointer<UInt8>?
    private var capacity = 0
    /// The number of bytes.
    private(set) var count = 0

    init() {}

    /// Replaces the bytes with `string`'s up to its first NUL (sysdig keeps names as C strings),
    /// or, when `sanitized` is set, with all of them but those sysdig finds unprintable (NUL
    /// included).
    mutating func set(_ string: String, sanitized: Bool = false) {
        var s = string
        s.withUTF8 { set(UnsafeRawBufferPointer($0), sanitized: sanitized) }
    }

    /// ``set(_:sanitized:)`` from UTF-8 bytes.
    mutating func set(_ utf8: UnsafeRawBufferPointer, sanitized: Bool) {
        if utf8.count > capacity {
            base?.deallocate()
            capacity = max(utf8.count, 16)
            base = .allocate(capacity: capacity)
        }
        guard let out = base else { return }  // nothing was ever stored, and nothing is
        // Names are mostly printable already: copied at once.
        if sanitized && PathResolution.allPrintable(utf8) {
            if let source = utf8.baseAddress { UnsafeMutableRawPointer(out).copyMemory(from: source, byteCount: utf8.count) }
            count = utf8.count
            return
        }
        var n = 0
        if sanitized {
            for c in utf8 where !PathResolution.isInvalid(c) {
                out[n] = c
                n += 1
            }
        } else {
            for c in utf8 {
                if c == 0 { break }
                out[n] = c
                n += 1
            }
        }
        count = n
    }

    /// The bytes, valid until the next ``set(_:sanitized:)`` or ``free()``.
    @inline(__always) var raw: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Releases the memory.
    mutating func free() {
        base?.deallocate()
        base = nil
        capacity = 0
        count = 0
    }
}
