// SPDX-License-Identifier: Apache-2.0

/// A group of the machine (`scap_groupinfo`).
public struct GroupInfo: Sendable, Hashable {
    /// The group id.
    public var gid: UInt32
    /// The group name.
    public var name: ByteString

    /// Creates a group.
    public init(gid: UInt32, name: ByteString) {
        self.gid = gid
        self.name = name
    }
}
