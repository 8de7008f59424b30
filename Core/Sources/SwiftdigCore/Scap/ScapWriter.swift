// SPDX-License-Identifier: Apache-2.0
import CZlib
import Glibc

/// Writes a capture, plain or gzip, block by block, in the layouts libscap reads.
///
/// Records carry their block type, and the writer writes the layout of that version, so any
/// version can be produced; the defaults of the record types are the versions sysdig 0.29.3 writes
/// (section header 1.2, `MI`, `IL_V2`, `UL_V2`, `PL_V9`, `FDL_V2`, `EV_V2`/`EVF_V2`). A new file is
/// created with mode 0600. Output is buffered; ``close()`` flushes it and reports any error.
///
/// A write that fails (a full disk) leaves the file readable up to the last whole block written
/// before it: see ``ScapWriter/CutPoint``. Later writes do nothing and ``close()`` only closes.
public final class ScapWriter {
    /// How the file is stored.
    public enum Compression: Sendable, Hashable {
        /// As is.
        case none
        /// gzip, with a zlib level from 0 to 9, or -1 for zlib's default.
        case gzip(level: Int32 = -1)
    }

    /// The path, as given.
    public let path: String
    /// The number of (uncompressed) bytes written so far, which is also the offset of the next block.
    public private(set) var offset: UInt64 = 0
    private var pending = ByteSink(capacity: 1 << 20)
    var fd: Int32
    var gz: gzFile?
    private var closed = false
    /// Where the file was wholly written up to, and can be cut back to after a failed write.
    var durable = CutPoint()
    /// The first write failure; once set nothing more is written.
    var failure: ScapError?
    /// For gzip, a descriptor of our own to cut the file with (zlib owns `fd`).
    var repairFD: Int32 = -1

    /// Creates or truncates `path`. Nothing is written until the first block.
    public init(path: String, compression: Compression = .none) throws(ScapError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ScapError(
                file: path, offset: nil, kind: .cannotOpen, message: "cannot create: \(ScapError.errnoText(errno))")
        }
        if case let .gzip(level) = compression {
            let mode = (0...9).contains(level) ? "wb\(level)" : "wb"
            guard let file = gzdopen(fd, mode) else {
                Glibc.close(fd)
                throw ScapError(file: path, offset: nil, kind: .io, message: "cannot start gzip compression")
            }
            gzbuffer(file, 1 << 18)
            gz = file
            repairFD = dup(fd)
        }
    }

    deinit {
        if !closed { try? close() }
    }

    /// Writes any block a reader returned (events keep their layout).
    public func write(_ block: ScapBlock) throws(ScapError) {
        switch block {
        case let .sectionHeader(header): try writeSectionHeader(header)
        case let .machineInfo(info): try writeMachineInfo(info)
        case let .interfaceList(list): try writeInterfaceList(list)
        case let .userList(list): try writeUserList(list)
        case let .processList(list): try writeProcessList(list)
        case let .fdList(list): try writeFDList(list)
        case let .event(event): try writeEvent(event)
        case let .unknown(unknown): try writeUnknown(unknown)
        }
    }

    /// Writes a section header (by default the one sysdig writes). Options make the file unreadable
    /// by libscap 0.29.3.
    public func writeSectionHeader(_ header: SectionHeader = SectionHeader()) throws(ScapError) {
        let start = beginBlock(.sectionHeader)
        pending.append(SectionHeader.magic)
        pending.append(header.majorVersion)
        pending.append(header.minorVersion)
        pending.append(header.sectionLength)
        BlockOption.encodeList(header.options, into: &pending)
        try endBlock(start)
    }

    /// Writes a block of a type this library does not know, body as given.
    public func writeUnknown(_ block: UnknownBlock) throws(ScapError) {
        let start = beginBlock(block.blockType)
        pending.append(bytes: block.body)
        try endBlock(start)
    }

    /// Writes an event read from a capture, in its own layout or converted to `format`.
    ///
    /// A version 1 event becomes version 2 by gaining its parameter count in the header (block
    /// `EV_V2`, `EVF_V2`, or the `_LARGE` form past 64 KiB), as libscap converts old events; a
    /// version 2 event becomes version 1 by losing it.
    public func writeEvent(_ event: ScapEvent, as format: EventFormat? = nil) throws(ScapError) {
        let target = format ?? event.header.format
        if target == event.header.format {
            try writeEvent(bytes: event.bytes, cpu: event.cpu, flags: event.flags, blockType: event.blockType)
            return
        }
        let header = event.header
        let start = pending.count
        let withFlags = event.flags != nil
        if target == .v2 {
            let body = event.bytes[EventHeader.v1Size..<Int(header.paramsEnd)]
            let large = 12 + (withFlags ? 6 : 2) + EventHeader.size + body.count > 1 << 16
            let type: ScapBlockType =
                withFlags ? (large ? .eventWithFlagsV2Large : .eventWithFlagsV2) : (large ? .eventV2Large : .eventV2)
            _ = beginBlock(type)
            pending.append(event.cpu)
            if let flags = event.flags { pending.append(flags) }
            pending.append(header.ts)
            pending.append(header.tid)
            pending.append(UInt32(EventHeader.size + body.count))
            pending.append(header.type)
            pending.append(header.nparams)
            pending.append(bytes: UnsafeRawBufferPointer(rebasing: body))
        } else {
            guard !header.largeLengths else {
                throw ScapError(
                    file: path, offset: offset, kind: .invalidRecord,
                    message: "an event with 4-byte parameter lengths has no version 1 form")
            }
            let body = event.bytes[EventHeader.size...]
            _ = beginBlock(withFlags ? .eventWithFlags : .event)
            pending.append(event.cpu)
            if let flags = event.flags { pending.append(flags) }
            pending.append(header.ts)
            pending.append(header.tid)
            pending.append(UInt32(EventHeader.v1Size + body.count))
            pending.append(header.type)
            pending.append(bytes: UnsafeRawBufferPointer(rebasing: body))
        }
        try endBlock(start)
    }

    /// Writes one event block: `bytes` is the whole event, header first, in the layout `blockType`
    /// implies. `flags` goes into blocks with flags (0 when `nil`) and is ignored by the others.
    public func writeEvent(
        bytes: UnsafeRawBufferPointer, cpu: UInt16, flags: UInt32? = nil, blockType: ScapBlockType = .eventV2
    ) throws(ScapError) {
        guard blockType.isEvent else {
            throw ScapError(
                file: path, offset: offset, kind: .invalidRecord, message: "\(blockType) is not an event block type")
        }
        let start = beginBlock(blockType)
        pending.append(cpu)
        if blockType.hasEventFlags { pending.append(flags ?? 0) }
        pending.append(bytes: bytes)
        try endBlock(start)
    }

    /// Flushes buffered bytes and closes the file. Calling it again does nothing.
    public func close() throws(ScapError) {
        guard !closed else { return }
        closed = true
        defer { if repairFD >= 0 { Glibc.close(repairFD) } }
        // After a failed write the file was already cut back: closing it is all that is left.
        if self.failure != nil {
            closeAfterFailure()
            return
        }
        var failure: ScapError?
        // A failure here cut the file back and closed it.
        try flush()
        if let gz {
            let result = gzclose(gz)
            if result != Z_OK {
                // The stream's end did not make it to the disk: end it at the last flush instead.
                let code = errno
                repairGzip()
                failure = writeFailure(code, at: durable.length)
            }
        } else if Glibc.close(fd) != 0 && failure == nil {
            failure = ScapError(
                file: path, offset: offset, kind: .io, message: "close failed: \(ScapError.errnoText(errno))")
        }
        if let failure { throw failure }
    }

    // MARK: - Blocks

    /// Starts a block in the pending bytes; returns where it starts.
    func beginBlock(_ type: ScapBlockType) -> Int {
        let start = pending.count
        pending.append(type.rawValue)
        pending.append(UInt32(0))
        return start
    }

    /// Pads the block that starts at `start`, writes its length at both ends, and flushes when a
    /// good amount of bytes is pending.
    func endBlock(_ start: Int) throws(ScapError) {
        pending.padToFour()
        let length = pending.count - start + 4
        guard length <= Int(UInt32.max) else {
            pending.bytes.removeSubrange(start...)
            throw ScapError(
                file: path, offset: offset, kind: .invalidRecord, message: "block of \(length) bytes is too big")
        }
        pending.set(UInt32(length), at: start + 4)
        pending.append(UInt32(length))
        offset += UInt64(length)
        if pending.count >= 1 << 20 { try flush() }
    }

    /// Appends a u16 length and the bytes, or throws when they are too long for the u16.
    func appendString(_ value: ByteString, _ field: String) throws(ScapError) {
        guard value.count <= Int(UInt16.max) else {
            throw invalid("\(field) is \(value.count) bytes, more than a 16-bit length can say")
        }
        pending.append(UInt16(value.count))
        pending.append(bytes: value.bytes)
    }

    /// Gives the encoders of other files access to the pending bytes.
    func withPending<Result>(_ body: (inout ByteSink) throws(ScapError) -> Result) throws(ScapError) -> Result {
        try body(&pending)
    }

    /// Drops a block that could not be finished.
    func abandonBlock(_ start: Int) { pending.bytes.removeSubrange(start...) }

    func invalid(_ message: String) -> ScapError {
        ScapError(file: path, offset: offset, kind: .invalidRecord, message: message)
    }

    /// Hands the pending bytes (whole blocks) to the file; gzip output is flushed to a point the
    /// file can be cut at. A failure cuts the file back to the last whole block and is thrown.
    private func flush() throws(ScapError) {
        if let failure {
            pending.removeAll()
            throw failure
        }
        guard !pending.bytes.isEmpty else { return }
        let outcome = pending.bytes.withUnsafeBytes { raw -> (done: Int, error: Int32) in
            if let gz { return Self.writeCompressed(raw, to: gz, advancing: &durable, fd: repairFD) }
            return Self.writePlain(raw, to: fd)
        }
        if outcome.error == 0 {
            if gz == nil {
                durable.fileOffset += off_t(pending.count)
                durable.length += UInt64(pending.count)
            }
            pending.removeAll()
            return
        }
        let failure = cutBack(writtenOfPending: outcome.done, error: outcome.error)
        pending.removeAll()
        self.failure = failure
        closeAfterFailure()
        throw failure
    }

    /// Closes zlib's side after a failure and cuts the file back again (zlib may have written on).
    private func closeAfterFailure() {
        if let gz {
            _ = gzclose(gz)  // closes fd too
            self.gz = nil
            repairGzip()
        } else if fd >= 0 {
            Glibc.close(fd)
        }
        fd = -1
    }
}
