// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Whether a thread could write its executable, as libscap 0.29.3's `scap_proc_fill_exe_writable`
/// decides it.
///
/// libscap switches the scanning thread's effective uid, then its effective gid, to the thread's and
/// asks `faccessat(W_OK, AT_EACCESS)`; the answer is no when a switch fails. Run as root, the gid
/// switch fails after a switch to another uid than root (the capabilities are gone by then) unless
/// the gid is one of ours. This check does not switch identities (that takes raw `setresuid` calls
/// on the scanning thread): it decides which switches would succeed and applies the access rules to
/// the file's mode, with this process's supplementary groups (the switched thread keeps them).
/// Access control lists and immutable files are not looked at.
enum ExeWritable {
    /// The answer for the executable `exePath` (as /proc links it, possibly empty) of a thread
    /// whose /proc folder is `dir` (ending in `/`), running as effective `uid` and `gid`.
    static func check(dir: String, exePath: [UInt8], uid: UInt32, gid: UInt32) -> Bool {
        // As libscap: the path through the thread's root, so an empty exe checks the root itself.
        let path = dir + "root" + String(decoding: exePath, as: UTF8.self)
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        // The owner can chmod the file, so counts as able to write it.
        if info.st_uid == uid { return true }
        guard canSwitch(uid: uid, gid: gid) else { return false }
        var fs = statvfs()
        if statvfs(path, &fs) == 0 && fs.f_flag & UInt(ST_RDONLY) != 0 { return false }
        // Root keeps its capabilities: it can write any file of a writable file system.
        if uid == 0 && geteuid() == 0 { return true }
        if info.st_gid == gid || supplementaryGroups.contains(info.st_gid) { return info.st_mode & S_IWGRP != 0 }
        return info.st_mode & S_IWOTH != 0
    }

    /// Whether libscap's switch to effective `uid`, then effective `gid`, would succeed.
    private static func canSwitch(uid: UInt32, gid: UInt32) -> Bool {
        // (uid_t)-1 and (gid_t)-1 are refused outright.
        guard uid != .max && gid != .max else { return false }
        let root = geteuid() == 0
        guard root || uid == geteuid() || uid == getuid() else { return false }
        // After the uid switch only root keeps the right to take any gid.
        return (root && uid == 0) || gid == getgid() || gid == getegid()
    }

    /// This process's supplementary groups.
    private static let supplementaryGroups: Set<gid_t> = {
        let count = getgroups(0, nil)
        guard count > 0 else { return [] }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let got = getgroups(count, &groups)
        return got > 0 ? Set(groups.prefix(Int(got))) : []
    }()
}
