// SPDX-License-Identifier: Apache-2.0

/// The type-specific part of a file descriptor entry. IPv4 addresses are the u32 as stored (see
/// ``IPv4Interface``); ports are in host order.
public enum FDDetails: Sendable, Hashable {
    /// No data (``FDType/unknown``).
    case none
    /// A name: file, directory, FIFO, eventfd, epoll, inotify, netlink and the like.
    case name(ByteString)
    /// A file of type ``FDType/fileV2``: open flags, name and, when the entry has it, the device.
    case file(openFlags: UInt32, name: ByteString, dev: UInt32?)
    /// A connected IPv4 socket.
    case ipv4Socket(
        sourceIP: UInt32, destinationIP: UInt32, sourcePort: UInt16, destinationPort: UInt16, l4Protocol: UInt8)
    /// A connected IPv6 socket.
    case ipv6Socket(
        sourceIP: IPv6Address, destinationIP: IPv6Address, sourcePort: UInt16, destinationPort: UInt16,
        l4Protocol: UInt8)
    /// A listening IPv4 socket.
    case ipv4Server(ip: UInt32, port: UInt16, l4Protocol: UInt8)
    /// A listening IPv6 socket.
    case ipv6Server(ip: IPv6Address, port: UInt16, l4Protocol: UInt8)
    /// A unix socket: the kernel addresses of both ends and the path.
    case unixSocket(source: UInt64, destination: UInt64, name: ByteString)
    /// A type this reader does not know, skipped thanks to the entry length (version 2 lists only).
    case unknownType
}
