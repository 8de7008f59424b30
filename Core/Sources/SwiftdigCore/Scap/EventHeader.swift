// SPDX-License-Identifier: Apache-2.0

/// The fixed start of an event (`ppm_evt_hdr`), packed, little-endian:
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 8 | `ts`: nanoseconds since the epoch |
/// | 8 | 8 | `tid`: the thread that made the event |
/// | 16 | 4 | `len`: the whole event's size, this header included |
/// | 20 | 2 | `type`: the event code (`PPME_*`) |
/// | 22 | 4 | `nparams`: the number of parameters (absent in ``EventFormat/v1``) |
///
/// The header is followed by `nparams` parameter lengths, each 2 bytes or, for an event type with
/// `EF_LARGE_PAYLOAD`, 4 bytes, and then by the parameter values back to back.
public struct EventHeader: Sendable, Hashable {
    /// The size of a version 2 header.
    public static let size = 26
    /// The size of a version 1 header, which lacks `nparams`.
    public static let v1Size = 22

    /// Event codes whose parameter lengths are 4 bytes (`EF_LARGE_PAYLOAD` in the event table):
    /// `PPME_PLUGINEVENT_E` (322), `PPME_CONTAINER_JSON_2_E` (324), `PPME_ASYNCEVENT_E` (402).
    /// libscap decides the width by the event type alone, never by the block type.
    public static let knownLargePayloadTypes: [UInt16] = [322, 324, 402]

    /// Timestamp, nanoseconds since the epoch.
    public var ts: UInt64
    /// The thread id.
    public var tid: UInt64
    /// The event's length as stored, header included.
    public var len: UInt32
    /// The event code.
    public var type: UInt16
    /// The parameter count: stored in version 2, worked out from the lengths in version 1.
    public var nparams: UInt32
    /// The header layout.
    public var format: EventFormat
    /// Whether the parameter lengths are 4 bytes wide instead of 2.
    public var largeLengths: Bool
    /// Where the parameters end: `len`, except for the version 1 events whose stored length is 3
    /// too large (see ``EventHeader/decode(_:format:largeLengths:)``).
    public var paramsEnd: UInt32

    /// Creates a header from its fields; `paramsEnd` defaults to `len`.
    public init(
        ts: UInt64, tid: UInt64, len: UInt32, type: UInt16, nparams: UInt32, format: EventFormat = .v2,
        largeLengths: Bool = false, paramsEnd: UInt32? = nil
    ) {
        self.ts = ts
        self.tid = tid
        self.len = len
        self.type = type
        self.nparams = nparams
        self.format = format
        self.largeLengths = largeLengths
        self.paramsEnd = paramsEnd ?? len
    }

    /// The size of the fixed header in this event's layout.
    public var headerSize: Int { format.headerSize }
    /// The width of one parameter length: 2 or 4.
    public var lengthSize: Int { largeLengths ? 4 : 2 }
    /// Where the parameter values start, from the start of the event.
    public var valuesOffset: Int { headerSize + Int(nparams) * lengthSize }
    /// The length this event has in the version 2 layout (`len` with the 4 bytes of `nparams`,
    /// and without the 3 spare bytes of the old notification events).
    public var v2Length: UInt32 { format == .v2 ? len : paramsEnd + 4 }

    /// Why an event's bytes do not make a valid event.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// Fewer bytes than the fixed header.
        case shortHeader(available: Int, needed: Int)
        /// `len` is below the header size or beyond the available bytes.
        case badLength(len: UInt32, available: Int)
        /// The length table itself does not fit in the event.
        case lengthTableOverflow(nparams: UInt32, len: UInt32)
        /// Parameter `index` ends past the end of the event.
        case paramOverflow(index: Int, length: UInt32, len: UInt32)
        /// No parameter count makes the lengths of a version 1 event add up to its length.
        case noParamCount(len: UInt32)

        /// One line saying what is wrong.
        public var description: String {
            switch self {
            case let .shortHeader(available, needed):
                "event header needs \(needed) bytes but the block holds \(available)"
            case let .badLength(len, available):
                len < UInt32(EventHeader.v1Size)
                    ? "event length \(len) is smaller than the event header"
                    : "event length \(len) runs past the \(available) bytes of its block"
            case let .lengthTableOverflow(nparams, len):
                "event parameter length table (\(nparams) parameters) overflows the event length \(len)"
            case let .paramOverflow(index, length, len):
                "event parameter \(index) (length \(length)) overflows the event length \(len)"
            case let .noParamCount(len):
                "event parameter lengths never add up to the event length \(len)"
            }
        }
    }

    /// Decodes and validates the event at the start of `bytes` (which may run past the event: the
    /// rest of its block).
    ///
    /// The parameter length table is checked against `len`. For a version 1 event the parameter
    /// count is the one count whose lengths add up exactly to `len` (the sum grows with every
    /// parameter, so at most one does). Two old event types, `PPME_NOTIFICATION_E` (280) and
    /// `PPME_INFRASTRUCTURE_EVENT_E` (286), were stored with a length 3 too large; as libscap does,
    /// their parameters are matched against `len - 3` first, and against `len` only if that fails.
    /// Version 1 events always have 2-byte lengths.
    @inline(__always)
    public static func decode(
        _ bytes: UnsafeRawBufferPointer, format: EventFormat, largeLengths: Bool
    ) throws(Problem) -> EventHeader {
        let headerSize = format.headerSize
        guard bytes.count >= headerSize, let base = bytes.baseAddress else {
            throw .shortHeader(available: bytes.count, needed: headerSize)
        }
        let ts = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
        let tid = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        let len = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        let type = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: 20, as: UInt16.self))
        guard len >= UInt32(headerSize), Int(len) <= bytes.count else {
            throw .badLength(len: len, available: bytes.count)
        }
        if format == .v2 {
            let nparams = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: 22, as: UInt32.self))
            try validateLengths(base, nparams: nparams, len: len, largeLengths: largeLengths)
            return EventHeader(
                ts: ts, tid: tid, len: len, type: type, nparams: nparams, format: .v2, largeLengths: largeLengths)
        }
        if (type == 280 || type == 286) && len >= UInt32(headerSize) + 3,
            let nparams = v1ParamCount(base, end: len - 3)
        {
            return EventHeader(
                ts: ts, tid: tid, len: len, type: type, nparams: nparams, format: .v1, paramsEnd: len - 3)
        }
        guard let nparams = v1ParamCount(base, end: len) else { throw .noParamCount(len: len) }
        return EventHeader(ts: ts, tid: tid, len: len, type: type, nparams: nparams, format: .v1)
    }

    /// Checks that the length table and every parameter fit inside `len`.
    private static func validateLengths(
        _ base: UnsafeRawPointer, nparams: UInt32, len: UInt32, largeLengths: Bool
    ) throws(Problem) {
        let width = UInt64(largeLengths ? 4 : 2)
        let valuesStart = UInt64(size) + UInt64(nparams) * width
        guard valuesStart <= UInt64(len) else { throw .lengthTableOverflow(nparams: nparams, len: len) }
        var end = valuesStart
        var slot = size
        for index in 0..<Int(nparams) {
            let length =
                largeLengths
                ? UInt32(littleEndian: base.loadUnaligned(fromByteOffset: slot, as: UInt32.self))
                : UInt32(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: slot, as: UInt16.self)))
            end += UInt64(length)
            guard end <= UInt64(len) else { throw .paramOverflow(index: index, length: length, len: len) }
            slot += Int(width)
        }
    }

    /// Whether the length table and every parameter fit inside `len` (``validateLengths``, for a
    /// caller that leaves the error to a slower path).
    @inline(__always) static func lengthsFit(
        _ base: UnsafeRawPointer, nparams: UInt32, len: UInt32, largeLengths: Bool
    ) -> Bool {
        (try? validateLengths(base, nparams: nparams, len: len, largeLengths: largeLengths)) != nil
    }

    /// ``v1ParamCount(_:end:)``, trying `guess` first (the count the last event of the same code had):
    /// the sums grow with every parameter, so a guess that adds up is the only count that does.
    @inline(__always) static func v1ParamCount(_ base: UnsafeRawPointer, end: UInt32, guess: Int) -> UInt32? {
        let limit = Int(end)
        let valuesStart = v1Size &+ 2 &* guess
        if valuesStart <= limit {
            var total = valuesStart
            var slot = v1Size
            while slot < valuesStart {
                total &+= Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: slot, as: UInt16.self)))
                slot &+= 2
            }
            if total == limit { return UInt32(guess) }
        }
        return v1ParamCount(base, end: end)
    }

    /// The parameter count of a version 1 event whose parameters end at `end`, or `nil`.
    @inline(__always) private static func v1ParamCount(_ base: UnsafeRawPointer, end: UInt32) -> UInt32? {
        let limit = Int(end)
        var count = 0
        var total = v1Size
        while total < limit {
            let slot = v1Size + 2 * count
            guard slot + 2 <= limit else { return nil }
            total += 2 + Int(UInt16(littleEndian: base.loadUnaligned(fromByteOffset: slot, as: UInt16.self)))
            count += 1
        }
        return total == limit ? UInt32(count) : nil
    }
}
