// SPDX-License-Identifier: Apache-2.0

/// A thread and its process as the state knows them at the current event (sysdig's `thread.*` and
/// `proc.*` fields).
public protocol ChiselThreadView: AnyObject {
    /// The thread id (`thread.tid`).
    var tid: Int64 { get }
    /// The process id (`proc.pid`).
    var pid: Int64 { get }
    /// The parent's thread id (`proc.ppid`).
    var parentPid: Int64 { get }
    /// The command name, at most 15 characters (`proc.name`).
    var processName: String { get }
    /// The first argument of the command line (`proc.exe`).
    var executable: String { get }
    /// The executable's full path (`proc.exepath`).
    var executablePath: String { get }
    /// The command-line arguments after the first (`proc.args`, split).
    var arguments: [String] { get }
    /// The working directory (`proc.cwd`).
    var workingDirectory: String { get }
    /// The user id (`user.uid`).
    var uid: UInt32 { get }
    /// The group id (`group.gid`).
    var gid: UInt32 { get }
    /// The thread id inside its pid namespace (`thread.vtid`).
    var virtualTid: Int64 { get }
    /// The process id inside its pid namespace (`proc.vpid`).
    var virtualPid: Int64 { get }
}

/// An open fd of the current event's thread (sysdig's `fd.*` fields).
public protocol ChiselFDView: AnyObject {
    /// The fd number (`fd.num`).
    var number: Int64 { get }
    /// The name: a path, or a connection as `1.2.3.4:5->6.7.8.9:10` (`fd.name`).
    var name: String { get }
    /// The kind: `file`, `directory`, `ipv4`, `ipv6`, `unix`, `pipe`, `event`, … (`fd.type`).
    var typeName: String { get }
    /// One letter for the kind: `f`, `4`, `6`, `u`, `p`, … (`fd.typechar`).
    var typeLetter: Character { get }
    /// Whether the fd is an IPv4 or IPv6 socket.
    var isNetworkSocket: Bool { get }
}

/// A user of the machine, from the capture's user list.
public struct ChiselUser: Sendable {
    /// The user id.
    public var uid: UInt32
    /// The primary group id.
    public var gid: UInt32
    /// The login name (`user.name`).
    public var name: String
    /// The home folder (`user.homedir`).
    public var homeDirectory: String
    /// The login shell (`user.shell`).
    public var shell: String

    /// A user.
    public init(uid: UInt32, gid: UInt32, name: String, homeDirectory: String, shell: String) {
        self.uid = uid
        self.gid = gid
        self.name = name
        self.homeDirectory = homeDirectory
        self.shell = shell
    }
}

/// The container a thread runs in (`container.*`); `"host"` for threads outside containers.
public struct ChiselContainer: Sendable {
    /// The container id (`container.id`).
    public var id: String
    /// The container name (`container.name`).
    public var name: String

    /// A container.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
