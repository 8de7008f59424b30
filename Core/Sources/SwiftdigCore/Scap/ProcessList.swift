// SPDX-License-Identifier: Apache-2.0

/// The process list block: one entry per thread alive when the capture started.
///
/// Fields by version (each string is a u16 length and the bytes):
///
/// | version | fields in order |
/// | --- | --- |
/// | 1 | tid, pid, ptid (u64), comm, exe, args, cwd, fdlimit (u64), flags, uid, gid (u32) |
/// | 2 | + vmsize_kb, vmrss_kb, vmswap_kb (u32), pfmajor, pfminor (u64) after gid |
/// | 3 | + env after pfminor |
/// | 4 | + vtid, vpid (u64), cgroups after env |
/// | 5 | + root after cgroups |
/// | 6 | + sid (u64) after ptid |
/// | 7 | + exepath after exe |
/// | 8 | + vpgid (u64) after sid |
/// | 9 | each entry starts with its length (u32, counting itself); optional fields follow root |
public struct ProcessList: Sendable, Hashable {
    /// The block type, one of ``ScapBlockType/processListTypes``; sysdig 0.29.3 writes version 9.
    public var blockType: ScapBlockType
    /// The threads, in file order.
    public var threads: [ThreadInfo]

    /// Creates a list.
    public init(blockType: ScapBlockType = .processListV9, threads: [ThreadInfo]) {
        self.blockType = blockType
        self.threads = threads
    }
}
