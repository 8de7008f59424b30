// SPDX-License-Identifier: Apache-2.0

/// One event: a view over its bytes in the reader's buffer, valid until the reader moves on.
///
/// ### Layout
/// ```
/// | ts u64 | tid u64 | len u32 | type u16 | nparams u32 | len[0] ... len[n-1] | param 0 | param 1 | ... |
/// ```
/// Parameter lengths are 16-bit, or 32-bit for large-payload events. Nothing is decoded until asked
/// for: ``param(_:)`` walks the length table, which is short.
public struct Event {
    /// The size of the fixed header.
    public static let headerSize = 26

    /// The event's bytes, header included.
    public let bytes: UnsafeRawBufferPointer
    /// The CPU that produced the event.
    public let cpu: UInt16
    /// The dump flags of an EVF block (0 otherwise).
    public let dumpFlags: UInt32
    /// The event's number in the stream, from 1.
    public let number: UInt64
    /// The schema entry of the event's type.
    public var info: EventInfo { EventSchema.info(type) ?? EventSchema.unknownEvent }
    /// The hot path's copy of the schema entry (no reference counting to read it).
    let layout: UnsafePointer<EventLayout>
    /// The byte width of each entry of the parameter length table: 2, or 4 for large payloads.
    public let lengthWidth: Int
    /// Where the parameter length table starts (the header's size: 26, or 22 in the oldest files).
    public let headerSize: Int
    /// The number of parameters the event carries (older writers carry fewer than the schema knows).
    public let paramCount: Int

    /// Creates a view over an event's bytes. The caller has checked that the header and the length
    /// table fit in `bytes` and that the lengths add up (see ``Event/validate(_:lengthWidth:)``).
    public init(
        bytes: UnsafeRawBufferPointer, cpu: UInt16, dumpFlags: UInt32, number: UInt64, lengthWidth: Int = 2,
        headerSize: Int = Event.headerSize, paramCount: Int? = nil
    ) {
        self.init(
            bytes: bytes, cpu: cpu, dumpFlags: dumpFlags, number: number, lengthWidth: lengthWidth,
            headerSize: headerSize, paramCount: paramCount, layouts: EventLayouts.table)
    }

    /// ``init(bytes:cpu:dumpFlags:number:lengthWidth:headerSize:paramCount:)`` with
    /// ``EventLayouts/table`` passed in, for a reading loop that keeps it (reading the global checks
    /// its lazy initialization each time).
    @inline(__always) init(
        bytes: UnsafeRawBufferPointer, cpu: UInt16, dumpFlags: UInt32, number: UInt64, lengthWidth: Int,
        headerSize: Int, paramCount: Int?, layouts: UnsafePointer<EventLayout>
    ) {
        self.bytes = bytes
        self.cpu = cpu
        self.dumpFlags = dumpFlags
        self.number = number
        self.lengthWidth = lengthWidth
        self.headerSize = headerSize
        self.paramCount = paramCount ?? Int(bytes.loadUnaligned(fromByteOffset: 22, as: UInt32.self))
        self.layout = EventLayouts.layout(bytes.loadUnaligned(fromByteOffset: 20, as: UInt16.self), in: layouts)
    }

    /// The timestamp in nanoseconds since the epoch.
    @inline(__always) public var timestamp: UInt64 { bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self) }
    /// The thread that produced the event.
    @inline(__always) public var tid: Int64 { bytes.loadUnaligned(fromByteOffset: 8, as: Int64.self) }
    /// The total length of the event in bytes.
    @inline(__always) public var length: UInt32 { bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self) }
    /// The event type code.
    @inline(__always) public var type: UInt16 { bytes.loadUnaligned(fromByteOffset: 20, as: UInt16.self) }
    /// Whether this is an enter event.
    @inline(__always) public var isEnter: Bool { type & 1 == 0 }

    /// The length of parameter `index`.
    @inline(__always) public func paramLength(_ index: Int) -> Int {
        let at = headerSize + index &* lengthWidth
        return lengthWidth == 2
            ? Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self))
            : Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }

    /// Where the value of parameter 0 starts: just past the length table.
    @inline(__always) public var valuesOffset: Int { headerSize &+ paramCount &* lengthWidth }

    /// The bytes of parameter `index` when it starts at `offset` (the caller walks the lengths;
    /// ``param(_:)`` for random access).
    @inline(__always) func param(_ index: Int, at offset: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: bytes.baseAddress! + offset, count: paramLength(index))
    }

    /// The bytes of parameter `index`, or `nil` when the event does not carry it.
    @inline(__always) public func param(_ index: Int) -> UnsafeRawBufferPointer? {
        let count = paramCount
        guard index >= 0, index < count else { return nil }
        var offset = valuesOffset
        var i = 0
        while i < index {
            offset &+= paramLength(i)
            i &+= 1
        }
        return param(index, at: offset)
    }

    /// The index of the parameter called `name` in the schema, or `nil`.
    public func paramIndex(named name: String) -> Int? {
        EventSchema.info(type)?.params.firstIndex { $0.name == name }
    }

    /// Checks that the header, length table and parameters of an event fit in `bytes`.
    /// - Returns: `nil` when the event is sound, or what is wrong with it.
    public static func validate(_ bytes: UnsafeRawBufferPointer, lengthWidth: Int) -> String? {
        guard bytes.count >= headerSize else { return "event shorter than its header" }
        let count = Int(bytes.loadUnaligned(fromByteOffset: 22, as: UInt32.self))
        let table = headerSize + count * lengthWidth
        guard count <= 1024, table <= bytes.count else {
            return "event parameter table (\(count) parameters) runs past the event"
        }
        var total = table
        for i in 0..<count {
            let at = headerSize + i * lengthWidth
            total += lengthWidth == 2
                ? Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt16.self))
                : Int(bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self))
        }
        guard total <= bytes.count else { return "event parameter \(count) lengths overflow the event" }
        return nil
    }
}

extension UnsafeRawBufferPointer {
    /// Reads a little-endian integer of type `T` at `offset` (the caller checked the bounds).
    @inline(__always) func le<T: FixedWidthInteger>(_ offset: Int, _: T.Type = T.self) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
