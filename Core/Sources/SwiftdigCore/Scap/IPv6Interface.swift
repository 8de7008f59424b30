// SPDX-License-Identifier: Apache-2.0

/// An IPv6 address of a network interface (`scap_ifinfo_ipv6`).
public struct IPv6Interface: Sendable, Hashable {
    /// The interface name (`eth0`).
    public var name: ByteString
    /// The address.
    public var address: IPv6Address
    /// The netmask.
    public var netmask: IPv6Address
    /// The broadcast address.
    public var broadcast: IPv6Address
    /// The link speed, or `nil` for the old entries without one (`SCAP_II_IPV6_NOLINKSPEED`).
    public var linkSpeed: UInt64?

    /// Creates an entry.
    public init(
        name: ByteString, address: IPv6Address, netmask: IPv6Address, broadcast: IPv6Address, linkSpeed: UInt64? = 0
    ) {
        self.name = name
        self.address = address
        self.netmask = netmask
        self.broadcast = broadcast
        self.linkSpeed = linkSpeed
    }
}
