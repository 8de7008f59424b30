// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// The machine's interface addresses through `getifaddrs`, as libscap 0.29.3's `scap_create_iflist`
/// lists them: IPv4 and IPv6 addresses in the order the C library gives them, with netmask and
/// broadcast (or point-to-point) address, link speed 0.
enum InterfaceListReader {
    /// The list, or an error when `getifaddrs` fails.
    static func read() throws(SnapshotError) -> InterfaceList {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0 else { throw SnapshotError.cannotListInterfaces(errno: errno) }
        defer { freeifaddrs(first) }
        var ipv4: [IPv4Interface] = []
        var ipv6: [IPv6Interface] = []
        var next = first
        while let entry = next?.pointee {
            next = entry.ifa_next
            // Entries without an address ("eql" interfaces) are skipped.
            guard let address = entry.ifa_addr else { continue }
            let nameLength = strnlen(entry.ifa_name, ProcLimits.path - 1)
            let name = ByteString(UnsafeRawBufferPointer(start: entry.ifa_name, count: nameLength))
            // ifa_ifu holds the broadcast address, or the peer's on a point-to-point link.
            let broadcast = entry.ifa_ifu.ifu_broadaddr
            switch Int32(address.pointee.sa_family) {
            case AF_INET:
                ipv4.append(
                    IPv4Interface(
                        name: name, address: ipv4Word(address), netmask: entry.ifa_netmask.map(ipv4Word) ?? 0,
                        broadcast: broadcast.map(ipv4Word) ?? 0, linkSpeed: 0))
            case AF_INET6:
                let zero = IPv6Address(high: 0, low: 0)
                ipv6.append(
                    IPv6Interface(
                        name: name, address: ipv6Address(address), netmask: entry.ifa_netmask.map(ipv6Address) ?? zero,
                        broadcast: broadcast.map(ipv6Address) ?? zero, linkSpeed: 0))
            default:
                continue
            }
        }
        return InterfaceList(ipv4: ipv4, ipv6: ipv6)
    }

    /// The address of a `sockaddr_in` as stored: network order loaded as a native word.
    private static func ipv4Word(_ address: UnsafeMutablePointer<sockaddr>) -> UInt32 {
        UnsafeRawPointer(address).loadUnaligned(
            fromByteOffset: MemoryLayout<sockaddr_in>.offset(of: \.sin_addr)!, as: UInt32.self)
    }

    /// The 16 bytes of a `sockaddr_in6`'s address.
    private static func ipv6Address(_ address: UnsafeMutablePointer<sockaddr>) -> IPv6Address {
        let offset = MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr)!
        return IPv6Address(bytes: UnsafeRawBufferPointer(start: UnsafeRawPointer(address) + offset, count: 16))
    }
}
