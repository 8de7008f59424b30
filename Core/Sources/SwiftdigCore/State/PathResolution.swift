// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Path joining and clean-up as sysdig does it, so resolved paths print the same.
enum PathResolution {
    /// Whether sysdig treats a byte as unprintable (it drops or replaces those).
    @inline(__always) static func isInvalid(_ c: UInt8) -> Bool { c < 0x20 || c > 0x7E }

    /// Whether no byte of `bytes` is one ``isInvalid(_:)`` flags, tested eight bytes at a time.
    static func allPrintable(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = 0
        while i + 8 <= bytes.count {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte below 0x20 borrows into its high bit; one above 0x7E has it set after adding 1.
            let below = (w &- ones &* 0x20) & ~w & highs
            let above = ((w &+ ones) | w) & highs
            if below | above != 0 { return false }
            i += 8
        }
        while i < bytes.count {
            if isInvalid(bytes[i]) { return false }
            i += 1
        }
        return true
    }

    /// Drops the bytes sysdig considers unprintable.
    static func sanitized(_ s: String) -> String {
        if s.utf8.allSatisfy({ !isInvalid($0) }) { return s }
        return String(decoding: s.utf8.filter { !isInvalid($0) }, as: UTF8.self)
    }

    /// Joins `base` (a directory ending in `/`) and `path` when `path` is relative, then folds `.`
    /// and `..` and doubled separators. Returns the joined path and whether `path` was relative
    /// (sysdig shows the resolved form only then).
    static func concatenate(_ base: [UInt8], _ path: UnsafeRawBufferPointer) -> (path: [UInt8], relative: Bool) {
        var target = OutputBuffer(capacity: base.count + path.count)
        base.withUnsafeBytes { target.append($0) }
        let relative = concatenate(into: &target, path)
        return (target.bytes, relative)
    }

    /// Appends `path` to `target` (which holds the base directory, ending in `/`) when `path` is
    /// relative, or replaces `target` with it when it is absolute, folding `.`, `..` and doubled
    /// separators. Returns whether `path` was relative.
    static func concatenate(into target: inout OutputBuffer, _ path: UnsafeRawBufferPointer) -> Bool {
        // The driver's strings end at the first NUL.
        var end = path.count
        if let base = path.baseAddress, let nul = memchr(base, 0, path.count) { end = UnsafeRawPointer(nul) - base }
        let source = UnsafeRawBufferPointer(rebasing: path[0..<end])
        let relative = end != 0 && source[0] != UInt8(ascii: "/")
        if !relative { target.removeAll() }
        copyAndSanitize(&target, source)
        return relative
    }

    /// Appends `path` to `target`, folding `.`, `..` and repeated `/`, replacing unprintable bytes
    /// with `.`, and dropping a trailing `/` (but never the root).
    static func copyAndSanitize(_ target: inout OutputBuffer, _ path: UnsafeRawBufferPointer) {
        // Each byte of `path` adds at most one byte.
        target.edit(reserving: path.count) { out, count in
            if foldsToItself(path, after: out, count: count) {
                if let source = path.baseAddress { UnsafeMutableRawPointer(out + count).copyMemory(from: source, byteCount: path.count) }
                count += path.count
            } else {
                count = fold(path, into: out, from: count)
            }
        }
    }

    /// Whether ``fold(_:into:from:)`` would copy `path` unchanged after the `count` bytes of `out`:
    /// printable, not empty, no `./` or `//` (which also rules out `.` and `..` components), not ending
    /// in `/` or `.`, and no `/` doubling the one `out` ends with. Most paths qualify, and then need
    /// one look at each slash instead of the byte-by-byte fold.
    private static func foldsToItself(
        _ path: UnsafeRawBufferPointer, after out: UnsafeMutablePointer<UInt8>, count: Int
    ) -> Bool {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        guard let base = path.baseAddress, let last = path.last, last != slash, last != dot else { return false }
        if count > 0 && out[count - 1] == slash && path[0] == slash { return false }
        guard allPrintable(path) else { return false }
        var i = 1  // what precedes a slash at 0 is `out`'s, tested above
        while i < path.count, let hit = memchr(base + i, Int32(slash), path.count - i) {
            let at = UnsafeRawPointer(hit) - base
            if path[at - 1] == slash || path[at - 1] == dot { return false }
            i = at + 1
        }
        return true
    }

    /// ``copyAndSanitize(_:_:)`` into `out`, whose first `start` bytes are kept; returns the new
    /// count. The count is a local: kept `inout`, every store through `out` made the compiler
    /// reload it.
    private static func fold(
        _ path: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>, from start: Int
    ) -> Int {
        var n = start
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var pc = 0
        @inline(__always) func at(_ i: Int) -> UInt8 { i < path.count ? path[i] : 0 }
        @inline(__always) func put(_ c: UInt8) {
            out[n] = c
            n += 1
        }
        @inline(__always) func rewind(_ delta: Int) {
            // Go up one directory, but never above the first character.
            if n > 1 {
                n -= 1
                while n >= 1, out[n - 1] != slash { n -= 1 }
            }
            pc += delta
        }
        while true {
            let c = at(pc)
            // Most bytes (letters, digits, ...) need none of the tests below.
            if c > slash && c <= 0x7E {
                put(c)
                pc += 1
                continue
            }
            if c == 0 {
                if n > 1, out[n - 1] == slash { n -= 1 }
                return n
            }
            if isInvalid(c) {
                put(dot)
                pc += 1
            } else if c == dot && at(pc + 1) == dot && at(pc + 2) == slash {
                rewind(3)
            } else if c == dot && at(pc + 1) == dot {
                if at(pc + 2) == 0 {
                    rewind(2)
                } else {
                    put(dot)
                    put(dot)
                    pc += 2
                }
            } else if c == dot && at(pc + 1) == slash {
                pc += 2
            } else if c == dot {
                if at(pc + 1) != 0 { put(c) }
                pc += 1
            } else {
                // A slash after a slash is dropped.
                if c != slash || n == 0 || out[n - 1] != slash { put(c) }
                pc += 1
            }
        }
    }
}
