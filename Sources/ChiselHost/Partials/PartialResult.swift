// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// A partial result: what one mergeable chisel gathered over some inputs, as `--partial-out`
/// writes it and `swiftdig merge` reads it (docs/batch.md, "Partial results").
///
/// The file is binary: the magic `SWDGPART`, then varints (the format version, the chisel
/// protocol version), the header (chisel, arguments, the chisel it ran as, the output options that
/// change its result, the inputs covered), the chisel's payload, and a CRC-32 of all the bytes
/// before it. ``init(bytes:)`` is a pure function over bytes: it never reads past them and rejects
/// any damage with one ``ChiselPartialError`` (the offset, what is wrong).
public struct PartialResult: Sendable, Equatable {
    /// The first 8 bytes of every partial.
    public static let magic: [UInt8] = Array("SWDGPART".utf8)
    /// The version of the layout this swiftdig writes and reads.
    public static let formatVersion: UInt64 = 1

    /// One input a partial covers.
    public struct Input: Sendable, Equatable {
        /// The capture read (its path as given).
        public var name: String
        /// The command line's filter over it (empty: none).
        public var filter: String
        /// The events read from it.
        public var events: UInt64
        /// The events that passed the filter and reached the chisel.
        public var delivered: UInt64
        /// The first and last events' timestamps (ns since the epoch; 0 without events).
        public var firstTimestamp: UInt64
        /// See ``firstTimestamp``.
        public var lastTimestamp: UInt64

        /// An input.
        public init(name: String, filter: String, events: UInt64, delivered: UInt64, firstTimestamp: UInt64, lastTimestamp: UInt64) {
            self.name = name
            self.filter = filter
            self.events = events
            self.delivered = delivered
            self.firstTimestamp = firstTimestamp
            self.lastTimestamp = lastTimestamp
        }
    }

    /// The chisel protocol version the writer ran (packed: `major << 16 | minor`).
    public var protocolVersion: UInt32
    /// The chisel as the command line named it (`topscalls`).
    public var chisel: String
    /// Its arguments as the command line gave them.
    public var arguments: [String]
    /// The chisel that ran after `exec` (`table_generator`) and its arguments: what the payload is of.
    public var resolvedChisel: String
    /// See ``resolvedChisel``.
    public var resolvedArguments: [String]
    /// Whether `-pc` was given (it changes the tables' columns).
    public var containerColumns: Bool
    /// Whether `-j` was given (the merge prints JSON then).
    public var json: Bool
    /// The inputs covered, in merge order.
    public var inputs: [Input]
    /// The chisel's own bytes (``MergeableChisel/writePartial(to:)``).
    public var payload: [UInt8]
    /// Where ``payload`` starts in the file read (0 for one made in memory): error offsets in it.
    public var payloadOffset: Int = 0

    /// A partial result.
    public init(
        protocolVersion: UInt32 = ChiselProtocolVersion.packed, chisel: String, arguments: [String], resolvedChisel: String,
        resolvedArguments: [String], containerColumns: Bool, json: Bool, inputs: [Input], payload: [UInt8]
    ) {
        self.protocolVersion = protocolVersion
        self.chisel = chisel
        self.arguments = arguments
        self.resolvedChisel = resolvedChisel
        self.resolvedArguments = resolvedArguments
        self.containerColumns = containerColumns
        self.json = json
        self.inputs = inputs
        self.payload = payload
    }

    /// The earliest first timestamp of the inputs with events (0 if none had any).
    public var firstTimestamp: UInt64 { inputs.map(\.firstTimestamp).filter { $0 != 0 }.min() ?? 0 }
    /// The latest last timestamp of the inputs.
    public var lastTimestamp: UInt64 { inputs.map(\.lastTimestamp).max() ?? 0 }

    /// The file's bytes.
    public var bytes: [UInt8] {
        var w = ChiselPartialWriter()
        w.write(unsigned: Self.formatVersion)
        w.write(unsigned: UInt64(protocolVersion))
        w.write(string: chisel)
        w.write(unsigned: UInt64(arguments.count))
        for a in arguments { w.write(string: a) }
        w.write(string: resolvedChisel)
        w.write(unsigned: UInt64(resolvedArguments.count))
        for a in resolvedArguments { w.write(string: a) }
        w.write(bool: containerColumns)
        w.write(bool: json)
        w.write(unsigned: UInt64(inputs.count))
        for input in inputs {
            w.write(string: input.name)
            w.write(string: input.filter)
            w.write(unsigned: input.events)
            w.write(unsigned: input.delivered)
            w.write(unsigned: input.firstTimestamp)
            w.write(unsigned: input.lastTimestamp)
        }
        w.write(bytes: payload)
        var out = Self.magic + w.bytes
        let crc = CRC32.checksum(out[...])
        for shift in stride(from: 0, to: 32, by: 8) { out.append(UInt8(truncatingIfNeeded: crc >> UInt32(shift))) }
        return out
    }

    /// Reads a partial result from the bytes of its file.
    /// - Throws: ``ChiselPartialError`` (the offset and what is wrong) for anything but a whole,
    ///   undamaged partial of format version 1.
    public init(bytes: [UInt8]) throws(ChiselPartialError) {
        func fail(_ offset: Int, _ what: String) -> ChiselPartialError { ChiselPartialError(offset: offset, what: what) }
        guard bytes.count >= Self.magic.count, bytes.prefix(Self.magic.count).elementsEqual(Self.magic) else {
            throw fail(0, "not a swiftdig partial result (no SWDGPART magic)")
        }
        do {
            var r = ChiselPartialReader(bytes, range: Self.magic.count..<bytes.count)
            let version = try r.readUnsigned()
            guard version == Self.formatVersion else {
                throw fail(Self.magic.count, "partial format version \(version), this swiftdig reads version \(Self.formatVersion)")
            }
            // The checksum next: any damage after the version is reported as such.
            guard bytes.count >= r.position + 4 else { throw fail(bytes.count, "truncated: no checksum") }
            let body = bytes.count - 4
            var stored: UInt32 = 0
            for i in 0..<4 { stored |= UInt32(bytes[body + i]) << UInt32(8 * i) }
            let computed = CRC32.checksum(bytes[..<body])
            guard stored == computed else {
                throw fail(body, "checksum \(hex(stored)) does not match the contents (\(hex(computed))): damaged or truncated")
            }
            r = ChiselPartialReader(bytes, range: r.position..<body)
            let packed = try r.readUnsigned()
            guard packed <= UInt64(UInt32.max) else { throw fail(r.offset, "protocol version out of range") }
            protocolVersion = UInt32(packed)
            chisel = try r.readString()
            arguments = try Self.readStrings(&r)
            resolvedChisel = try r.readString()
            resolvedArguments = try Self.readStrings(&r)
            containerColumns = try r.readBool()
            json = try r.readBool()
            let count = try r.readCount(minimumSize: 6)
            var inputs: [Input] = []
            for _ in 0..<count {
                inputs.append(Input(
                    name: try r.readString(), filter: try r.readString(), events: try r.readUnsigned(),
                    delivered: try r.readUnsigned(), firstTimestamp: try r.readUnsigned(), lastTimestamp: try r.readUnsigned()))
            }
            self.inputs = inputs
            let length = try r.readCount()
            payloadOffset = r.offset
            payload = Array(try r.readRaw(length))
            try r.expectEnd("the payload")
        } catch let error as ChiselPartialError {
            throw error
        } catch {
            throw fail(0, "\(error)")
        }
    }

    private static func readStrings(_ r: inout ChiselPartialReader) throws(ChiselPartialError) -> [String] {
        let n = try r.readCount()
        var out: [String] = []
        for _ in 0..<n { out.append(try r.readString()) }
        return out
    }
}

private func hex(_ v: UInt32) -> String {
    let digits = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
