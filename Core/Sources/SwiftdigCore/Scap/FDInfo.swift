// SPDX-License-Identifier: Apache-2.0

/// One file descriptor of a thread: fd (u64), inode (u64), type (u8), then the type's data.
public struct FDInfo: Sendable, Hashable {
    /// The descriptor number.
    public var fd: Int64
    /// The inode number.
    public var ino: UInt64
    /// The type byte as stored.
    public var type: FDType
    /// The type-specific data.
    public var details: FDDetails

    /// Creates an entry.
    public init(fd: Int64, ino: UInt64 = 0, type: FDType, details: FDDetails) {
        self.fd = fd
        self.ino = ino
        self.type = type
        self.details = details
    }
}
