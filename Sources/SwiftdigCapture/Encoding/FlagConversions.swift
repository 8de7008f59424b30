// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// A conversion from kernel flag or enum values (x86_64) to the schema's `PPM_*` values, as
/// sysdig 0.29.3's driver does it (libs e5c53d64 driver/ppm_flag_helpers.h).
///
/// A value goes through an optional *choice* (the masked value picks one entry, else the
/// fallback) and then *bits* (every entry whose kernel mask shares a bit with the value adds its
/// PPM bit, which is how the driver tests them: `flags & O_TMPFILE` is true for O_DIRECTORY too).
struct FlagConversion {
    enum Fallback {
        case value(UInt64)
        /// The kernel value itself (what the driver passes through).
        case raw
    }

    let choiceMask: UInt64
    /// Pairs in memory that is never freed: reading them costs no reference counting.
    let choices: UnsafeBufferPointer<(kernel: UInt64, ppm: UInt64)>
    let fallback: Fallback?
    let bits: UnsafeBufferPointer<(kernel: UInt64, ppm: UInt64)>
    /// Bits dropped from the value first (quotactl's command sits above its type byte).
    var shift: UInt64 = 0

    init(
        choiceMask: UInt64, choices: [(kernel: UInt64, ppm: UInt64)], fallback: Fallback?,
        bits: [(kernel: UInt64, ppm: UInt64)]
    ) {
        func permanent(_ pairs: [(kernel: UInt64, ppm: UInt64)]) -> UnsafeBufferPointer<(kernel: UInt64, ppm: UInt64)> {
            let p = UnsafeMutablePointer<(kernel: UInt64, ppm: UInt64)>.allocate(capacity: max(pairs.count, 1))
            p.initialize(from: pairs, count: pairs.count)
            return UnsafeBufferPointer(start: p, count: pairs.count)
        }
        self.choiceMask = choiceMask
        self.choices = permanent(choices)
        self.fallback = fallback
        self.bits = permanent(bits)
    }

    /// Converts kernel value `value`.
    func convert(_ value: UInt64) -> UInt64 {
        let value = value >> shift
        var result: UInt64 = 0
        if let fallback {
            let key = value & choiceMask
            if let hit = choices.first(where: { $0.kernel == key }) {
                result = hit.ppm
            } else {
                switch fallback {
                case let .value(v): result = v
                case .raw: result = value
                }
            }
        }
        for bit in bits where value & bit.kernel != 0 { result |= bit.ppm }
        return result
    }
}

/// The conversions a recipe can name, by their recipe spelling.
enum Conversion: UInt8, CaseIterable {
    case openFlags, cloneFlags, socketFamily, prot, mmapFlags, fcntlCmd, sockoptLevel, sockoptName, pollEvents
    case futexOp, accessMode, rlimitResource, shutdownHow, lseekWhence, semopFlags, flockOp, semgetFlags
    case semctlCmd, ptraceRequest, execveatFlags, unlinkatFlags, linkatFlags, fileMode, openat2Resolve
    case quotaCmd, quotaType, quotaFormat

    /// The spelling in recipe text.
    var recipeName: String {
        switch self {
        case .openFlags: return "oflags"
        case .cloneFlags: return "clone"
        case .socketFamily: return "family"
        case .prot: return "prot"
        case .mmapFlags: return "mmap"
        case .fcntlCmd: return "fcntl"
        case .sockoptLevel: return "solevel"
        case .sockoptName: return "soname"
        case .pollEvents: return "poll"
        case .futexOp: return "futex"
        case .accessMode: return "access"
        case .rlimitResource: return "rlimit"
        case .shutdownHow: return "shut"
        case .lseekWhence: return "whence"
        case .semopFlags: return "semop"
        case .flockOp: return "flock"
        case .semgetFlags: return "semget"
        case .semctlCmd: return "semctl"
        case .ptraceRequest: return "ptrace"
        case .execveatFlags: return "execveat"
        case .unlinkatFlags: return "unlinkat"
        case .linkatFlags: return "linkat"
        case .fileMode: return "chmod"
        case .openat2Resolve: return "resolve"
        case .quotaCmd: return "qcmd"
        case .quotaType: return "qtype"
        case .quotaFormat: return "qfmt"
        }
    }

    /// Converts kernel value `value`.
    @inline(__always) func convert(_ value: UInt64) -> UInt64 { FlagConversions.table[Int(rawValue)].convert(value) }
}

/// The kernel-to-PPM pairs. Kernel values are x86_64's; PPM values are looked up by name in
/// Core's name tables (the ones the schema renders with), so each name is spelled once.
enum FlagConversions {
    nonisolated(unsafe) static let table: UnsafePointer<FlagConversion> = {
        let conversions = Conversion.allCases.map(build)
        let p = UnsafeMutablePointer<FlagConversion>.allocate(capacity: conversions.count)
        p.initialize(from: conversions, count: conversions.count)
        return UnsafePointer(p)
    }()

    private static func build(_ conversion: Conversion) -> FlagConversion {
        switch conversion {
        case .openFlags:
            return named(
                "file_flags", mask: 3, choices: [(0, "O_RDONLY"), (1, "O_WRONLY"), (2, "O_RDWR")],
                fallback: .name("O_RDONLY"),
                bits: [
                    (0x40, "O_CREAT"), (0x41_0000, "O_TMPFILE"), (0x400, "O_APPEND"), (0x1000, "O_DSYNC"),
                    (0x80, "O_EXCL"), (0x800, "O_NONBLOCK"), (0x10_1000, "O_SYNC"), (0x200, "O_TRUNC"),
                    (0x4000, "O_DIRECT"), (0x1_0000, "O_DIRECTORY"), (0x8000, "O_LARGEFILE"), (0x8_0000, "O_CLOEXEC"),
                ])
        case .cloneFlags:
            return named(
                "clone_flags",
                bits: [
                    (0x400, "CLONE_FILES"), (0x200, "CLONE_FS"), (0x8000_0000, "CLONE_IO"), (0x0800_0000, "CLONE_NEWIPC"),
                    (0x4000_0000, "CLONE_NEWNET"), (0x2_0000, "CLONE_NEWNS"), (0x2000_0000, "CLONE_NEWPID"),
                    (0x0400_0000, "CLONE_NEWUTS"), (0x10_0000, "CLONE_PARENT_SETTID"), (0x8000, "CLONE_PARENT"),
                    (0x2000, "CLONE_PTRACE"), (0x800, "CLONE_SIGHAND"), (0x4_0000, "CLONE_SYSVSEM"),
                    (0x1_0000, "CLONE_THREAD"), (0x80_0000, "CLONE_UNTRACED"), (0x100, "CLONE_VM"),
                    (0x1000_0000, "CLONE_NEWUSER"), (0x20_0000, "CLONE_CHILD_CLEARTID"),
                    (0x100_0000, "CLONE_CHILD_SETTID"), (0x8_0000, "CLONE_SETTLS"), (0x4000, "CLONE_VFORK"),
                    (0x0200_0000, "CLONE_NEWCGROUP"),
                ])
        case .socketFamily:
            // The PPM_AF_* codes are the kernel's for every family the driver knows; others are AF_UNSPEC.
            let known: [UInt64] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
                                   25, 26, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39]
            return FlagConversion(
                choiceMask: ~0, choices: known.map { ($0, $0) }, fallback: .value(0), bits: [])
        case .prot:
            return named(
                "prot_flags",
                bits: [(1, "PROT_READ"), (2, "PROT_WRITE"), (4, "PROT_EXEC"), (8, "PROT_SEM"),
                       (0x0100_0000, "PROT_GROWSDOWN"), (0x0200_0000, "PROT_GROWSUP")])
        case .mmapFlags:
            return named(
                "mmap_flags",
                bits: [
                    (1, "MAP_SHARED"), (2, "MAP_PRIVATE"), (0x10, "MAP_FIXED"), (0x20, "MAP_ANONYMOUS"), (0x40, "MAP_32BIT"),
                    (0x4000, "MAP_NORESERVE"), (0x8000, "MAP_POPULATE"), (0x1_0000, "MAP_NONBLOCK"),
                    (0x100, "MAP_GROWSDOWN"), (0x800, "MAP_DENYWRITE"), (0x1000, "MAP_EXECUTABLE"), (0x2000, "MAP_LOCKED"),
                ])
        case .fcntlCmd:
            return named(
                "fcntl_commands", mask: ~0,
                choices: [
                    (0, "F_DUPFD"), (1, "F_GETFD"), (2, "F_SETFD"), (3, "F_GETFL"), (4, "F_SETFL"), (5, "F_GETLK"),
                    (6, "F_SETLK"), (7, "F_SETLKW"), (8, "F_SETOWN"), (9, "F_GETOWN"), (10, "F_SETSIG"), (11, "F_GETSIG"),
                    (15, "F_SETOWN_EX"), (16, "F_GETOWN_EX"), (1024, "F_SETLEASE"), (1025, "F_GETLEASE"),
                    (1029, "F_CANCELLK"), (1030, "F_DUPFD_CLOEXEC"), (1026, "F_NOTIFY"), (1031, "F_SETPIPE_SZ"),
                    (1032, "F_GETPIPE_SZ"), (36, "F_OFD_GETLK"), (37, "F_OFD_SETLK"), (38, "F_OFD_SETLKW"),
                ], fallback: .name("UNKNOWN"))
        case .sockoptLevel:
            return named("sockopt_levels", mask: ~0, choices: [(1, "SOL_SOCKET"), (6, "SOL_TCP")], fallback: .name("UNKNOWN"))
        case .sockoptName:
            // Kernel SO_* values 1...50 keep their number; the few past it are renumbered.
            let same = ["SO_DEBUG", "SO_REUSEADDR", "SO_TYPE", "SO_ERROR", "SO_DONTROUTE", "SO_BROADCAST", "SO_SNDBUF",
                        "SO_RCVBUF", "SO_KEEPALIVE", "SO_OOBINLINE", "SO_NO_CHECK", "SO_PRIORITY", "SO_LINGER",
                        "SO_BSDCOMPAT", "SO_REUSEPORT", "SO_PASSCRED", "SO_PEERCRED", "SO_RCVLOWAT", "SO_SNDLOWAT",
                        "SO_RCVTIMEO", "SO_SNDTIMEO", "SO_SECURITY_AUTHENTICATION", "SO_SECURITY_ENCRYPTION_TRANSPORT",
                        "SO_SECURITY_ENCRYPTION_NETWORK", "SO_BINDTODEVICE", "SO_ATTACH_FILTER", "SO_DETACH_FILTER",
                        "SO_PEERNAME", "SO_TIMESTAMP", "SO_ACCEPTCONN", "SO_PEERSEC", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE",
                        "SO_PASSSEC", "SO_TIMESTAMPNS", "SO_MARK", "SO_TIMESTAMPING", "SO_PROTOCOL", "SO_DOMAIN",
                        "SO_RXQ_OVFL", "SO_WIFI_STATUS", "SO_PEEK_OFF", "SO_NOFCS", "SO_LOCK_FILTER",
                        "SO_SELECT_ERR_QUEUE", "SO_BUSY_POLL", "SO_MAX_PACING_RATE", "SO_BPF_EXTENSIONS",
                        "SO_INCOMING_CPU", "SO_ATTACH_BPF"]
            let pairs = same.enumerated().map { (UInt64($0.offset + 1), $0.element) }
            return named(
                "sockopt_options", mask: ~0,
                choices: pairs + [(59, "SO_PEERGROUPS"), (55, "SO_MEMINFO"), (57, "SO_COOKIE")], fallback: .name("UNKNOWN"))
        case .pollEvents:
            return named(
                "poll_flags",
                bits: [(1, "POLLIN"), (2, "POLLPRI"), (4, "POLLOUT"), (0x2000, "POLLRDHUP"), (8, "POLLERR"), (0x10, "POLLHUP"),
                       (0x20, "POLLNVAL"), (0x40, "POLLRDNORM"), (0x80, "POLLRDBAND"), (0x100, "POLLWRNORM"),
                       (0x200, "POLLWRBAND")])
        case .futexOp:
            // Operations 0...12 keep their number; others are 0. The two option bits pass through.
            return FlagConversion(
                choiceMask: 127, choices: (0...12).map { (UInt64($0), UInt64($0)) }, fallback: .value(0),
                bits: [(128, 128), (256, 256)])
        case .accessMode:
            return named("access_flags", bits: [(1, "X_OK"), (4, "R_OK"), (2, "W_OK")])
        case .rlimitResource:
            return FlagConversion(
                choiceMask: ~0, choices: (0...15).map { (UInt64($0), UInt64($0)) }, fallback: .value(255), bits: [])
        case .shutdownHow:
            return FlagConversion(choiceMask: ~0, choices: [(0, 0), (1, 1), (2, 2)], fallback: .raw, bits: [])
        case .lseekWhence:
            return FlagConversion(choiceMask: ~0, choices: [(0, 0), (1, 1), (2, 2)], fallback: .value(0), bits: [])
        case .semopFlags:
            return named("semop_flags", bits: [(0x800, "IPC_NOWAIT"), (0x1000, "SEM_UNDO")])
        case .flockOp:
            return named("flock_flags", bits: [(2, "LOCK_EX"), (1, "LOCK_SH"), (8, "LOCK_UN"), (4, "LOCK_NB")])
        case .semgetFlags:
            return named("semget_flags", bits: [(0x200, "IPC_CREAT"), (0x400, "IPC_EXCL")])
        case .semctlCmd:
            return named(
                "semctl_commands", mask: ~0,
                choices: [(2, "IPC_STAT"), (1, "IPC_SET"), (0, "IPC_RMID"), (3, "IPC_INFO"), (19, "SEM_INFO"),
                          (18, "SEM_STAT"), (13, "GETALL"), (14, "GETNCNT"), (11, "GETPID"), (12, "GETVAL"),
                          (15, "GETZCNT"), (17, "SETALL"), (16, "SETVAL")], fallback: .value(0))
        case .ptraceRequest:
            return named(
                "ptrace_requests", mask: ~0,
                choices: [
                    (33, "PTRACE_SINGLEBLOCK"), (32, "PTRACE_SYSEMU_SINGLESTEP"), (31, "PTRACE_SYSEMU"),
                    (30, "PTRACE_ARCH_PRCTL"), (26, "PTRACE_SET_THREAD_AREA"), (25, "PTRACE_GET_THREAD_AREA"),
                    (21, "PTRACE_OLDSETOPTIONS"), (19, "PTRACE_SETFPXREGS"), (18, "PTRACE_GETFPXREGS"),
                    (15, "PTRACE_SETFPREGS"), (14, "PTRACE_GETFPREGS"), (13, "PTRACE_SETREGS"), (12, "PTRACE_GETREGS"),
                    (0x420B, "PTRACE_SETSIGMASK"), (0x420A, "PTRACE_GETSIGMASK"), (0x4209, "PTRACE_PEEKSIGINFO"),
                    (0x4208, "PTRACE_LISTEN"), (0x4207, "PTRACE_INTERRUPT"), (0x4206, "PTRACE_SEIZE"),
                    (0x4205, "PTRACE_SETREGSET"), (0x4204, "PTRACE_GETREGSET"), (0x4203, "PTRACE_SETSIGINFO"),
                    (0x4202, "PTRACE_GETSIGINFO"), (0x4201, "PTRACE_GETEVENTMSG"), (0x4200, "PTRACE_SETOPTIONS"),
                    (24, "PTRACE_SYSCALL"), (17, "PTRACE_DETACH"), (16, "PTRACE_ATTACH"), (9, "PTRACE_SINGLESTEP"),
                    (8, "PTRACE_KILL"), (7, "PTRACE_CONT"), (6, "PTRACE_POKEUSR"), (5, "PTRACE_POKEDATA"),
                    (4, "PTRACE_POKETEXT"), (3, "PTRACE_PEEKUSR"), (2, "PTRACE_PEEKDATA"), (1, "PTRACE_PEEKTEXT"),
                    (0, "PTRACE_TRACEME"),
                ], fallback: .name("PTRACE_UNKNOWN"))
        case .execveatFlags:
            return named("execveat_flags", bits: [(0x1000, "AT_EMPTY_PATH"), (0x100, "AT_SYMLINK_NOFOLLOW")])
        case .unlinkatFlags:
            return named("unlinkat_flags", bits: [(0x200, "AT_REMOVEDIR")])
        case .linkatFlags:
            return named("linkat_flags", bits: [(0x400, "AT_SYMLINK_FOLLOW"), (0x1000, "AT_EMPTY_PATH")])
        case .fileMode:
            // PPM_S_* are the kernel's permission bits.
            return FlagConversion(
                choiceMask: 0, choices: [], fallback: nil, bits: (0..<12).map { (UInt64(1) << $0, UInt64(1) << $0) })
        case .quotaCmd:
            // On the command's high bits (cmd >> 8): the Q_* and XFS Q_X* numbers.
            var conversion = named(
                "quotactl_cmds", mask: ~0,
                choices: [
                    (0x80_0001, "Q_SYNC"), (0x80_0002, "Q_QUOTAON"), (0x80_0003, "Q_QUOTAOFF"), (0x80_0004, "Q_GETFMT"),
                    (0x80_0005, "Q_GETINFO"), (0x80_0006, "Q_SETINFO"), (0x80_0007, "Q_GETQUOTA"), (0x80_0008, "Q_SETQUOTA"),
                    (0x5801, "Q_XQUOTAON"), (0x5802, "Q_XQUOTAOFF"), (0x5803, "Q_XGETQUOTA"), (0x5804, "Q_XSETQLIM"),
                    (0x5805, "Q_XGETQSTAT"), (0x5806, "Q_XQUOTARM"), (0x5807, "Q_XQUOTASYNC"),
                ], fallback: .value(0))
            conversion.shift = 8
            return conversion
        case .quotaType:
            return named("quotactl_types", mask: 0xFF, choices: [(0, "USRQUOTA"), (1, "GRPQUOTA")], fallback: .value(0))
        case .quotaFormat:
            return named(
                "quotactl_quota_fmts", mask: ~0, choices: [(1, "QFMT_VFS_OLD"), (2, "QFMT_VFS_V0"), (4, "QFMT_VFS_V1")],
                fallback: .name("QFMT_NOT_USED"))
        case .openat2Resolve:
            return named(
                "openat2_flags",
                bits: [(1, "RESOLVE_NO_XDEV"), (2, "RESOLVE_NO_MAGICLINKS"), (4, "RESOLVE_NO_SYMLINKS"),
                       (8, "RESOLVE_BENEATH"), (0x10, "RESOLVE_IN_ROOT"), (0x20, "RESOLVE_CACHED")])
        }
    }

    private enum NamedFallback {
        case name(String)
        case value(UInt64)
    }

    /// A conversion whose PPM values are the entries called so in Core's table `table`.
    private static func named(
        _ table: String, mask: UInt64 = 0, choices: [(UInt64, String)] = [], fallback: NamedFallback? = nil,
        bits: [(UInt64, String)] = []
    ) -> FlagConversion {
        guard let names = NameTables.named(table) else { fatalError("flag conversions: no name table \(table)") }
        func ppm(_ name: String) -> UInt64 {
            guard let entry = names.entries.first(where: { $0.name == name }) else {
                fatalError("flag conversions: \(name) is not in \(table)")
            }
            return UInt64(entry.value)
        }
        let resolvedFallback: FlagConversion.Fallback?
        switch fallback {
        case let .name(name)?: resolvedFallback = .value(ppm(name))
        case let .value(v)?: resolvedFallback = .value(v)
        case nil: resolvedFallback = nil
        }
        return FlagConversion(
            choiceMask: mask, choices: choices.map { ($0.0, ppm($0.1)) }, fallback: resolvedFallback,
            bits: bits.map { ($0.0, ppm($0.1)) })
    }
}
