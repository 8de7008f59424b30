// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Plain reads of /proc: whole small files, symbolic links and directory listings, as bytes.
///
/// Every call fails quietly (`nil`): a process may end between listing /proc and reading its files,
/// and the scan then skips it as libscap does.
enum ProcFS {
    /// Up to `limit` bytes of the file at `path`, or `nil` when it cannot be opened.
    static func read(_ path: String, limit: Int = 1 << 20) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: min(limit, 4096))
        var count = 0
        while count < limit {
            if count == bytes.count {
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, limit - count)))
            }
            let got = bytes.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + count, raw.count - count)
            }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// The target of the symbolic link at `path`, cut to `limit` bytes (libscap's buffers hold
    /// `SCAP_MAX_PATH_SIZE - 1`), or `nil` when it cannot be read or is empty.
    static func readLink(_ path: String, limit: Int = ProcLimits.path - 1) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: limit)
        let got = buffer.withUnsafeMutableBufferPointer { raw in
            raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: limit) { Glibc.readlink(path, $0, limit) }
        }
        guard got > 0 else { return nil }
        buffer.removeSubrange(got...)
        return buffer
    }

    /// Calls `body` with each name in the directory at `path`, in the order the kernel lists them
    /// (libscap keeps that order in its tables, and so in the file), without `.` and `..`, while the
    /// directory is open: as in libscap, the scanning process's own fd list shows the directories
    /// being read. `false` when the directory cannot be opened.
    static func forEachEntry(_ path: String, _ body: (String) -> Void) -> Bool {
        guard let dir = opendir(path) else { return false }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { body(name) }
        }
        return true
    }

    /// Calls `body` with each numeric entry (pid, tid) of the directory at `path`, as
    /// ``forEachEntry(_:_:)``.
    static func forEachNumber(_ path: String, _ body: (Int64) -> Void) -> Bool {
        forEachEntry(path) { name in
            if name.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let number = Int64(name) {
                body(number)
            }
        }
    }
}

/// The sizes of libscap 0.29.3's fixed buffers, which cut what it reads from /proc.
enum ProcLimits {
    /// `SCAP_MAX_PATH_SIZE`: paths, comm, exe.
    static let path = 1024
    /// `SCAP_MAX_ARGS_SIZE`: the command line.
    static let args = 4096
    /// `SCAP_MAX_ENV_SIZE`: the environment.
    static let env = 4096
    /// `SCAP_MAX_CGROUPS_SIZE`: the cgroups list.
    static let cgroups = 4096
    /// `MAX_CREDENTIALS_STR_LEN`: user and group names.
    static let credentials = 256
}
