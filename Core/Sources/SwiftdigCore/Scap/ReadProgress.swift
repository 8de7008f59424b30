// SPDX-License-Identifier: Apache-2.0
import CZlib
import Glibc

/// How far sysdig 0.29.3 would be in a capture, as `-P` reports it: `gzoffset()` of its zlib
/// handle over the file's size.
///
/// `gzoffset()` counts what zlib has taken from the file, read-ahead included, so it depends on
/// the exact reads libscap asks for (8 bytes of block header, then the rest of the block, through
/// zlib's 8 KiB input and 16 KiB output buffers). Our reader reads in big chunks, so this
/// follows libscap on a second zlib handle of the same file, making the same calls; it costs a
/// second pass over the file and is only made for `-P`.
final class ReadProgress {
    private let file: gzFile
    private let size: Int64
    private var scratch: UnsafeMutableRawPointer
    private var scratchSize = 1 << 16
    private var started = false

    /// Opens a second handle on `path`; `nil` when that fails.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, let file = gzopen(path, "rb") else { return nil }
        self.file = file
        size = Int64(info.st_size)
        scratch = .allocate(byteCount: scratchSize, alignment: 16)
    }

    deinit {
        gzclose(file)
        scratch.deallocate()
    }

    /// Follows libscap through the event block of `length` bytes at `offset`.
    func event(at offset: UInt64, length: Int) {
        if !started {
            // libscap reads the metadata blocks, then seeks back over the first event's header:
            // with zlib already past its first look at the file, which decides how it seeks (a
            // plain file's read-ahead restarts exactly there, a gzip one decompresses up to it).
            read(1)
            gzseek(file, Int(offset), SEEK_SET)
            started = true
        }
        read(8)
        read(length - 8)
    }

    /// Follows libscap past a block that is not an event, after the first event (it reads its
    /// header, then reopens the file and seeks to it).
    func otherBlock(at offset: UInt64, length: Int) {
        guard started else { return }
        read(8)
        gzseek(file, Int(offset) + length, SEEK_SET)
    }

    /// Follows libscap to the end of the file (its last read finds nothing).
    func end() {
        if started { read(8) }
    }

    /// The progress in percent, as sysdig computes it.
    var percent: Double {
        guard size > 0 else { return 0 }
        return Double(gzoffset(file)) * 100 / Double(size)
    }

    private func read(_ count: Int) {
        guard count > 0 else { return }
        if count > scratchSize {
            scratch.deallocate()
            scratchSize = count
            scratch = .allocate(byteCount: count, alignment: 16)
        }
        _ = gzread(file, scratch, UInt32(count))
    }
}
