// SPDX-License-Identifier: Apache-2.0

/// An IPv4 address of a network interface (`scap_ifinfo_ipv4`).
///
/// Addresses are the u32 as stored, which is the address in network order loaded little-endian:
/// the first byte of the dotted form is the lowest byte.
public struct IPv4Interface: Sendable, Hashable {
    /// The interface name (`eth0`).
    public var name: ByteString
    /// The address.
    public var address: UInt32
    /// The netmask.
    public var netmask: UInt32
    /// The broadcast address.
    public var broadcast: UInt32
    /// The link speed, or `nil` for the old entries without one (`SCAP_II_IPV4_NOLINKSPEED`).
    public var linkSpeed: UInt64?

    /// Creates an entry.
    public init(name: ByteString, address: UInt32, netmask: UInt32, broadcast: UInt32, linkSpeed: UInt64? = 0) {
        self.name = name
        self.address = address
        self.netmask = netmask
        self.broadcast = broadcast
        self.linkSpeed = linkSpeed
    }
}
