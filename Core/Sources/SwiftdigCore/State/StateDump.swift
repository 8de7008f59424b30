// SPDX-License-Identifier: Apache-2.0

/// Turns the state of a run back into the blocks that start a capture file, so that a file begun in
/// the middle of a run (`-C`/`-G` rotation) is readable on its own: its reader starts from the
/// threads, fds, users and interfaces the run knew, as a reader of the first file would by then.
///
/// Threads and fds are converted as libsinsp 0.29.3's `dump_threads_to_file` converts its tables:
/// one process-list entry per thread (working directory `/` when unknown; arguments, environment
/// and cgroups cut at 4096 bytes), then one fd list per thread, holding the fds of main threads
/// (others' lists are empty; threads share their process's table) without fds of unknown type.
/// Unlike libsinsp, which leaves it 0, an entry keeps the thread's `exe_writable`. Threads are
/// written by tid, fds by number, so a dump of the same state is the same file. Removals the last
/// event deferred (a closed fd, an exited thread) count as done.
///
/// The user and interface lists are written as they were read (``SystemState/userList``,
/// ``SystemState/interfaceList``), as libscap writes the lists it holds; without them they are
/// made from ``SystemState/users``, ``SystemState/groups`` and ``SystemState/interfaces``.
public enum StateDump {
    /// libsinsp's limit on the bytes of arguments, environment and cgroups of one entry.
    static let listLimit = 4096

    /// The blocks in sysdig's order: machine info (when known), interfaces, users (when known), the
    /// process list and the fd lists; ``CaptureWriter/copy(_:)`` or ``ScapWriter/write(_:)`` write
    /// them after the section header.
    public static func blocks(of state: SystemState, machine: MachineInfo?) -> [ScapBlock] {
        var blocks: [ScapBlock] = []
        if let machine { blocks.append(.machineInfo(machine)) }
        if let interfaces = interfaceList(of: state) { blocks.append(.interfaceList(interfaces)) }
        if let users = userList(of: state) { blocks.append(.userList(users)) }
        blocks.append(.processList(processList(of: state)))
        return blocks + fdLists(of: state).map { .fdList($0) }
    }

    /// The process list of `state`'s threads, by tid.
    public static func processList(of state: SystemState) -> ProcessList {
        ProcessList(threads: sortedThreads(state).map(record))
    }

    /// One fd list per thread of `state`, in the order of ``processList(of:)``.
    public static func fdLists(of state: SystemState) -> [FDList] {
        sortedThreads(state).map { thread in
            guard thread.isMainThread else { return FDList(tid: thread.tid, fds: []) }
            return FDList(tid: thread.tid, fds: openFDs(thread, state))
        }
    }

    /// The users and groups: the list as read, else the known ones by id; `nil` when none are known
    /// (a capture taken with `-E`).
    public static func userList(of state: SystemState) -> UserList? {
        if let list = state.userList { return list }
        guard !state.users.isEmpty || !state.groups.isEmpty else { return nil }
        let users = state.users.values.sorted { $0.uid < $1.uid }.map {
            UserRecord(
                uid: $0.uid, gid: $0.gid, name: ByteString($0.name), homedir: ByteString($0.homedir),
                shell: ByteString($0.shell))
        }
        let groups = state.groups.values.sorted { $0.gid < $1.gid }.map {
            GroupRecord(gid: $0.gid, name: ByteString($0.name))
        }
        return UserList(users: users, groups: groups)
    }

    /// The interfaces: the list as read, else the known addresses without names or broadcast
    /// addresses; `nil` when none are known.
    public static func interfaceList(of state: SystemState) -> InterfaceList? {
        if let list = state.interfaceList { return list }
        let known = state.interfaces
        guard !known.ipv4.isEmpty || !known.ipv6.isEmpty else { return nil }
        let zero = IPv6Address(high: 0, low: 0)
        return InterfaceList(
            ipv4: known.ipv4.map { IPv4Interface(name: "", address: $0.address, netmask: $0.netmask, broadcast: 0) },
            ipv6: known.ipv6.map {
                IPv6Interface(name: "", address: IPv6Address(bytes: $0), netmask: zero, broadcast: zero)
            })
    }

    /// The threads by tid, without one whose removal is pending (the next event would remove it).
    private static func sortedThreads(_ state: SystemState) -> [ThreadInfo] {
        state.threads.values.filter { !($0.tid == state.tidToRemove && $0.childCount == 0) }.sorted { $0.tid < $1.tid }
    }

    /// The fds of `thread` by number, without those whose close is pending.
    private static func openFDs(_ thread: ThreadInfo, _ state: SystemState) -> [FDRecord] {
        let closing =
            !state.fdsToRemove.isEmpty
            && state.thread(state.tidOfFDsToRemove).flatMap { state.fdOwner(of: $0) } === thread
        return thread.fds.keys.sorted().compactMap { fd in
            if closing && state.fdsToRemove.contains(fd) { return nil }
            return thread.fds[fd].flatMap { record(fd, $0) }
        }
    }

    /// The process-list entry of `thread`.
    static func record(_ thread: ThreadInfo) -> ProcessRecord {
        var entry = ProcessRecord(
            tid: thread.tid, pid: thread.pid, ptid: thread.ptid, comm: ByteString(thread.comm),
            exe: ByteString(thread.exe), args: ByteString(nulTerminated(thread.args.map { Array($0.utf8) })),
            cwd: ByteString(thread.cwd.isEmpty ? "/" : thread.cwd), sid: thread.sid, vpgid: thread.vpgid,
            exepath: ByteString(thread.exepath), fdlimit: thread.fdlimit, flags: thread.flags, uid: thread.uid,
            gid: thread.gid)
        entry.vmsizeKB = thread.vmsizeKB
        entry.vmrssKB = thread.vmrssKB
        entry.vmswapKB = thread.vmswapKB
        entry.pfMajor = thread.pfmajor
        entry.pfMinor = thread.pfminor
        entry.env = ByteString(nulTerminated(thread.env.map { Array($0.utf8) }))
        entry.vtid = thread.vtid
        entry.vpid = thread.vpid
        entry.cgroups = ByteString(nulTerminated(thread.cgroups.map { Array("\($0.0)=\($0.1)".utf8) }))
        entry.root = ByteString(thread.root)
        entry.loginUID = thread.loginuid
        entry.exeWritable = thread.exeWritable
        return entry
    }

    /// `items`, each followed by a NUL, within ``listLimit`` bytes: an item that does not fit is cut
    /// to end with a NUL at the limit, and the ones after it are dropped (libsinsp's iovecs).
    static func nulTerminated(_ items: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for item in items {
            let room = listLimit - out.count
            guard room > 0 else { break }
            out += item.prefix(room - 1)
            out.append(0)
        }
        return out
    }

    /// The fd-list entry of `info` open as `fd`, or `nil` for an fd of unknown type (not written).
    static func record(_ fd: Int64, _ info: FDInfo) -> FDRecord? {
        let type = ScapFDType(rawValue: UInt8(bitPattern: info.type.rawValue))
        let s = info.sockinfo
        let details: FDDetails
        switch info.type {
        case .unknown, .uninitialized:
            return nil
        case .ipv4Socket:
            details = .ipv4Socket(
                sourceIP: s.v4sip, destinationIP: s.v4dip, sourcePort: s.v4sport, destinationPort: s.v4dport,
                l4Protocol: s.v4l4proto)
        case .ipv4ServerSocket:
            details = .ipv4Server(ip: s.v4serverIP, port: s.v4serverPort, l4Protocol: s.v4serverL4proto)
        case .ipv6Socket:
            details = .ipv6Socket(
                sourceIP: IPv6Address(bytes: s.bytes16(0)), destinationIP: IPv6Address(bytes: s.bytes16(16)),
                sourcePort: s.v6sport, destinationPort: s.v6dport, l4Protocol: s.v6l4proto)
        case .ipv6ServerSocket:
            details = .ipv6Server(
                ip: IPv6Address(bytes: s.bytes16(0)), port: s.v6serverPort, l4Protocol: s.v6serverL4proto)
        case .unixSocket:
            details = .unixSocket(source: s.unixSource, destination: s.unixDest, name: ByteString(info.name))
        case .fileV2:
            details = .file(openFlags: info.openFlags, name: ByteString(info.name), dev: info.dev)
        default:
            details = .name(ByteString(info.name))
        }
        return FDRecord(fd: fd, ino: info.ino, type: type, details: details)
    }
}

/// Writes the state blocks of a new capture file from `state`, in sysdig's order: machine info
/// (when known), interfaces, users (when known), the process list and the fd lists. The caller
/// writes the section header first and the events after (see ``StateDump``).
public func writeState(of state: SystemState, machine: MachineInfo?, to writer: ScapWriter) throws(ScapError) {
    for block in StateDump.blocks(of: state, machine: machine) { try writer.write(block) }
}
