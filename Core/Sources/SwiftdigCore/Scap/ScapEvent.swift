// SPDX-License-Identifier: Apache-2.0

/// An event read from a capture, borrowed from the reader's buffer: valid until the reader's next
/// call, copied nowhere.
public struct ScapEvent {
    /// The event as stored: header, length table, values (``EventHeader/len`` bytes).
    public let bytes: UnsafeRawBufferPointer
    /// The decoded and validated header.
    public let header: EventHeader
    /// The cpu the event was captured on.
    public let cpu: UInt16
    /// The dump flags of an `EVF` block (`SCAP_DF_*`), `nil` for blocks without flags.
    public let flags: UInt32?
    /// The type of the block that held the event.
    public let blockType: ScapBlockType
    /// Where the block starts in the (uncompressed) file.
    public let offset: UInt64

    /// Wraps validated event bytes.
    public init(
        bytes: UnsafeRawBufferPointer, header: EventHeader, cpu: UInt16, flags: UInt32?, blockType: ScapBlockType,
        offset: UInt64
    ) {
        self.bytes = bytes
        self.header = header
        self.cpu = cpu
        self.flags = flags
        self.blockType = blockType
        self.offset = offset
    }

    /// The parameters.
    @inlinable
    public var params: EventParams { EventParams(event: bytes, header: header) }
}
