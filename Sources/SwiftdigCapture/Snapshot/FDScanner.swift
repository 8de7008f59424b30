// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// Lists a process's open file descriptors from `/proc/PID/fd` as libscap 0.29.3's
/// `scap_fd_scan_fd_dir` does: typed by what `stat` says of the target, named by the link, files
/// with their open flags from `fdinfo`, sockets looked up by inode in their network namespace's
/// /proc/net tables (read once per namespace).
struct FDScanner {
    /// The machine's /proc.
    let procRoot: String
    private var socketsByNamespace: [UInt64: SocketTable] = [:]

    /// Anonymous inodes libscap recognises by their link, and the type each gets; any other keeps
    /// ``ScapFDType/unsupported``. All of them get an empty name.
    static let anonymousTypes: [String: ScapFDType] = [
        "anon_inode:[eventfd]": .event, "anon_inode:[signalfd]": .signalfd,
        "anon_inode:[eventpoll]": .eventpoll, "anon_inode:inotify": .inotify,
        "anon_inode:[timerfd]": .timerfd,
    ]

    init(procRoot: String) { self.procRoot = procRoot }

    /// The descriptors of the process whose folder is `dir` (ending in `/`), in listing order, and
    /// whether the scan went through: libscap keeps what it found before a failure (and then skips
    /// the process's other threads); no `fd` folder gives no descriptors and a failure.
    mutating func scan(dir: String) -> (fds: [FDRecord], complete: Bool) {
        let fdDir = dir + "fd"
        // The namespace decides which /proc/net tables hold the process's sockets.
        var namespace: UInt64 = 0
        if let link = ProcFS.readLink(dir + "ns/net"), let rest = ProcText.after("net:[", in: link[...]) {
            namespace = ProcText.unsigned(rest) ?? 0
        }
        var fds: [FDRecord] = []
        var complete = true
        let listed = ProcFS.forEachEntry(fdDir) { name in
            guard complete, let number = ProcText.unsigned(Array(name.utf8)[...]) else { return }
            switch entry(fd: Int64(bitPattern: number), path: fdDir + "/" + name, dir: dir, namespace: namespace) {
            case let .found(record): fds.append(record)
            case .leftOut: break
            case .failed: complete = false
            }
        }
        return (fds, listed && complete)
    }

    /// What becomes of one fd.
    private enum Outcome {
        /// Listed.
        case found(FDRecord)
        /// Left out (gone, or a socket of a family the tables do not hold).
        case leftOut
        /// libscap stops the scan here.
        case failed
    }

    /// The record of the fd `fd` whose /proc link is `path`.
    private mutating func entry(fd: Int64, path: String, dir: String, namespace: UInt64) -> Outcome {
        var info = stat()
        guard stat(path, &info) == 0 else { return .leftOut }
        switch info.st_mode & S_IFMT {
        case S_IFIFO:
            guard let link = ProcFS.readLink(path, limit: ProcLimits.path) else { return .failed }
            var ino: UInt64
            if let rest = ProcText.after("pipe:[", in: link[...]), let number = ProcText.unsigned(rest) {
                ino = number
            } else {
                // A named pipe: its inode, when the path still leads to it.
                var target = stat()
                guard stat(String(decoding: link, as: UTF8.self), &target) == 0 else { return .leftOut }
                ino = UInt64(target.st_ino)
            }
            return .found(FDRecord(fd: fd, ino: ino, type: .fifo, details: .name(ByteString(link))))
        case S_IFREG, S_IFBLK, S_IFCHR, S_IFLNK:
            guard let link = ProcFS.readLink(path, limit: ProcLimits.path) else { return .leftOut }
            let flags = openFlags(dir: dir, fd: fd)
            return .found(
                FDRecord(
                    fd: fd, ino: UInt64(info.st_ino), type: .fileV2,
                    details: .file(openFlags: flags, name: ByteString(link), dev: 0)))
        case S_IFDIR:
            guard let link = ProcFS.readLink(path, limit: ProcLimits.path) else { return .leftOut }
            return .found(
                FDRecord(fd: fd, ino: UInt64(info.st_ino), type: .directory, details: .name(ByteString(link))))
        case S_IFSOCK:
            guard let table = sockets(namespace: namespace, dir: dir) else { return .failed }
            guard let link = ProcFS.readLink(path, limit: ProcLimits.path) else { return .leftOut }
            guard let rest = ProcText.after("socket:[", in: link[...]), let ino = ProcText.unsigned(rest) else {
                // A socket of a kind libscap does not read.
                return .found(FDRecord(fd: fd, type: .unsupported, details: .name(ByteString(link))))
            }
            guard let socket = table.sockets[ino] else { return .leftOut }
            return .found(FDRecord(fd: fd, ino: ino, type: socket.type, details: socket.details))
        default:
            guard let link = ProcFS.readLink(path, limit: ProcLimits.path) else { return .leftOut }
            let type = Self.anonymousTypes[String(decoding: link, as: UTF8.self)] ?? .unsupported
            return .found(FDRecord(fd: fd, ino: UInt64(info.st_ino), type: type, details: .name("")))
        }
    }

    /// The socket tables of `namespace`, read on first use: the process's own `net/` view, or the
    /// machine's /proc/net when the namespace is unknown.
    private mutating func sockets(namespace: UInt64, dir: String) -> SocketTable? {
        if let known = socketsByNamespace[namespace] { return known }
        guard let table = SocketTable(netDirectory: namespace != 0 ? dir + "net/" : procRoot + "/net/") else {
            return nil
        }
        socketsByNamespace[namespace] = table
        return table
    }

    /// The `PPM_O_*` flags of `fd`, from the `flags:` line of its `fdinfo` (octal); 0 when absent.
    private func openFlags(dir: String, fd: Int64) -> UInt32 {
        guard let text = ProcFS.read(dir + "fdinfo/\(fd)", limit: 1 << 16) else { return 0 }
        for line in ProcText.lines(text) {
            if let rest = ProcText.after("flags:\t", in: line) {
                return OpenFlagTable.ppmFlags(ProcText.unsigned(rest, radix: 8) ?? 0)
            }
        }
        return 0
    }
}
