// SPDX-License-Identifier: Apache-2.0
import CZlib
import Glibc

/// A file read through zlib, which inflates a gzip file and passes any other file through as is
/// (reads of a plain file go straight to `read(2)` once zlib has looked at its first bytes).
final class GzipInput {
    /// Why a read failed.
    enum Failure: Error {
        /// The gzip stream ends before its end marker.
        case truncated
        /// zlib or the system reported an error.
        case failed(String)
    }

    /// Why the file could not be opened: an `errno` value.
    struct OpenFailure: Error {
        var code: Int32
    }

    private let file: gzFile

    /// Opens `path`; throws the `errno` of `open(2)` or of zlib's setup.
    init(path: String) throws(OpenFailure) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OpenFailure(code: errno) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw OpenFailure(code: EISDIR)
        }
        guard let file = gzdopen(fd, "rb") else {
            let code = errno
            close(fd)
            throw OpenFailure(code: code == 0 ? ENOMEM : code)
        }
        // A bigger zlib buffer cuts the number of read(2) calls on compressed files.
        gzbuffer(file, 1 << 18)
        self.file = file
    }

    deinit { gzclose(file) }

    /// Whether the file is read as is (not gzip); known after the first read.
    var isPlain: Bool { gzdirect(file) != 0 }

    /// Reads up to `count` bytes into `destination`; returns 0 only at the end of the file.
    func read(into destination: UnsafeMutableRawPointer, count: Int) throws(Failure) -> Int {
        let asked = UInt32(min(count, Int(Int32.max)))
        let got = gzread(file, destination, asked)
        if got < 0 || UInt32(got) < asked {
            var code: Int32 = 0
            let text = gzerror(file, &code)
            if code == Z_BUF_ERROR { throw .truncated }
            if code == Z_ERRNO { throw .failed(ScapError.errnoText(errno)) }
            if code != Z_OK { throw .failed(text.map { String(cString: $0) } ?? "zlib error \(code)") }
        }
        return max(Int(got), 0)
    }
}
