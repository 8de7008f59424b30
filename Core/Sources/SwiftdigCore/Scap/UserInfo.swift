// SPDX-License-Identifier: Apache-2.0

/// A user of the machine (`scap_userinfo`).
public struct UserInfo: Sendable, Hashable {
    /// The user id.
    public var uid: UInt32
    /// The primary group id.
    public var gid: UInt32
    /// The login name.
    public var name: ByteString
    /// The home directory.
    public var homedir: ByteString
    /// The login shell.
    public var shell: ByteString

    /// Creates a user.
    public init(uid: UInt32, gid: UInt32, name: ByteString, homedir: ByteString, shell: ByteString) {
        self.uid = uid
        self.gid = gid
        self.name = name
        self.homedir = homedir
        self.shell = shell
    }
}
