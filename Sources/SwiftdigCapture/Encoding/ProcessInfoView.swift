// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// An `SD_CAP_PROCESS` chunk read in place: the fixed `sd_process_info`, then five strings, each
/// a u32 length and its bytes (exe, args, env, cwd, executable path).
struct ProcessInfoView {
    let fixed: UnsafeRawBufferPointer
    let exe: UnsafeRawBufferPointer
    let args: UnsafeRawBufferPointer
    let env: UnsafeRawBufferPointer
    let cwd: UnsafeRawBufferPointer

    static let fixedSize = MemoryLayout<sd_process_info>.size

    /// The view of `chunk`; fields past its end read as zero and strings as empty.
    init(_ chunk: UnsafeRawBufferPointer) {
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        guard chunk.count >= Self.fixedSize else {
            fixed = empty
            exe = empty
            args = empty
            env = empty
            cwd = empty
            return
        }
        fixed = UnsafeRawBufferPointer(rebasing: chunk[..<Self.fixedSize])
        var offset = Self.fixedSize
        func next() -> UnsafeRawBufferPointer {
            let length = Int(chunk.integer(at: offset, as: UInt32.self))
            let start = min(offset + 4, chunk.count)
            let end = min(start + length, chunk.count)
            offset = end
            return UnsafeRawBufferPointer(rebasing: chunk[start..<end])
        }
        exe = next()
        args = next()
        env = next()
        cwd = next()
    }

    /// Byte offsets of the `sd_process_info` fields the encoder reads, computed once.
    enum Offset {
        static let tid = at(\.tid), pid = at(\.pid), ptid = at(\.ptid), pgid = at(\.pgid)
        static let vtid = at(\.vtid), vpid = at(\.vpid), euid = at(\.euid), egid = at(\.egid)
        static let loginuid = at(\.loginuid), tty = at(\.tty), flags = at(\.flags)
        static let fdlimit = at(\.fdlimit), pgftMaj = at(\.pgft_maj), pgftMin = at(\.pgft_min)
        static let vmSize = at(\.vm_size_kb), vmRSS = at(\.vm_rss_kb), vmSwap = at(\.vm_swap_kb), comm = at(\.comm)

        private static func at<T>(_ field: KeyPath<sd_process_info, T>) -> Int {
            MemoryLayout<sd_process_info>.offset(of: field)!
        }
    }

    /// The u32 field at `offset` (an ``Offset``).
    @inline(__always) func u32(_ offset: Int) -> UInt32 { fixed.integer(at: offset, as: UInt32.self) }

    /// The u64 field at `offset` (an ``Offset``).
    @inline(__always) func u64(_ offset: Int) -> UInt64 { fixed.integer(at: offset, as: UInt64.self) }

    /// The task's comm (16 bytes, NUL-padded).
    var comm: UnsafeRawBufferPointer {
        let at = Offset.comm
        guard fixed.count >= at + 16 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(rebasing: fixed[at..<(at + 16)])
    }
}
