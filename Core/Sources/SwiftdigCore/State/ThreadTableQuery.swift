// SPDX-License-Identifier: Apache-2.0

/// The thread table as sysdig's chisels read it (`sysdig.get_thread_table(filter)` of libsinsp's
/// chisel API): every thread with its open fds, a filter tested on each fd, socket ends as text.
extension SystemState {
    /// The fds `thread` uses: its own, or its process's when it shares them (`CLONE_FILES`);
    /// empty when that process is unknown.
    public func fdTable(of thread: ThreadInfo) -> [Int64: FDInfo] {
        fdOwner(of: thread)?.fds.dictionary ?? [:]
    }
}

/// The two ends of an IPv4 or IPv6 socket as `get_thread_table` names them: the server's and, for
/// connected sockets, the client's.
public struct SocketEnds: Sendable {
    /// `tcp`, `udp`, `icmp`, `raw` or `<NA>`.
    public var l4Protocol: String
    /// The server's address, as `inet_ntop` writes it.
    public var serverAddress: String
    /// The server's port.
    public var serverPort: UInt16
    /// The client's address and port; `nil` for listening sockets.
    public var client: (address: String, port: UInt16)?
    /// Whether this process is the server end.
    public var isServer: Bool
}

extension FDInfo {
    /// The socket's ends, or `nil` for fds that are not IPv4 or IPv6 sockets. As libsinsp's chisel
    /// API, a connected socket's server is its tuple's destination, whatever the fd's role.
    public var socketEnds: SocketEnds? {
        let proto: String
        switch l4proto {
        case .tcp: proto = "tcp"
        case .udp: proto = "udp"
        case .icmp: proto = "icmp"
        case .raw: proto = "raw"
        default: proto = "<NA>"
        }
        let isServer = flags.contains(.roleServer)
        switch type {
        case .ipv4Socket:
            return SocketEnds(
                l4Protocol: proto, serverAddress: NetworkAddresses.ipv4(sockinfo.v4dip), serverPort: sockinfo.v4dport,
                client: (NetworkAddresses.ipv4(sockinfo.v4sip), sockinfo.v4sport), isServer: isServer)
        case .ipv4ServerSocket:
            return SocketEnds(
                l4Protocol: proto, serverAddress: NetworkAddresses.ipv4(sockinfo.v4serverIP),
                serverPort: sockinfo.v4serverPort, client: nil, isServer: true)
        case .ipv6Socket:
            return SocketEnds(
                l4Protocol: proto, serverAddress: NetworkAddresses.ipv6(sockinfo.bytes16(16)), serverPort: sockinfo.v6dport,
                client: (NetworkAddresses.ipv6(sockinfo.bytes16(0)), sockinfo.v6sport), isServer: isServer)
        case .ipv6ServerSocket:
            return SocketEnds(
                l4Protocol: proto, serverAddress: NetworkAddresses.ipv6(sockinfo.bytes16(0)),
                serverPort: sockinfo.v6serverPort, client: nil, isServer: true)
        default:
            return nil
        }
    }
}

extension Filter {
    /// Whether the filter matches the fd `number` (`info`) of `thread`, tested as libsinsp's chisel
    /// API tests it: on a `read` exit without parameters, at `timestamp`, whose thread and fd are
    /// these. The parser's current thread and fd are put back afterwards.
    public func matches(
        thread: ThreadInfo, fd number: Int64, _ info: FDInfo, timestamp: UInt64, _ context: FieldContext
    ) throws(FilterError) -> Bool {
        let parser = context.parser
        let (savedThread, savedFD, savedFDNumber) = (parser.thread, parser.fdInfo, thread.lastEventFD)
        defer {
            parser.thread = savedThread
            parser.fdInfo = savedFD
            thread.lastEventFD = savedFDNumber
        }
        parser.thread = thread
        parser.fdInfo = info
        thread.lastEventFD = number
        // A buffer of our own rather than Array.withUnsafeBytes, whose closure cannot throw a typed error.
        let header = UnsafeMutableRawBufferPointer.allocate(byteCount: Event.headerSize, alignment: 8)
        defer { header.deallocate() }
        header.initializeMemory(as: UInt8.self, repeating: 0)
        header.storeBytes(of: timestamp, toByteOffset: 0, as: UInt64.self)
        header.storeBytes(of: thread.tid, toByteOffset: 8, as: Int64.self)
        header.storeBytes(of: UInt32(Event.headerSize), toByteOffset: 16, as: UInt32.self)
        header.storeBytes(of: EventCode.readX, toByteOffset: 20, as: UInt16.self)
        return try matches(Event(bytes: UnsafeRawBufferPointer(header), cpu: 0, dumpFlags: 0, number: 0), context)
    }
}
