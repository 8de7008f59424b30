// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// The machine's users and groups through the C library (`getpwent`, `getgrent`: /etc/passwd and
/// /etc/group, or whatever NSS serves), in its order, as libscap 0.29.3's `scap_create_userlist`
/// lists them, names cut to its buffer sizes.
enum UserListReader {
    /// Every user, then every group.
    static func read() -> UserList {
        var users: [UserRecord] = []
        setpwent()
        while let entry = getpwent() {
            let user = entry.pointee
            users.append(
                UserRecord(
                    uid: user.pw_uid, gid: user.pw_gid, name: text(user.pw_name, limit: ProcLimits.credentials),
                    homedir: text(user.pw_dir, limit: ProcLimits.path),
                    shell: text(user.pw_shell, limit: ProcLimits.path)))
        }
        endpwent()
        var groups: [GroupRecord] = []
        setgrent()
        while let entry = getgrent() {
            let group = entry.pointee
            groups.append(GroupRecord(gid: group.gr_gid, name: text(group.gr_name, limit: ProcLimits.credentials)))
        }
        endgrent()
        return UserList(users: users, groups: groups)
    }

    /// A C string cut to fit a buffer of `limit` bytes with its NUL (`strlcpy`); empty for `NULL`.
    private static func text(_ string: UnsafeMutablePointer<CChar>?, limit: Int) -> ByteString {
        guard let string else { return "" }
        let length = strnlen(string, limit - 1)
        return ByteString(UnsafeRawBufferPointer(start: string, count: length))
    }
}
