// SPDX-License-Identifier: Apache-2.0

/// The names sysdig 0.29.3 gives signal numbers, as in `sig=9(SIGKILL)`.
///
/// The set is libsinsp's `sinsp_utils::signal_to_str` (e5c53d64): the standard signals 1 to 31, one name
/// each (`SIGIO`, not `SIGPOLL`; `SIGABRT`, not `SIGIOT`; `SIGSYS`, not `SIGUNUSED`). Real-time signals
/// and 0 have no name, and then sysdig prints only the number.
public enum SignalNames {
    /// The name of signal `signal`, or `nil` when sysdig knows none.
    public static func name(for signal: UInt8) -> String? {
        let index = Int(signal)
        return index < names.count ? names[index] : nil
    }

    // Index = signal number; 0 is not a signal.
    private static let names: [String?] = [
        nil, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
        "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM",
        "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",
        "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ]
}
