// SPDX-License-Identifier: Apache-2.0

/// A thread of the machine as the state knows it, with its open fds: one entry of
/// ``ChiselContext/threadTable(filter:fds:)`` (Lua's `sysdig.get_thread_table`). Since protocol 1.2.
public struct ChiselThreadInfo: Sendable {
    /// The thread id.
    public var tid: Int64
    /// The process id.
    public var pid: Int64
    /// The parent's thread id (`ptid`).
    public var parentTid: Int64
    /// The command name, at most 15 characters (`comm`).
    public var processName: String
    /// The first argument of the command line (`exe`).
    public var executable: String
    /// The command-line arguments after the first (`args`).
    public var arguments: [String]
    /// The environment, `NAME=value` each (`env`).
    public var environment: [String]
    /// The clone flags (`flags`).
    public var flags: UInt32
    /// The limit on open fds (`fdlimit`); -1 when unknown.
    public var fdLimit: Int64
    /// The user id (`uid`).
    public var uid: UInt32
    /// The group id (`gid`).
    public var gid: UInt32
    /// The user's login name, `<NA>` when the capture's user list lacks it (`username`).
    public var userName: String
    /// The number of threads the state knows as this one's children (`nchilds`).
    public var childCount: Int
    /// The virtual memory size in KiB (`vmsize_kb`).
    public var virtualMemoryKB: UInt32
    /// The resident memory size in KiB (`vmrss_kb`).
    public var residentMemoryKB: UInt32
    /// The swapped memory size in KiB (`vmswap_kb`).
    public var swapKB: UInt32
    /// Major page faults (`pfmajor`).
    public var majorPageFaults: UInt64
    /// Minor page faults (`pfminor`).
    public var minorPageFaults: UInt64
    /// When the thread was created, nanoseconds since the epoch (`clone_ts`).
    public var cloneTimestamp: UInt64
    /// The open fds the filter kept, by ascending number (`fdtable`); empty when not asked for.
    public var fds: [ChiselFDInfo]

    /// A thread.
    public init(
        tid: Int64, pid: Int64, parentTid: Int64, processName: String, executable: String, arguments: [String],
        environment: [String], flags: UInt32, fdLimit: Int64, uid: UInt32, gid: UInt32, userName: String,
        childCount: Int, virtualMemoryKB: UInt32, residentMemoryKB: UInt32, swapKB: UInt32,
        majorPageFaults: UInt64, minorPageFaults: UInt64, cloneTimestamp: UInt64, fds: [ChiselFDInfo]
    ) {
        self.tid = tid
        self.pid = pid
        self.parentTid = parentTid
        self.processName = processName
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.flags = flags
        self.fdLimit = fdLimit
        self.uid = uid
        self.gid = gid
        self.userName = userName
        self.childCount = childCount
        self.virtualMemoryKB = virtualMemoryKB
        self.residentMemoryKB = residentMemoryKB
        self.swapKB = swapKB
        self.majorPageFaults = majorPageFaults
        self.minorPageFaults = minorPageFaults
        self.cloneTimestamp = cloneTimestamp
        self.fds = fds
    }
}

/// An open fd of a ``ChiselThreadInfo``. Since protocol 1.2.
public struct ChiselFDInfo: Sendable {
    /// The fd number.
    public var number: Int64
    /// The name as output prints it, unprintable bytes dropped (`fd.name`).
    public var name: String
    /// The kind: `file`, `ipv4`, `unix`, … (`fd.type`).
    public var typeName: String
    /// The ends of an IPv4 or IPv6 socket; `nil` for other fds.
    public var socket: ChiselSocketEnds?

    /// An fd.
    public init(number: Int64, name: String, typeName: String, socket: ChiselSocketEnds?) {
        self.number = number
        self.name = name
        self.typeName = typeName
        self.socket = socket
    }
}

/// The ends of an IPv4 or IPv6 socket, as sysdig's thread table names them. Since protocol 1.2.
public struct ChiselSocketEnds: Sendable {
    /// `tcp`, `udp`, `icmp`, `raw` or `<NA>` (`l4proto`).
    public var l4Protocol: String
    /// The server's address (`sip`): a connected socket's destination, a listening socket's own.
    public var serverAddress: String
    /// The server's port (`sport`).
    public var serverPort: UInt16
    /// The client's address (`cip`); `nil` for listening sockets.
    public var clientAddress: String?
    /// The client's port (`cport`); `nil` for listening sockets.
    public var clientPort: UInt16?
    /// Whether this process is the server end (`is_server`).
    public var isServer: Bool

    /// A socket's ends.
    public init(
        l4Protocol: String, serverAddress: String, serverPort: UInt16, clientAddress: String?, clientPort: UInt16?,
        isServer: Bool
    ) {
        self.l4Protocol = l4Protocol
        self.serverAddress = serverAddress
        self.serverPort = serverPort
        self.clientAddress = clientAddress
        self.clientPort = clientPort
        self.isServer = isServer
    }
}

extension ChiselContext {
    /// The threads of the machine as of now, by ascending tid (`sysdig.get_thread_table(filter)`).
    /// With a `filter`, only threads with an fd it matches are listed, with those fds only: the
    /// filter is tested on each fd as on a `read` exit of the thread on that fd, so `fd.*`,
    /// `proc.*` and `user.*` fields work. `fds: false` leaves every ``ChiselThreadInfo/fds`` empty
    /// (`get_thread_table_nofds`). Since protocol 1.2.
    /// - Throws: ``ChiselError`` when the filter does not compile.
    public func threadTable(filter: String = "", fds: Bool = true) throws -> [ChiselThreadInfo] {
        try host.threadTable(filter: filter, fds: fds)
    }
}

extension ChiselHostServices {
    /// No thread table: the default for hosts that do not keep the machine's state.
    public func threadTable(filter: String, fds: Bool) throws -> [ChiselThreadInfo] {
        throw ChiselError("this swiftdig has no thread table")
    }
}
