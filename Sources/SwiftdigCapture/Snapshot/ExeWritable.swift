// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Whether a thread could write its executable, as libscap 0.29.3's `scap_proc_fill_exe_writable`
/// decides it.
///
/// libscap takes the thread's effective uid and gid for the checking thread and asks
/// `faccessat(W_OK, AT_EACCESS)`. This check does not switch identities (that would need raw
/// `setresuid` calls on the scanning thread); it applies the same rules to the file's mode: the
/// owner can always write (it can chmod), root can write unless the file system is read-only, others
/// through the group bit when the file's group is the thread's gid or one of this process's
/// supplementary groups (the checking thread keeps those), else through the other bit. Access
/// control lists are not looked at.
enum ExeWritable {
    /// The answer for the executable `exePath` (as /proc links it, possibly empty) of a thread
    /// whose /proc folder is `dir` (ending in `/`).
    static func check(dir: String, exePath: [UInt8], uid: UInt32, gid: UInt32) -> Bool {
        // As libscap: the path through the thread's root, so an empty exe checks the root itself.
        let path = dir + "root" + String(decoding: exePath, as: UTF8.self)
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        if info.st_uid == uid { return true }
        var fs = statvfs()
        if statvfs(path, &fs) == 0 && fs.f_flag & UInt(ST_RDONLY) != 0 { return false }
        if uid == 0 { return true }
        if info.st_gid == gid || supplementaryGroups.contains(info.st_gid) {
            return info.st_mode & S_IWGRP != 0
        }
        return info.st_mode & S_IWOTH != 0
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
