// SPDX-License-Identifier: Apache-2.0

/// The parameters of one event, borrowed from its bytes: the length table is read on demand, so
/// nothing is allocated. Getting parameter `i` by subscript walks the `i` lengths before it;
/// iterating walks each once.
///
/// Valid only while the event bytes are (for a ``ScapReader`` event: until the next block).
public struct EventParams: Sequence {
    /// The event's bytes, header first.
    public let event: UnsafeRawBufferPointer
    /// The number of parameters.
    public let count: Int
    /// Where the length table starts in the event.
    public let lengthsOffset: Int
    /// The width of one length: 2 or 4.
    public let lengthSize: Int
    /// Where the first value starts in the event.
    public let valuesOffset: Int

    /// The parameters of an event whose header is `header`; the caller vouches that `header` was
    /// decoded (and so validated) from `event`.
    public init(event: UnsafeRawBufferPointer, header: EventHeader) {
        self.event = event
        self.count = Int(header.nparams)
        self.lengthsOffset = header.headerSize
        self.lengthSize = header.lengthSize
        self.valuesOffset = header.valuesOffset
    }

    /// The stored length of parameter `index` (which must be below ``count``).
    @inlinable
    public func length(_ index: Int) -> Int {
        precondition(index >= 0 && index < count, "parameter index out of range")
        let base = event.baseAddress!
        let slot = lengthsOffset + index * lengthSize
        return lengthSize == 2
            ? Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: slot, as: UInt16.self)))
            : Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: slot, as: UInt32.self)))
    }

    /// Where parameter `index` starts, from the start of the event.
    @inlinable
    public func offset(_ index: Int) -> Int {
        var offset = valuesOffset
        for before in 0..<index { offset += length(before) }
        return offset
    }

    /// The value of parameter `index`.
    @inlinable
    public subscript(index: Int) -> UnsafeRawBufferPointer {
        let start = offset(index)
        return UnsafeRawBufferPointer(rebasing: event[start..<(start + length(index))])
    }

    /// Walks the parameters in order, one length read per step.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let params: EventParams
        @usableFromInline var index = 0
        @usableFromInline var offset: Int

        @usableFromInline init(params: EventParams) {
            self.params = params
            self.offset = params.valuesOffset
        }

        /// The next parameter's value, or `nil` after the last.
        @inlinable
        public mutating func next() -> UnsafeRawBufferPointer? {
            guard index < params.count else { return nil }
            let length = params.length(index)
            let value = UnsafeRawBufferPointer(rebasing: params.event[offset..<(offset + length)])
            offset += length
            index += 1
            return value
        }
    }

    /// An iterator over the parameter values.
    @inlinable
    public func makeIterator() -> Iterator { Iterator(params: self) }

    /// The number of parameters.
    @inlinable
    public var underestimatedCount: Int { count }
}
