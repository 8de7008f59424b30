// SPDX-License-Identifier: Apache-2.0

/// The file descriptor list block of one thread: the thread id (u64), then its entries. Version 2
/// puts the entry's length (u32, counting itself) before each entry.
public struct FDList: Sendable, Hashable {
    /// The block type: ``ScapBlockType/fdList``, ``ScapBlockType/fdListInt`` or
    /// ``ScapBlockType/fdListV2`` (what sysdig writes).
    public var blockType: ScapBlockType
    /// The thread the descriptors belong to.
    public var tid: Int64
    /// The descriptors, in file order.
    public var fds: [FDInfo]

    /// Creates a list.
    public init(blockType: ScapBlockType = .fdListV2, tid: Int64, fds: [FDInfo]) {
        self.blockType = blockType
        self.tid = tid
        self.fds = fds
    }
}
