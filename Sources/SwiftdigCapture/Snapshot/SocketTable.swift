// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// The sockets of one network namespace by inode, from its /proc/net tables, typed as libscap
/// 0.29.3 types them: TCP, UDP and raw sockets with no remote address are servers, the others
/// connected tuples; unix sockets carry their kernel address and path; netlink sockets are listed
/// as unix sockets without data (libscap's netlink reader types them so).
struct SocketTable {
    /// What a socket fd becomes in the fd list.
    struct Entry {
        var type: ScapFDType
        var details: FDDetails
    }

    /// The sockets by inode; a later table wins over an earlier one for the same inode, as
    /// libscap's hash finds the entry added last.
    private(set) var sockets: [UInt64: Entry] = [:]

    /// Which file of a namespace's `net/` folder holds which sockets, in libscap's reading order.
    /// The IPv6 tables are read only when `tcp6` exists.
    private static let tables: [(file: String, kind: Kind)] = [
        ("tcp", .ipv4(L4Proto.tcp.rawValue)), ("udp", .ipv4(L4Proto.udp.rawValue)),
        ("raw", .ipv4(L4Proto.raw.rawValue)), ("unix", .unix), ("netlink", .netlink),
        ("tcp6", .ipv6(L4Proto.tcp.rawValue)), ("udp6", .ipv6(L4Proto.udp.rawValue)),
        ("raw6", .ipv6(L4Proto.raw.rawValue)),
    ]

    private enum Kind {
        case ipv4(UInt8), ipv6(UInt8), unix, netlink
        var isIPv6: Bool { if case .ipv6 = self { true } else { false } }
    }

    /// Reads the tables under `netDirectory` (ending in `/`); `nil` when one cannot be read.
    init?(netDirectory: String) {
        let hasIPv6 = access(netDirectory + "tcp6", R_OK) == 0
        for (file, kind) in Self.tables where hasIPv6 || !kind.isIPv6 {
            guard let text = ProcFS.read(netDirectory + file, limit: 1 << 28) else { return nil }
            // The first line names the columns.
            for line in ProcText.lines(text).dropFirst() where !line.isEmpty {
                guard let (inode, entry) = Self.parse(line, kind) else { continue }
                sockets[inode] = entry
            }
        }
    }

    private static func parse(_ line: ArraySlice<UInt8>, _ kind: Kind) -> (UInt64, Entry)? {
        let fields = ProcText.fields(line)
        switch kind {
        case let .ipv4(proto):
            return internet(fields, proto, ipv6: false)
        case let .ipv6(proto):
            return internet(fields, proto, ipv6: true)
        case .unix:
            // Num: RefCount Protocol Flags Type St Inode [Path]
            guard fields.count >= 7, let inode = ProcText.unsigned(fields[6]) else { return nil }
            let address = ProcText.unsigned(fields[0], radix: 16) ?? 0
            // libscap 0.29.3 splits the line on blanks only, so a path that ends the line keeps the
            // line's newline (later libs drop it); a path with blanks is cut at the first.
            var path = fields.count > 7 ? Array(fields[7]) : []
            if fields.count == 8 { path.append(ProcText.newline) }
            let details = FDDetails.unixSocket(source: address, destination: 0, name: ByteString(path))
            return (inode, Entry(type: .unixSocket, details: details))
        case .netlink:
            // sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
            guard fields.count >= 10, let inode = ProcText.unsigned(fields[9]) else { return nil }
            return (inode, Entry(type: .unixSocket, details: .unixSocket(source: 0, destination: 0, name: "")))
        }
    }

    /// A line of the TCP, UDP or raw tables: a server when the remote address is all zeros.
    private static func internet(_ fields: [ArraySlice<UInt8>], _ proto: UInt8, ipv6: Bool) -> (UInt64, Entry)? {
        // sl local remote st tx:rx tr:when retrnsmt uid timeout inode
        guard fields.count >= 10, let inode = ProcText.unsigned(fields[9]),
            let local = address(fields[1]), let remote = address(fields[2])
        else { return nil }
        let server = remote.words.allSatisfy { $0 == 0 }
        let entry: Entry
        if ipv6 {
            let sip = ipv6Address(local.words), dip = ipv6Address(remote.words)
            entry =
                server
                ? Entry(type: .ipv6ServerSocket, details: .ipv6Server(ip: sip, port: local.port, l4Protocol: proto))
                : Entry(
                    type: .ipv6Socket,
                    details: .ipv6Socket(
                        sourceIP: sip, destinationIP: dip, sourcePort: local.port, destinationPort: remote.port,
                        l4Protocol: proto))
        } else {
            let sip = local.words.first ?? 0, dip = remote.words.first ?? 0
            entry =
                server
                ? Entry(type: .ipv4ServerSocket, details: .ipv4Server(ip: sip, port: local.port, l4Protocol: proto))
                : Entry(
                    type: .ipv4Socket,
                    details: .ipv4Socket(
                        sourceIP: sip, destinationIP: dip, sourcePort: local.port, destinationPort: remote.port,
                        l4Protocol: proto))
        }
        return (inode, entry)
    }

    /// An `ADDRESS:PORT` column: the address as 32-bit words in the order printed (each the word
    /// in memory order, as the kernel prints them), the port in host order.
    private static func address(_ field: ArraySlice<UInt8>) -> (words: [UInt32], port: UInt16)? {
        guard let colon = field.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let hex = field[..<colon]
        guard hex.count % 8 == 0, let port = ProcText.unsigned(field[(colon + 1)...], radix: 16) else { return nil }
        var words: [UInt32] = []
        var start = hex.startIndex
        while start < hex.endIndex {
            guard let word = ProcText.unsigned(hex[start..<(start + 8)], radix: 16) else { return nil }
            words.append(UInt32(truncatingIfNeeded: word))
            start += 8
        }
        return (words, UInt16(truncatingIfNeeded: port))
    }

    /// Four printed words as an address: each word's bytes in memory (little-endian) order.
    private static func ipv6Address(_ words: [UInt32]) -> IPv6Address {
        var bytes: [UInt8] = []
        for word in words.prefix(4) { withUnsafeBytes(of: word.littleEndian) { bytes += $0 } }
        return IPv6Address(bytes: bytes)
    }
}
