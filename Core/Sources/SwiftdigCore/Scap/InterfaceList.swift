// SPDX-License-Identifier: Apache-2.0

/// The interface list block: the machine's IPv4 and IPv6 interface addresses.
///
/// Each entry is type (u16: 1 IPv4, 2 IPv6, 3 IPv4 without link speed, 4 IPv6 without link speed),
/// name length (u16), address, netmask, broadcast (4 or 16 bytes each), link speed (u64, types 1
/// and 2 only), name (not NUL-terminated). Version 2 puts the entry's length (u32, not counting
/// itself) before each entry.
public struct InterfaceList: Sendable, Hashable {
    /// The block type: ``ScapBlockType/interfaceList``, ``ScapBlockType/interfaceListInt`` or
    /// ``ScapBlockType/interfaceListV2`` (what sysdig writes).
    public var blockType: ScapBlockType
    /// The IPv4 entries, in file order.
    public var ipv4: [IPv4Interface]
    /// The IPv6 entries, in file order.
    public var ipv6: [IPv6Interface]

    /// Creates a list. A writer writes all IPv4 entries first, as libscap does.
    public init(blockType: ScapBlockType = .interfaceListV2, ipv4: [IPv4Interface], ipv6: [IPv6Interface]) {
        self.blockType = blockType
        self.ipv4 = ipv4
        self.ipv6 = ipv6
    }
}
