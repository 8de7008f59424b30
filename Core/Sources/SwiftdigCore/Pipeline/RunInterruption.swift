// SPDX-License-Identifier: Apache-2.0
import Glibc
import Synchronization

/// Ctrl-C and `kill`: a run that is told to stop ends as if its input had ended, so chisels print
/// their results and a capture being written is closed whole, never cut in the middle of a block.
///
/// The signal handler only sets a flag; the reading loops look at it between blocks (a file: at
/// every refill of the read buffer; a live capture: at every poll of the driver).
public enum RunInterruption {
    private static let flag = Atomic<Bool>(false)

    /// Whether a stop was asked for.
    @inline(__always)
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Asks the running loop to stop (what the signal handler does).
    public static func request() { flag.store(true, ordering: .relaxed) }

    /// Forgets an earlier request (tests run several jobs in one process).
    public static func reset() { flag.store(false, ordering: .relaxed) }

    /// Makes SIGINT and SIGTERM ask for a stop instead of killing the process. A second signal of
    /// the same kind, after the first was seen, kills it as usual (a run stuck elsewhere can still
    /// be ended).
    public static func installSignalHandlers() {
        // A parent may have blocked them (the mask is inherited): a blocked signal would never
        // reach the handler.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM] {
            sigaddset(&unblock, signal)
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in RunInterruption.request() }
            action.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }
}
