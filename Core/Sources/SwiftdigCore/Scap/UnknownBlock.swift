// SPDX-License-Identifier: Apache-2.0

/// A block of a type this reader does not know, kept whole so it can be reported or copied.
public struct UnknownBlock: Sendable, Hashable {
    /// The block type.
    public var blockType: ScapBlockType
    /// The body: everything between the 8-byte header and the trailing length, padding included.
    public var body: [UInt8]

    /// Creates a block.
    public init(blockType: ScapBlockType, body: [UInt8]) {
        self.blockType = blockType
        self.body = body
    }
}
