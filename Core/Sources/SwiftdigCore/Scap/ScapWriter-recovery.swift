// SPDX-License-Identifier: Apache-2.0
import CZlib
import Glibc

/// What keeps a capture readable when a write fails half way (a full disk).
///
/// - Plain files: the writer hands whole blocks to the file; after a short write the file is cut
///   back (`ftruncate`) to the end of the last block that was written whole.
/// - gzip: after each batch of blocks (about 1 MiB uncompressed) the deflate stream is flushed
///   (`Z_SYNC_FLUSH`), which leaves it at a byte boundary with everything so far decodable. The
///   writer remembers that point, with the CRC-32 and length of the data before it. After a failed
///   write the file is cut back to that point and ended there as zlib ends a stream: an empty
///   final block (`03 00`) and the gzip trailer (CRC-32, length). The result is a whole gzip file
///   that ends after the last batch of blocks; zlib's readers (sysdig's and ours) read it to the end.
///   Cutting frees at least the bytes of the failed batch, so the 10 bytes of the end fit (a
///   batch compresses to far more than a page).
extension ScapWriter {
    /// A point the file can be cut back to.
    struct CutPoint {
        /// The size of the file up to the point (compressed bytes for gzip).
        var fileOffset: off_t = 0
        /// gzip: the CRC-32 of the uncompressed bytes before the point.
        var crc: UInt = crc32(0, nil, 0)
        /// The uncompressed bytes before the point.
        var length: UInt64 = 0
    }

    /// Writes `raw` to `fd`; returns how much was written and the error (0 for none).
    static func writePlain(_ raw: UnsafeRawBufferPointer, to fd: Int32) -> (done: Int, error: Int32) {
        var done = 0
        while done < raw.count {
            let result = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
            if result < 0 {
                if errno == EINTR { continue }
                return (done, errno)
            }
            done += result
        }
        return (done, 0)
    }

    /// Compresses `raw` into `gz`, then flushes the stream to a byte boundary and moves `point` there.
    /// - Parameter fd: a descriptor of the same file, to read its size.
    static func writeCompressed(
        _ raw: UnsafeRawBufferPointer, to gz: gzFile, advancing point: inout CutPoint, fd: Int32
    ) -> (done: Int, error: Int32) {
        var done = 0
        var crc = point.crc
        while done < raw.count {
            let chunk = min(raw.count - done, 1 << 30)
            let start = raw.baseAddress!.assumingMemoryBound(to: UInt8.self) + done
            guard gzwrite(gz, start, UInt32(chunk)) == Int32(chunk) else { return (done, errnoOrIO()) }
            crc = crc32(crc, start, UInt32(chunk))
            done += chunk
        }
        guard gzflush(gz, Z_SYNC_FLUSH) == Z_OK else { return (done, errnoOrIO()) }
        let end = lseek(fd, 0, SEEK_END)
        guard end >= 0 else { return (done, errnoOrIO()) }
        point = CutPoint(fileOffset: end, crc: crc, length: point.length + UInt64(raw.count))
        return (done, 0)
    }

    /// After a plain write of `done` bytes of the pending ones failed: cuts the file after the
    /// last whole block (gzip is cut when zlib's side is closed); returns the error to report.
    func cutBack(writtenOfPending done: Int, error code: Int32) -> ScapError {
        if gz == nil {
            var whole = 0
            try? withPending { pending in
                pending.bytes.withUnsafeBytes { raw in
                    while whole + 8 <= done {
                        let length = Int(raw.loadUnaligned(fromByteOffset: whole + 4, as: UInt32.self))
                        guard length > 0, whole + length <= done else { break }
                        whole += length
                    }
                }
            }
            durable.fileOffset += off_t(whole)
            durable.length += UInt64(whole)
            _ = ftruncate(fd, durable.fileOffset)
        }
        return writeFailure(code, at: durable.length)
    }

    /// Ends the gzip file at the last flush point: cut there, then an empty final block and the trailer.
    func repairGzip() {
        guard repairFD >= 0 else { return }
        var end: [UInt8] = [0x03, 0x00]
        for shift in stride(from: 0, to: 32, by: 8) { end.append(UInt8(truncatingIfNeeded: durable.crc >> UInt(shift))) }
        for shift in stride(from: 0, to: 32, by: 8) { end.append(UInt8(truncatingIfNeeded: durable.length >> UInt64(shift))) }
        // Nothing flushed yet: not even zlib's header is known to be there; an empty file is all.
        guard durable.fileOffset > 0 else {
            _ = ftruncate(repairFD, 0)
            return
        }
        _ = ftruncate(repairFD, durable.fileOffset)
        _ = pwrite(repairFD, end, end.count, durable.fileOffset)
    }

    /// The error of a failed write: the file, where it now ends, and the system's reason.
    func writeFailure(_ code: Int32, at end: UInt64) -> ScapError {
        ScapError(
            file: path, offset: end, kind: .io,
            message: "write failed: \(ScapError.errnoText(code)); the capture ends at the last whole block before it")
    }

    private static func errnoOrIO() -> Int32 { errno != 0 ? errno : EIO }
}
