// SPDX-License-Identifier: Apache-2.0

/// One thread of the process list (`scap_threadinfo` as stored). Which fields a block holds depends
/// on its version; fields a version lacks keep the defaults libscap gives them.
///
/// Strings are stored as a u16 length and the bytes, without a NUL. `args`, `env` and `cgroups` are
/// NUL-separated lists, kept exactly as stored (see ``ByteString/nulSeparated``).
public struct ThreadInfo: Sendable, Hashable {
    /// Thread id.
    public var tid: Int64
    /// Process id.
    public var pid: Int64
    /// Parent thread id.
    public var ptid: Int64
    /// Session id (version 6 on; -1 before).
    public var sid: Int64
    /// Process group id in the pid namespace (version 8 on; -1 before).
    public var vpgid: Int64
    /// Command name.
    public var comm: ByteString
    /// `argv[0]`.
    public var exe: ByteString
    /// The full executable path (version 7 on; empty before).
    public var exepath: ByteString
    /// Arguments after `argv[0]`, NUL-separated.
    public var args: ByteString
    /// The working directory.
    public var cwd: ByteString
    /// The fd limit.
    public var fdlimit: Int64
    /// `PPM_CL_*` flags.
    public var flags: UInt32
    /// User id.
    public var uid: UInt32
    /// Group id.
    public var gid: UInt32
    /// Virtual memory size, KiB (version 2 on).
    public var vmsizeKB: UInt32
    /// Resident memory, KiB (version 2 on).
    public var vmrssKB: UInt32
    /// Swapped memory, KiB (version 2 on).
    public var vmswapKB: UInt32
    /// Major page faults (version 2 on).
    public var pfMajor: UInt64
    /// Minor page faults (version 2 on).
    public var pfMinor: UInt64
    /// Environment, NUL-separated (version 3 on).
    public var env: ByteString
    /// Thread id in the pid namespace (version 4 on; -1 before).
    public var vtid: Int64
    /// Process id in the pid namespace (version 4 on; -1 before).
    public var vpid: Int64
    /// cgroups as `subsystem=path` items, NUL-separated (version 4 on).
    public var cgroups: ByteString
    /// The root directory (version 5 on).
    public var root: ByteString

    // Version 9 fields that come after `root`, each present only when the entry is long enough.
    // Entries of libs before 0.10 (such as sysdig 0.29.3) end with loginuid, exe_writable and,
    // optionally, the three capability sets; later libs first put pidns_init_start_ts and tty and
    // then go on to pgid. A reader tells the two apart by how many bytes follow root (29 or fewer:
    // the old layout).

    /// Start time of the pid namespace's init, ns (libs 0.10 on).
    public var pidnsInitStartTs: UInt64?
    /// Controlling terminal (libs 0.10 on).
    public var tty: UInt32?
    /// Audit login uid.
    public var loginUID: UInt32?
    /// Whether the executable is writable by the thread's user.
    public var exeWritable: Bool?
    /// Inheritable capabilities.
    public var capInheritable: UInt64?
    /// Permitted capabilities.
    public var capPermitted: UInt64?
    /// Effective capabilities.
    public var capEffective: UInt64?
    /// Whether the executable is in an overlayfs upper layer.
    public var exeUpperLayer: Bool?
    /// The executable's inode.
    public var exeIno: UInt64?
    /// The executable inode's ctime.
    public var exeInoCtime: UInt64?
    /// The executable inode's mtime.
    public var exeInoMtime: UInt64?
    /// Whether the executable is a memfd.
    public var exeFromMemfd: Bool?
    /// Whether the executable is in an overlayfs lower layer.
    public var exeLowerLayer: Bool?
    /// Process group id.
    public var pgid: Int64?

    /// Creates a thread with libscap's defaults for everything not given.
    public init(
        tid: Int64, pid: Int64, ptid: Int64, comm: ByteString, exe: ByteString = "", args: ByteString = "",
        cwd: ByteString = "", sid: Int64 = -1, vpgid: Int64 = -1, exepath: ByteString = "", fdlimit: Int64 = 0,
        flags: UInt32 = 0, uid: UInt32 = 0, gid: UInt32 = 0
    ) {
        self.tid = tid
        self.pid = pid
        self.ptid = ptid
        self.sid = sid
        self.vpgid = vpgid
        self.comm = comm
        self.exe = exe
        self.exepath = exepath
        self.args = args
        self.cwd = cwd
        self.fdlimit = fdlimit
        self.flags = flags
        self.uid = uid
        self.gid = gid
        self.vmsizeKB = 0
        self.vmrssKB = 0
        self.vmswapKB = 0
        self.pfMajor = 0
        self.pfMinor = 0
        self.env = ""
        self.vtid = -1
        self.vpid = -1
        self.cgroups = ""
        self.root = ""
    }

    /// Whether any field that only libs 0.10 and later write is set, which selects the newer layout
    /// of the version 9 tail.
    public var hasNewerTail: Bool {
        pidnsInitStartTs != nil || tty != nil || exeUpperLayer != nil || exeIno != nil || exeInoCtime != nil
            || exeInoMtime != nil || exeFromMemfd != nil || exeLowerLayer != nil || pgid != nil
    }

    /// The login uid libscap 0.29.3 takes from this entry: it reads the 4 bytes after root as the
    /// login uid whatever the layout, so in a newer entry it gets the low half of
    /// `pidns_init_start_ts`. `nil` when those bytes are absent (0.29.3 then uses -1).
    public var legacyLoginUID: UInt32? {
        if let pidnsInitStartTs { return UInt32(truncatingIfNeeded: pidnsInitStartTs) }
        return loginUID
    }

    /// The exe_writable libscap 0.29.3 takes from this entry: the byte after its login uid (in a
    /// newer entry, the fifth byte of `pidns_init_start_ts`).
    public var legacyExeWritable: Bool? {
        if let pidnsInitStartTs { return (pidnsInitStartTs >> 32) & 0xFF != 0 }
        return exeWritable
    }
}
