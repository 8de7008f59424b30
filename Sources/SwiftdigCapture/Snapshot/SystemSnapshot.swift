// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// The machine's state when a live capture starts, read from /proc and the C library as libscap
/// 0.29.3 reads it, in the blocks sysdig writes at the start of a capture file: machine info,
/// interface list, user list, process list and one fd list per thread.
///
/// The blocks are what sysdig would write, so they also serve as the state of a live session:
/// handed to the inspector as if read from a file, they give the threads and fds sysdig would know.
///
/// ```swift
/// let snapshot = try SystemSnapshot.take()
/// let writer = try ScapWriter(path: "live.scap")
/// try writer.writeSectionHeader()
/// try snapshot.write(to: writer)
/// ```
public struct SystemSnapshot: Sendable {
    /// Processors, memory and host name.
    public var machine: MachineInfo
    /// The IPv4 and IPv6 interface addresses.
    public var interfaces: InterfaceList
    /// Users and groups, or `nil` when left out (`-E`).
    public var users: UserList?
    /// Every thread of every user process.
    public var processes: ProcessList
    /// The fd list of each thread of ``processes``, in the same order (empty for threads other
    /// than main ones, as libscap writes them).
    public var fds: [FDList]

    /// Creates a snapshot from its parts.
    public init(
        machine: MachineInfo, interfaces: InterfaceList, users: UserList?, processes: ProcessList, fds: [FDList]
    ) {
        self.machine = machine
        self.interfaces = interfaces
        self.users = users
        self.processes = processes
        self.fds = fds
    }

    /// Reads the machine now.
    /// - Parameters:
    ///   - includeUsers: whether to list users and groups (sysdig's `-E` leaves them out).
    ///   - procRoot: where /proc is mounted (another path for a host's /proc seen from a container).
    /// - Throws: ``SnapshotError`` when /proc cannot be listed or the interfaces cannot be read.
    ///   Processes that end during the scan are left out without error.
    public static func take(includeUsers: Bool = true, procRoot: String = "/proc") throws -> SystemSnapshot {
        let machine = MachineInfoReader.read()
        let interfaces = try InterfaceListReader.read()
        let users = includeUsers ? UserListReader.read() : nil
        var scanner = ProcessScanner(procRoot: procRoot)
        try scanner.scanAll()
        return SystemSnapshot(
            machine: machine, interfaces: interfaces, users: users,
            processes: ProcessList(threads: scanner.threads), fds: scanner.fdLists)
    }

    /// The blocks in sysdig's order: machine info, interfaces, users (when present), processes, then
    /// the fd lists; what a reader of a file written with ``write(to:)`` gets before the events.
    public var blocks: [ScapBlock] {
        [.machineInfo(machine), .interfaceList(interfaces)] + (users.map { [.userList($0)] } ?? [])
            + [.processList(processes)] + fds.map { .fdList($0) }
    }

    /// Writes ``blocks`` (after the section header, which the caller writes).
    public func write(to writer: ScapWriter) throws(ScapError) {
        for block in blocks { try writer.write(block) }
    }
}
