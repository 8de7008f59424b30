// SPDX-License-Identifier: Apache-2.0

extension Event {
    /// Parameter `index` read as a little-endian integer of type `T`, or `nil` when the event lacks it
    /// or it is shorter than `T`.
    @inline(__always) public func integer<T: FixedWidthInteger>(_ index: Int, as: T.Type = T.self) -> T? {
        guard let p = param(index), p.count >= MemoryLayout<T>.size else { return nil }
        return T(littleEndian: p.loadUnaligned(as: T.self))
    }

    /// Parameter `index` as a signed 64-bit value (fds, pids, results), or `nil`.
    @inline(__always) public func int64(_ index: Int) -> Int64? { integer(index, as: Int64.self) }

    /// Parameter `index` as a string, up to its first NUL, or `nil`.
    public func string(_ index: Int) -> String? {
        guard let p = param(index) else { return nil }
        var end = 0
        while end < p.count && p[end] != 0 { end += 1 }
        return String(decoding: UnsafeRawBufferPointer(rebasing: p[0..<end]), as: UTF8.self)
    }
}
