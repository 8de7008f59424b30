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

    /// A u32 field of `sd_process_info`.
    @inline(__always) func u32(_ field: KeyPath<sd_process_info, UInt32>) -> UInt32 {
        fixed.integer(at: MemoryLayout<sd_process_info>.offset(of: field) ?? -1, as: UInt32.self)
    }

    /// A u64 field of `sd_process_info`.
    @inline(__always) func u64(_ field: KeyPath<sd_process_info, UInt64>) -> UInt64 {
        fixed.integer(at: MemoryLayout<sd_process_info>.offset(of: field) ?? -1, as: UInt64.self)
    }

    /// The task's comm (16 bytes, NUL-padded).
    var comm: UnsafeRawBufferPointer {
        guard let at = MemoryLayout<sd_process_info>.offset(of: \.comm), fixed.count >= at + 16 else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(rebasing: fixed[at..<(at + 16)])
    }
}
