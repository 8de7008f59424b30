// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Reading and writing partial-result files whole, with errors that name the file.
enum PartialFiles {
    /// The bytes of the file at `path`.
    /// - Throws: ``PartialMergeError`` naming the file when it cannot be read.
    static func read(_ path: String) throws(PartialMergeError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw PartialMergeError("\(path): cannot open: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PartialMergeError("\(path): cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[..<n])
        }
    }

    /// Writes `bytes` to `path` through a temporary file renamed over it, so that a reader (a
    /// batch waiting for parts) never sees half a partial.
    /// - Throws: ``PartialMergeError`` naming the file.
    static func write(_ bytes: [UInt8], to path: String) throws(PartialMergeError) {
        let temporary = path + ".tmp\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw PartialMergeError("\(path): cannot create: \(String(cString: strerror(errno)))") }
        var offset = 0
        let failure: String? = bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return String(cString: strerror(errno)) }
                offset += n
            }
            return nil
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw PartialMergeError("\(path): cannot write: \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PartialMergeError("\(path): cannot write: \(reason)")
        }
    }
}

/// Partial results that do not merge: one line, naming the file.
public struct PartialMergeError: Error, Sendable, CustomStringConvertible {
    /// The line.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
