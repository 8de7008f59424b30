// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Reads a capture block by block, plain or gzip, in constant memory.
///
/// The reader fills one reusable buffer in big chunks and hands out blocks from it; a block that
/// straddles the end of the buffer is moved to its start, and a block bigger than the buffer grows
/// it (to the block's size, never more than twice the bytes actually read). Events are not copied:
/// ``ScapBlock/event(_:)`` borrows the buffer until the next call. Other blocks are decoded into
/// records.
///
/// Every problem throws a ``ScapError`` naming the file and the offset of the problem.
public final class ScapReader {
    /// The path, as given.
    public let path: String
    /// The most recent section header.
    public private(set) var sectionHeader: SectionHeader?
    /// Event codes whose parameter lengths are 4 bytes wide.
    private var largeTypes: [UInt64]
    private let input: GzipInput
    private var buffer: UnsafeMutableRawPointer
    private var capacity: Int
    /// The first byte not handed out yet.
    private var start = 0
    /// The end of the bytes read into the buffer.
    private var end = 0
    /// The file offset of `buffer[start]`.
    private var position: UInt64 = 0
    private var atEnd = false

    // ``nextEvent()``'s fast path takes the blocks of one event block type, the type of the last event
    // block ``nextBlock()`` decoded (0 until then), whose layout it keeps here.
    private var fastBlockType: UInt32 = 0
    private var fastPrefix = 0
    private var fastHeaderSize = 0
    private var fastIsV1 = false
    /// Event codes from this one up take the slow path (``uncheckedEventTypes``, and codes past
    /// ``v1Counts``).
    private var fastTypeLimit = ScapReader.v1CountCodes
    /// The parameter count of the last version 1 event of each code, tried first for the next one.
    private let v1Counts: UnsafeMutablePointer<UInt8>
    private static let v1CountCodes = 1024

    /// The default size of the read buffer (and so of one read).
    public static let defaultBufferSize = 4 << 20

    /// Opens the capture at `path`.
    ///
    /// - Parameters:
    ///   - bufferSize: the size of the read buffer (at least 64 KiB is used).
    ///   - largePayloadTypes: the event codes whose parameter lengths are 4 bytes, normally the
    ///     ones with `EF_LARGE_PAYLOAD` in the event table.
    public init(
        path: String, bufferSize: Int = ScapReader.defaultBufferSize,
        largePayloadTypes: [UInt16] = EventHeader.knownLargePayloadTypes
    ) throws(ScapError) {
        self.path = path
        do {
            input = try GzipInput(path: path)
        } catch {
            throw ScapError(
                file: path, offset: nil, kind: .cannotOpen, message: "cannot open: \(ScapError.errnoText(error.code))")
        }
        capacity = max(bufferSize, 1 << 16)
        buffer = .allocate(byteCount: capacity, alignment: 16)
        v1Counts = .allocate(capacity: Self.v1CountCodes)
        v1Counts.initialize(repeating: 0, count: Self.v1CountCodes)
        largeTypes = [UInt64](repeating: 0, count: 1024)
        for type in largePayloadTypes { largeTypes[Int(type) >> 6] |= 1 << (UInt64(type) & 63) }
    }

    deinit {
        buffer.deallocate()
        v1Counts.deallocate()
    }

    /// Event codes whose events are handed out without checking their parameters (their header
    /// says `nparams` 0), for a consumer that drops them unread as libscap 0.29.3 drops the codes
    /// it does not know; `nil` (the default) checks every event.
    public var uncheckedEventTypes: PartialRangeFrom<UInt16>? {
        didSet { fastTypeLimit = min(Self.v1CountCodes, Int(uncheckedEventTypes?.lowerBound ?? UInt16.max)) }
    }

    /// The offset of the next block in the (uncompressed) file.
    public var offset: UInt64 { position }

    /// Whether the file is gzip-compressed; known once the first block is read.
    public var isCompressed: Bool { !input.isPlain }

    /// Whether parameter lengths of event code `type` are 4 bytes wide.
    public func hasLargeLengths(type: UInt16) -> Bool {
        largeTypes[Int(type) >> 6] & (1 << (UInt64(type) & 63)) != 0
    }

    /// The next block when it is a sound event block already in the buffer, or `nil`, having read
    /// nothing, for anything else (another block, the end of the buffer or of the file, a damaged
    /// block, a block type other than the last event block's): then ``nextBlock()`` reads it. The
    /// same event ``nextBlock()`` would return, without its ``ScapBlock`` wrapper, its block type
    /// decoding and its first-block, refill and error paths; valid until the next call.
    @inline(__always)
    public func nextEvent() throws(ScapError) -> ScapEvent? {
        let available = end &- start
        guard available >= 8 else { return nil }
        let block = UnsafeRawPointer(buffer + start)
        let type = UInt32(littleEndian: block.loadUnaligned(as: UInt32.self))
        let length = Int(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt32.self)))
        let prefix = fastPrefix
        let headerSize = fastHeaderSize
        guard type == fastBlockType, length >= 12 &+ prefix &+ headerSize, length <= available,
            Int(UInt32(littleEndian: block.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self))) == length
        else { return nil }
        let base = block + (8 &+ prefix)
        let eventType = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 20, as: UInt16.self))
        let len = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        guard Int(eventType) < fastTypeLimit, len >= UInt32(truncatingIfNeeded: headerSize),
            Int(len) <= length &- 12 &- prefix
        else {
            return nil
        }
        let nparams: UInt32
        let largeLengths: Bool
        if fastIsV1 {
            // 280 and 286 may carry a length 3 too large: the slow path knows.
            guard eventType != 280, eventType != 286,
                let count = EventHeader.v1ParamCount(base, end: len, guess: Int(v1Counts[Int(eventType)]))
            else { return nil }
            v1Counts[Int(eventType)] = UInt8(truncatingIfNeeded: count)
            nparams = count
            largeLengths = false
        } else {
            largeLengths = hasLargeLengths(type: eventType)
            nparams = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 22, as: UInt32.self))
            guard EventHeader.lengthsFit(base, nparams: nparams, len: len, largeLengths: largeLengths) else {
                return nil
            }
        }
        let cpu = UInt16(littleEndian: block.loadUnaligned(fromByteOffset: 8, as: UInt16.self))
        let flags: UInt32? =
            prefix == 6 ? UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 10, as: UInt32.self)) : nil
        let blockOffset = position
        start &+= length
        position &+= UInt64(truncatingIfNeeded: length)
        let header = EventHeader(
            ts: UInt64(littleEndian: base.loadUnaligned(as: UInt64.self)),
            tid: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), len: len,
            type: eventType, nparams: nparams, format: fastIsV1 ? .v1 : .v2, largeLengths: largeLengths)
        return ScapEvent(
            bytes: UnsafeRawBufferPointer(start: base, count: Int(len)), header: header, cpu: cpu, flags: flags,
            blockType: ScapBlockType(rawValue: type), offset: blockOffset)
    }

    /// The event ``nextEvent()`` last returned, made again from `event`, the ``Event`` made from it,
    /// and `offset`, its block's offset: a reading loop that needs it only for some events need not
    /// keep it across its work on every event. Valid until the next call.
    public func lastFastEvent(_ event: Event, offset: UInt64) -> ScapEvent {
        let header = EventHeader(
            ts: event.timestamp, tid: UInt64(bitPattern: event.tid), len: event.length, type: event.type,
            nparams: UInt32(truncatingIfNeeded: event.paramCount), format: fastIsV1 ? .v1 : .v2,
            largeLengths: event.lengthWidth == 4)
        return ScapEvent(
            bytes: event.bytes, header: header, cpu: event.cpu, flags: fastPrefix == 6 ? event.dumpFlags : nil,
            blockType: ScapBlockType(rawValue: fastBlockType), offset: offset)
    }

    /// Reads the next block, or returns `nil` at the end of the file. An event's bytes stay valid
    /// until the next call.
    public func nextBlock() throws(ScapError) -> ScapBlock? {
        let blockOffset = position
        let first = sectionHeader == nil
        guard try fill(first ? 12 : 8) else {
            let have = end - start
            if first {
                throw error(
                    at: 0, .notCapture,
                    have == 0 ? "not a capture file (the file is empty)" : "not a capture file (too short)")
            }
            if have == 0 { return nil }
            throw error(at: blockOffset, .truncated, "the file ends inside a block header (\(have) of 8 bytes)")
        }
        let type = load(UInt32.self, at: 0)
        let length = load(UInt32.self, at: 4)
        if first {
            guard type == ScapBlockType.sectionHeader.rawValue else {
                throw error(at: 0, .notCapture, "not a capture file (bad section header magic)")
            }
            let magic = load(UInt32.self, at: 8)
            if magic == SectionHeader.magic.byteSwapped {
                throw error(
                    at: 8, .unsupported,
                    "capture written on a big-endian machine (byte order magic 0x4d3c2b1a); only little-endian "
                        + "captures are supported")
            }
            guard magic == SectionHeader.magic else {
                throw error(at: 8, .notCapture, "not a capture file (bad byte order magic 0x\(hex(magic)))")
            }
        }
        let minimum: UInt32 = type == ScapBlockType.sectionHeader.rawValue ? 28 : 12
        guard length >= minimum else {
            throw error(
                at: blockOffset + 4, .corrupt,
                "block length \(length) is too small for a \(ScapBlockType(rawValue: type)) block (at least \(minimum))"
            )
        }
        guard try fill(Int(length)) else {
            throw error(
                at: blockOffset + 4, .truncated,
                "block length \(length) runs past the end of the file (\(end - start) bytes left)")
        }
        let trailer = load(UInt32.self, at: Int(length) - 4)
        guard trailer == length else {
            throw error(
                at: blockOffset + UInt64(length) - 4, .corrupt,
                "block trailer says length \(trailer) but the header says \(length)")
        }
        let body = UnsafeRawBufferPointer(start: buffer + start + 8, count: Int(length) - 12)
        start += Int(length)
        position += UInt64(length)
        if let format = ScapBlockType(rawValue: type).eventFormat {
            let event = try event(body: body, type: type, format: format, blockOffset: blockOffset)
            // The next blocks are mostly of this type: nextEvent() takes them.
            fastBlockType = type
            fastPrefix = ScapBlockType(rawValue: type).hasEventFlags ? 6 : 2
            fastHeaderSize = format.headerSize
            fastIsV1 = format == .v1
            return .event(event)
        }
        let blockType = ScapBlockType(rawValue: type)
        if blockType == .sectionHeader { return .sectionHeader(try sectionHeader(body, blockOffset: blockOffset)) }
        do {
            return try decodeMetadata(blockType, body: body)
        } catch {
            throw self.error(at: blockOffset + 8 + UInt64(error.offset), .corrupt, error.message)
        }
    }

    /// Decodes and checks a section header, and makes it the current one.
    private func sectionHeader(
        _ body: UnsafeRawBufferPointer, blockOffset: UInt64
    ) throws(ScapError) -> SectionHeader {
        let magic = ByteCursor(body).getInteger(at: 0, as: UInt32.self) ?? 0
        guard magic == SectionHeader.magic else {
            throw error(
                at: blockOffset + 8, .unsupported, "section header byte order magic 0x\(hex(magic)) is not 0x1a2b3c4d")
        }
        let header = Self.decodeSectionHeader(body)
        guard header.majorVersion <= SectionHeader.supportedMajorVersion else {
            throw error(
                at: blockOffset + 12, .unsupported,
                "capture format version \(header.majorVersion).\(header.minorVersion) is newer than this "
                    + "reader (\(SectionHeader.supportedMajorVersion).x)")
        }
        sectionHeader = header
        return header
    }

    /// Decodes an event block's body.
    @inline(__always) private func event(
        body: UnsafeRawBufferPointer, type: UInt32, format: EventFormat, blockOffset: UInt64
    ) throws(ScapError) -> ScapEvent {
        let blockType = ScapBlockType(rawValue: type)
        let prefix = blockType.hasEventFlags ? 6 : 2
        guard body.count >= prefix + format.headerSize else {
            throw error(
                at: blockOffset + 4, .corrupt,
                "event block length \(body.count + 12) is too small for an event header")
        }
        let base = body.baseAddress!
        let cpu = UInt16(littleEndian: base.loadUnaligned(as: UInt16.self))
        let flags: UInt32? =
            prefix == 6 ? UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 2, as: UInt32.self)) : nil
        let rest = UnsafeRawBufferPointer(rebasing: body[prefix...])
        let eventType = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: prefix + 20, as: UInt16.self))
        let header: EventHeader
        if let unchecked = uncheckedEventTypes, unchecked.contains(eventType) {
            header = uncheckedHeader(rest, format: format)
        } else {
            do {
                header = try EventHeader.decode(
                    rest, format: format, largeLengths: format == .v2 && hasLargeLengths(type: eventType))
            } catch {
                throw self.error(at: blockOffset + 8 + UInt64(prefix), .corrupt, error.description)
            }
        }
        return ScapEvent(
            bytes: UnsafeRawBufferPointer(rebasing: rest[0..<Int(header.len)]), header: header, cpu: cpu,
            flags: flags, blockType: blockType, offset: blockOffset)
    }

    /// The header of an event of an ``uncheckedEventTypes`` code: its fixed fields, no parameters,
    /// its length cut to its block.
    private func uncheckedHeader(_ bytes: UnsafeRawBufferPointer, format: EventFormat) -> EventHeader {
        let stored = bytes.loadUnaligned(fromByteOffset: 16, as: UInt32.self)
        let len = max(UInt32(format.headerSize), min(UInt32(littleEndian: stored), UInt32(bytes.count)))
        return EventHeader(
            ts: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
            tid: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)), len: len,
            type: UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: 20, as: UInt16.self)), nparams: 0,
            format: format)
    }

    /// Decodes a block that is neither an event nor a section header.
    private func decodeMetadata(_ type: ScapBlockType, body: UnsafeRawBufferPointer) throws(BodyError) -> ScapBlock {
        switch type {
        case .machineInfo, .machineInfoInt:
            return .machineInfo(try Self.decodeMachineInfo(body, blockType: type))
        case .interfaceList, .interfaceListInt, .interfaceListV2:
            return .interfaceList(try Self.decodeInterfaceList(body, blockType: type))
        case .userList, .userListInt, .userListV2:
            return .userList(try Self.decodeUserList(body, blockType: type))
        case .fdList, .fdListInt, .fdListV2:
            return .fdList(try Self.decodeFDList(body, blockType: type))
        default:
            if type.processListVersion != nil {
                return .processList(try Self.decodeProcessList(body, blockType: type))
            }
            return .unknown(UnknownBlock(blockType: type, body: Array(body)))
        }
    }

    /// Makes sure `count` bytes from `start` are in the buffer; `false` when the file ends first.
    @inline(__always) private func fill(_ count: Int) throws(ScapError) -> Bool {
        if end - start >= count { return true }
        return try refill(count)
    }

    /// ``fill(_:)`` when the buffer holds fewer than `count` bytes.
    private func refill(_ count: Int) throws(ScapError) -> Bool {
        if start > 0 {
            if end > start { memmove(buffer, buffer + start, end - start) }
            end -= start
            start = 0
        }
        while end < count {
            if atEnd { return false }
            if end == capacity { grow(toward: count) }
            let got: Int
            do {
                got = try input.read(into: buffer + end, count: capacity - end)
            } catch {
                switch error {
                case .truncated:
                    throw self.error(
                        at: position + UInt64(end), .truncated, "the gzip stream is truncated (unexpected end of file)")
                case let .failed(text):
                    throw self.error(at: position + UInt64(end), .io, "read error: \(text)")
                }
            }
            if got == 0 { atEnd = true } else { end += got }
        }
        return true
    }

    /// Doubles the buffer, but not past `count` rounded up to 64 KiB, so that a bogus huge length
    /// costs memory only as the file really has bytes.
    private func grow(toward count: Int) {
        let wanted = min(capacity * 2, (count + 0xFFFF) & ~0xFFFF)
        guard wanted > capacity else { return }
        let bigger = UnsafeMutableRawPointer.allocate(byteCount: wanted, alignment: 16)
        bigger.copyMemory(from: buffer, byteCount: end)
        buffer.deallocate()
        buffer = bigger
        capacity = wanted
    }

    @inline(__always) private func load<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        T(littleEndian: buffer.loadUnaligned(fromByteOffset: start + offset, as: T.self))
    }

    private func error(at offset: UInt64, _ kind: ScapError.Kind, _ message: String) -> ScapError {
        ScapError(file: path, offset: offset, kind: kind, message: message)
    }

    private func hex(_ value: UInt32) -> String { String(value, radix: 16) }
}
