// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

extension ChiselEnvironment {
    /// Whether standard output is a terminal: sysdig's `sysdig.is_tty()`, which the log chisels
    /// (`spy_logs`, `spy_syslog`) colour by. Since protocol 1.3.
    public var isTerminal: Bool { isatty(1) != 0 }
}

extension ChiselOutput {
    /// Buffered output to the file at `path`, created or emptied (Lua's `io.open(path, "w")`), or
    /// `nil` when it cannot be opened. Only standard output is flushed by the runner: call
    /// ``flush()`` when done, in ``Chisel/captureEnded(_:)``. Since protocol 1.3.
    public convenience init?(creatingFile path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return nil }
        self.init(fd: fd)
    }
}

/// The file system, for chisels that write files of their own (`udp_extract`). Since protocol 1.3.
public enum ChiselFiles {
    /// Creates the directory `path` (`mkdir`), leaving an existing one alone.
    /// - Returns: whether the directory exists afterwards.
    @discardableResult
    public static func makeDirectory(_ path: String) -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
