// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// A child process that writes its standard output to a file descriptor of the parent's choice,
/// while its standard error and one more descriptor (3, for what the child reports about its run)
/// come back to the parent through pipes, read without blocking.
final class ChildProcess {
    /// The descriptor number the child writes its report on.
    static let reportFD: Int32 = 3

    let pid: pid_t
    /// The parent's ends of the pipes: standard error, the report (-1 once closed).
    private(set) var outputs: [Int32]

    /// Starts `executable` with `arguments` (not counting its name), its standard output on
    /// `output`, and the parent's environment plus `environment` (`NAME=value` words).
    /// - Throws: ``BatchError`` when the pipes or the process cannot be made.
    init(executable: String, arguments: [String], environment: [String], output: Int32) throws(BatchError) {
        var parentEnds: [Int32] = []
        var childEnds: [Int32] = []
        defer { for fd in childEnds { close(fd) } }
        for _ in 0..<2 {
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else {
                for fd in parentEnds { close(fd) }
                throw BatchError("cannot make a pipe: \(String(cString: strerror(errno)))")
            }
            // Not inherited by the other children (each gets its copies through dup2 below).
            for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            parentEnds.append(ends[0])
            childEnds.append(ends[1])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copies: the child keeps exactly 1, 2 and 3.
        for (i, fd) in ([output] + childEnds).enumerated() { posix_spawn_file_actions_adddup2(&actions, fd, Int32(i + 1)) }
        var inherited: [String] = []
        var entry = environ
        while let text = entry.pointee {
            inherited.append(String(cString: text))
            entry += 1
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = (inherited + environment).map { strdup($0) } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard status == 0 else {
            for fd in parentEnds { close(fd) }
            throw BatchError("cannot start \(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        outputs = parentEnds
        for fd in parentEnds {
            // Read until empty at each wake-up, never blocking on one child while another waits.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
    }

    /// Whether every pipe reached its end.
    var isDrained: Bool { outputs.allSatisfy { $0 < 0 } }

    /// Closes the parent's end of pipe `index` (0: errors, 1: report).
    func closeOutput(_ index: Int) {
        guard outputs[index] >= 0 else { return }
        close(outputs[index])
        outputs[index] = -1
    }

    /// Waits for the child to end.
    /// - Returns: the `wait` status.
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    /// How a `wait` status reads in an error list, when it is not a success (`nil`).
    static func failureText(_ status: Int32) -> String? {
        let signal = status & 0x7F
        if signal != 0 { return "killed by signal \(signal) (\(String(cString: strsignal(signal))))" }
        let code = (status >> 8) & 0xFF
        return code == 0 ? nil : "exited with status \(code)"
    }
}

/// The batch itself cannot go on (a process or a temporary file cannot be made).
public struct BatchError: Error, CustomStringConvertible {
    /// The one-line explanation.
    public let description: String
    /// An error that reads `description`.
    public init(_ description: String) { self.description = description }
}
