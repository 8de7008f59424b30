// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// Whether a thread of the state still exists on the machine, as libscap's `scap_is_thread_alive`
/// decides it for the thread table's scan (``ThreadPurge``).
public enum ThreadLiveness {
    /// True when `/proc/PID/task/TID/comm` starts with the thread's name, or, without a `comm`
    /// file (very old kernels), when `/proc/PID/task/TID/exe` opens.
    public static func isAlive(_ thread: ThreadInfo) -> Bool {
        let task = "/proc/\(thread.pid)/task/\(thread.tid)"
        let fd = open(task + "/comm", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let exe = open(task + "/exe", O_RDONLY | O_CLOEXEC)
            if exe >= 0 { close(exe) }
            return exe >= 0
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fd, &buffer, buffer.count)
        guard n > 0 else { return false }
        let comm = Array(thread.comm.utf8)
        return comm.count <= n && buffer[0..<comm.count].elementsEqual(comm)
    }
}
