// SPDX-License-Identifier: Apache-2.0

/// The user list block: users and groups of the machine.
///
/// Each entry is a kind byte (0 user, anything else group), then for a user uid (u32), gid (u32),
/// name, home directory and shell, for a group gid (u32) and name; strings are a u16 length and the
/// bytes. Version 2 puts the entry's length (u32, counting itself) before each entry. No version
/// carries a container id.
public struct UserList: Sendable, Hashable {
    /// The block type: ``ScapBlockType/userList``, ``ScapBlockType/userListInt`` or
    /// ``ScapBlockType/userListV2`` (what sysdig writes).
    public var blockType: ScapBlockType
    /// The users, in file order.
    public var users: [UserInfo]
    /// The groups, in file order.
    public var groups: [GroupInfo]

    /// Creates a list. A writer writes all users first, as libscap does.
    public init(blockType: ScapBlockType = .userListV2, users: [UserInfo], groups: [GroupInfo]) {
        self.blockType = blockType
        self.users = users
        self.groups = groups
    }
}
