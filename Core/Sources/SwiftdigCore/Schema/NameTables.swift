// SPDX-License-Identifier: Apache-2.0

// The names of flag and enum values (`ppm_name_value[]` in the driver's flags_table.c) and the dynamic
// parameter tables (dynamic_params_table.c).
//
// Table text format, one table per entry, continuation lines start with spaces:
//
//     table_name: NAME=VALUE NAME=VALUE ... [+ NAME=VALUE ...]
//
// VALUE is decimal or `0x` hexadecimal (hex where the table is mostly single bits). Entries keep the
// driver's order, because sysdig renders a flags value by walking its table in order. Tables and
// entries come from falcosecurity/libs e5c53d64 (sysdig 0.29.3) in its order and spelling; entries
// after a `+` and the tables after `execveat_flags` exist only in newer libraries (master). `%XX`
// escapes a byte of a name.
//
// Differences between the two versions of a table that sysdig 0.29.3 has:
// - file_flags: newer libraries append O_F_CREATED, FD_UPPER_LAYER, FD_LOWER_LAYER.
// - clone_flags: newer libraries append CLONE_CHILD_IN_PIDNS.
// - shutdown_how: newer libraries put SHUT_UNKNOWN=65535 FIRST; we put it after the old entries so
//   that the old ones stay a prefix (the value cannot occur in an 8-bit parameter, so the walk is the same).
// - execve_flags: newer libraries append EXE_UPPER_LAYER, EXE_FROM_MEMFD, EXE_LOWER_LAYER.
// - fcntl_commands keeps F_SETLKW64, F_SETLK64 and F_GETLK64: the driver hides them behind
//   `#ifndef CONFIG_64BIT`, a kernel macro the userspace build never defines, so sysdig has them.

/// The driver's name tables (`ppm_name_value[]`) and dynamic parameter tables, by their C names.
public enum NameTables {
    /// Every name table, in the driver's file order (the old tables first, then those only newer
    /// libraries have).
    public static let all: [NameTable] = parsedNameTables

    /// The name table called `name` in the driver sources (`file_flags`, `socket_families`, ...).
    public static func named(_ name: String) -> NameTable? { nameTableIndex[name] }

    /// The possible types of a dynamic parameter (`PT_DYN`), indexed by the selector byte that starts
    /// the value, for the table called `name` (`sockopt_dynamic_param`, ...).
    public static func dynamicParams(named name: String) -> [ParamInfo]? { dynamicParamIndex[name] }

    /// `sockopt_dynamic_param`: the value of a `setsockopt`/`getsockopt` option, by `PPM_SOCKOPT_IDX_*`.
    public static let sockoptDynamicParams: [ParamInfo] = [
        ParamInfo(name: "", type: .bytebuf, format: .hex),  // PPM_SOCKOPT_IDX_UNKNOWN
        ParamInfo(name: "", type: .errno, format: .dec),  // PPM_SOCKOPT_IDX_ERRNO
        ParamInfo(name: "", type: .uint32, format: .dec),  // PPM_SOCKOPT_IDX_UINT32
        ParamInfo(name: "", type: .uint64, format: .dec),  // PPM_SOCKOPT_IDX_UINT64
        ParamInfo(name: "", type: .reltime, format: .dec),  // PPM_SOCKOPT_IDX_TIMEVAL
    ]

    /// `ptrace_dynamic_param`: the address or signal of a `ptrace` call, by `PPM_PTRACE_IDX_*`.
    public static let ptraceDynamicParams: [ParamInfo] = [
        ParamInfo(name: "", type: .uint64, format: .hex),  // PPM_PTRACE_IDX_UINT64
        ParamInfo(name: "", type: .sigtype, format: .dec),  // PPM_PTRACE_IDX_SIGTYPE
    ]

    /// `bpf_dynamic_param`: the result of a `bpf` call, an fd or an error, by `PPM_BPF_IDX_*`.
    public static let bpfDynamicParams: [ParamInfo] = [
        ParamInfo(name: "", type: .fd, format: .dec),  // PPM_BPF_IDX_FD
        ParamInfo(name: "", type: .errno, format: .dec),  // PPM_BPF_IDX_RES
    ]

    /// `keyctl_dynamic_param` (newer libraries only): a `keyctl` argument, by `PPM_KEYCTL_IDX_*`.
    public static let keyctlDynamicParams: [ParamInfo] = [
        ParamInfo(name: "", type: .int64, format: .dec),  // PPM_KEYCTL_IDX_INT64
        ParamInfo(name: "", type: .charbuf, format: .na),  // PPM_KEYCTL_IDX_CHARBUF
    ]
}

private let dynamicParamIndex: [String: [ParamInfo]] = [
    "sockopt_dynamic_param": NameTables.sockoptDynamicParams,
    "ptrace_dynamic_param": NameTables.ptraceDynamicParams,
    "bpf_dynamic_param": NameTables.bpfDynamicParams,
    "keyctl_dynamic_param": NameTables.keyctlDynamicParams,
]

private let parsedNameTables: [NameTable] = parseNameTables(nameTableText)

private let nameTableIndex: [String: NameTable] = Dictionary(
    parsedNameTables.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

/// Parses the table text above; a malformed line is a programming error, caught by the tests.
private func parseNameTables(_ text: String) -> [NameTable] {
    var tables: [NameTable] = []
    forEachSchemaEntry(text) { words in
        guard let head = words.first, head.hasSuffix(UInt8(ascii: ":")) else {
            fatalError("name table: bad line \(words.text)")
        }
        var entries: [(name: String, value: UInt32)] = []
        entries.reserveCapacity(words.count - 1)
        var legacyCount: Int?
        for word in words.dropFirst() {
            if word == "+" {
                legacyCount = entries.count
                continue
            }
            guard let eq = word.firstIndex(of: UInt8(ascii: "=")), let value = word.dropFirst(eq + 1).number else {
                fatalError("name table: bad entry \(word) in \(head)")
            }
            entries.append((name: unescapeSchemaName(word.prefix(eq)), value: UInt32(truncatingIfNeeded: value)))
        }
        tables.append(NameTable(name: head.dropLast().string, entries: entries, legacyCount: legacyCount))
    }
    return tables
}

// MARK: - Helpers shared by the schema text tables

/// Undoes the `%XX` escapes of a name in schema text (names may hold spaces: `plugin%20ID`).
func unescapeSchemaName(_ text: SchemaSpan) -> String {
    guard text.firstIndex(of: UInt8(ascii: "%")) != nil else { return text.string }
    var bytes: [UInt8] = []
    var offset = 0
    while offset < text.count {
        if text[offset] == UInt8(ascii: "%"), offset + 2 < text.count,
            let high = schemaHexDigit(text[offset + 1]), let low = schemaHexDigit(text[offset + 2])
        {
            bytes.append(high << 4 | low)
            offset += 3
        } else {
            bytes.append(text[offset])
            offset += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

// MARK: - The tables

private let nameTableText = #"""
socket_families: AF_NFC=39 AF_ALG=38 AF_CAIF=37 AF_IEEE802154=36 AF_PHONET=35 AF_ISDN=34 AF_RXRPC=33
    AF_IUCV=32 AF_BLUETOOTH=31 AF_TIPC=30 AF_CAN=29 AF_LLC=26 AF_WANPIPE=25 AF_PPPOX=24 AF_IRDA=23 AF_SNA=22
    AF_RDS=21 AF_ATMSVC=20 AF_ECONET=19 AF_ASH=18 AF_PACKET=17 AF_ROUTE=16 AF_NETLINK=16 AF_KEY=15
    AF_SECURITY=14 AF_NETBEUI=13 AF_DECnet=12 AF_ROSE=11 AF_INET6=10 AF_X25=9 AF_ATMPVC=8 AF_BRIDGE=7
    AF_NETROM=6 AF_APPLETALK=5 AF_IPX=4 AF_AX25=3 AF_INET=2 AF_LOCAL=1 AF_UNIX=1 AF_UNSPEC=0
file_flags: O_LARGEFILE=0x800 O_DIRECTORY=0x400 O_DIRECT=0x200 O_TRUNC=0x100 O_SYNC=0x80 O_NONBLOCK=0x40
    O_EXCL=0x20 O_DSYNC=0x10 O_APPEND=0x8 O_CREAT=0x4 O_RDWR=0x3 O_WRONLY=0x2 O_RDONLY=0x1 O_CLOEXEC=0x1000
    O_NONE=0x0 O_TMPFILE=0x2000 + O_F_CREATED=0x4000 FD_UPPER_LAYER=0x8000 FD_LOWER_LAYER=0x10000
flock_flags: LOCK_SH=1 LOCK_EX=2 LOCK_NB=4 LOCK_UN=8 LOCK_NONE=0
clone_flags: CLONE_FILES=0x1 CLONE_FS=0x2 CLONE_IO=0x4 CLONE_NEWIPC=0x8 CLONE_NEWNET=0x10 CLONE_NEWNS=0x20
    CLONE_NEWPID=0x40 CLONE_NEWUTS=0x80 CLONE_PARENT=0x100 CLONE_PARENT_SETTID=0x200 CLONE_PTRACE=0x400
    CLONE_SIGHAND=0x800 CLONE_SYSVSEM=0x1000 CLONE_THREAD=0x2000 CLONE_UNTRACED=0x4000 CLONE_VM=0x8000
    CLONE_INVERTED=0x10000 NAME_CHANGED=0x20000 CLOSED=0x40000 CLONE_NEWUSER=0x100000
    CLONE_CHILD_CLEARTID=0x800000 CLONE_CHILD_SETTID=0x1000000 CLONE_SETTLS=0x2000000 CLONE_STOPPED=0x4000000
    CLONE_VFORK=0x8000000 CLONE_NEWCGROUP=0x10000000 + CLONE_CHILD_IN_PIDNS=0x20000000
futex_operations: FUTEX_CLOCK_REALTIME=256 FUTEX_PRIVATE_FLAG=128 FUTEX_CMP_REQUEUE_PI=12
    FUTEX_WAIT_REQUEUE_PI=11 FUTEX_WAKE_BITSET=10 FUTEX_WAIT_BITSET=9 FUTEX_TRYLOCK_PI=8 FUTEX_UNLOCK_PI=7
    FUTEX_LOCK_PI=6 FUTEX_WAKE_OP=5 FUTEX_CMP_REQUEUE=4 FUTEX_REQUEUE=3 FUTEX_FD=2 FUTEX_WAKE=1 FUTEX_WAIT=0
poll_flags: POLLIN=0x1 POLLPRI=0x2 POLLOUT=0x4 POLLRDHUP=0x8 POLLERR=0x10 POLLHUP=0x20 POLLNVAL=0x40
    POLLRDNORM=0x80 POLLRDBAND=0x100 POLLWRNORM=0x200 POLLWRBAND=0x400
mount_flags: RDONLY=0x1 NOSUID=0x2 NODEV=0x4 NOEXEC=0x8 SYNCHRONOUS=0x10 REMOUNT=0x20 MANDLOCK=0x40
    DIRSYNC=0x80 NOATIME=0x400 NODIRATIME=0x800 BIND=0x1000 MOVE=0x2000 REC=0x4000 SILENT=0x8000
    POSIXACL=0x10000 UNBINDABLE=0x20000 PRIVATE=0x40000 SLAVE=0x80000 SHARED=0x100000 RELATIME=0x200000
    KERNMOUNT=0x400000 I_VERSION=0x800000 STRICTATIME=0x1000000 LAZYTIME=0x2000000 NOSEC=0x10000000
    BORN=0x20000000 ACTIVE=0x40000000 NOUSER=0x80000000
umount_flags: FORCE=1 DETACH=2 EXPIRE=4 NOFOLLOW=8
lseek_whence: SEEK_END=2 SEEK_CUR=1 SEEK_SET=0
shutdown_how: SHUT_RDWR=2 SHUT_WR=1 SHUT_RD=0 + SHUT_UNKNOWN=65535
rlimit_resources: RLIMIT_UNKNOWN=255 RLIMIT_RTTIME=15 RLIMIT_RTPRIO=14 RLIMIT_NICE=13 RLIMIT_MSGQUEUE=12
    RLIMIT_SIGPENDING=11 RLIMIT_LOCKS=10 RLIMIT_AS=9 RLIMIT_MEMLOCK=8 RLIMIT_NOFILE=7 RLIMIT_NPROC=6
    RLIMIT_RSS=5 RLIMIT_CORE=4 RLIMIT_STACK=3 RLIMIT_DATA=2 RLIMIT_FSIZE=1 RLIMIT_CPU=0
fcntl_commands: F_GETPIPE_SZ=29 F_SETPIPE_SZ=28 F_NOTIFY=27 F_DUPFD_CLOEXEC=26 F_CANCELLK=25 F_GETLEASE=24
    F_SETLEASE=23 F_GETOWN_EX=22 F_SETOWN_EX=21 F_SETLKW64=19 F_SETLK64=18 F_GETLK64=17 F_GETSIG=15
    F_SETSIG=13 F_GETOWN=12 F_SETOWN=10 F_SETLKW=9 F_SETLK=8 F_GETLK=6 F_SETFL=5 F_GETFL=4 F_SETFD=3 F_GETFD=2
    F_DUPFD=1 F_OFD_GETLK=30 F_OFD_SETLK=31 F_OFD_SETLKW=32 UNKNOWN=0
sockopt_levels: SOL_SOCKET=1 SOL_TCP=2 UNKNOWN=0
sockopt_options: SO_COOKIE=53 SO_MEMINFO=52 SO_PEERGROUPS=51 SO_ATTACH_BPF=50 SO_INCOMING_CPU=49
    SO_BPF_EXTENSIONS=48 SO_MAX_PACING_RATE=47 SO_BUSY_POLL=46 SO_SELECT_ERR_QUEUE=45 SO_LOCK_FILTER=44
    SO_NOFCS=43 SO_PEEK_OFF=42 SO_WIFI_STATUS=41 SO_RXQ_OVFL=40 SO_DOMAIN=39 SO_PROTOCOL=38 SO_TIMESTAMPING=37
    SO_MARK=36 SO_TIMESTAMPNS=35 SO_PASSSEC=34 SO_PEERSEC=31 SO_ACCEPTCONN=30 SO_TIMESTAMP=29 SO_PEERNAME=28
    SO_DETACH_FILTER=27 SO_ATTACH_FILTER=26 SO_BINDTODEVICE=25 SO_SECURITY_ENCRYPTION_NETWORK=24
    SO_SECURITY_ENCRYPTION_TRANSPORT=23 SO_SECURITY_AUTHENTICATION=22 SO_SNDTIMEO=21 SO_RCVTIMEO=20
    SO_SNDLOWAT=19 SO_RCVLOWAT=18 SO_PEERCRED=17 SO_PASSCRED=16 SO_REUSEPORT=15 SO_BSDCOMPAT=14 SO_LINGER=13
    SO_PRIORITY=12 SO_NO_CHECK=11 SO_OOBINLINE=10 SO_KEEPALIVE=9 SO_RCVBUFFORCE=33 SO_SNDBUFFORCE=32
    SO_RCVBUF=8 SO_SNDBUF=7 SO_BROADCAST=6 SO_DONTROUTE=5 SO_ERROR=4 SO_TYPE=3 SO_REUSEADDR=2 SO_DEBUG=1
    UNKNOWN=0
ptrace_requests: PTRACE_SINGLEBLOCK=38 PTRACE_SYSEMU_SINGLESTEP=37 PTRACE_SYSEMU=36 PTRACE_ARCH_PRCTL=35
    PTRACE_SET_THREAD_AREA=34 PTRACE_GET_THREAD_AREA=33 PTRACE_OLDSETOPTIONS=32 PTRACE_SETFPXREGS=31
    PTRACE_GETFPXREGS=30 PTRACE_SETFPREGS=29 PTRACE_GETFPREGS=28 PTRACE_SETREGS=27 PTRACE_GETREGS=26
    PTRACE_SETSIGMASK=25 PTRACE_GETSIGMASK=24 PTRACE_PEEKSIGINFO=23 PTRACE_LISTEN=22 PTRACE_INTERRUPT=21
    PTRACE_SEIZE=20 PTRACE_SETREGSET=19 PTRACE_GETREGSET=18 PTRACE_SETSIGINFO=17 PTRACE_GETSIGINFO=16
    PTRACE_GETEVENTMSG=15 PTRACE_SETOPTIONS=14 PTRACE_SYSCALL=13 PTRACE_DETACH=12 PTRACE_ATTACH=11
    PTRACE_SINGLESTEP=10 PTRACE_KILL=9 PTRACE_CONT=8 PTRACE_POKEUSR=7 PTRACE_POKEDATA=6 PTRACE_POKETEXT=5
    PTRACE_PEEKUSR=4 PTRACE_PEEKDATA=3 PTRACE_PEEKTEXT=2 PTRACE_TRACEME=1 PTRACE_UNKNOWN=0
prot_flags: PROT_READ=0x1 PROT_WRITE=0x2 PROT_EXEC=0x4 PROT_SEM=0x8 PROT_GROWSDOWN=0x10 PROT_GROWSUP=0x20
    PROT_SAO=0x40 PROT_NONE=0x0
mmap_flags: MAP_SHARED=0x1 MAP_PRIVATE=0x2 MAP_FIXED=0x4 MAP_ANONYMOUS=0x8 MAP_32BIT=0x10 MAP_RENAME=0x20
    MAP_NORESERVE=0x40 MAP_POPULATE=0x80 MAP_NONBLOCK=0x100 MAP_GROWSDOWN=0x200 MAP_DENYWRITE=0x400
    MAP_EXECUTABLE=0x800 MAP_INHERIT=0x1000 MAP_FILE=0x2000 MAP_LOCKED=0x4000
splice_flags: SPLICE_F_MOVE=1 SPLICE_F_NONBLOCK=2 SPLICE_F_MORE=4 SPLICE_F_GIFT=8
quotactl_dqi_flags: DQF_NONE=1 V1_DQF_RSQUASH=2
quotactl_cmds: Q_QUOTAON=0x1 Q_QUOTAOFF=0x2 Q_GETFMT=0x4 Q_GETINFO=0x8 Q_SETINFO=0x10 Q_GETQUOTA=0x20
    Q_SETQUOTA=0x40 Q_SYNC=0x80 Q_XQUOTAON=0x100 Q_XQUOTAOFF=0x200 Q_XGETQUOTA=0x400 Q_XSETQLIM=0x800
    Q_XGETQSTAT=0x1000 Q_XQUOTARM=0x2000 Q_XQUOTASYNC=0x4000
quotactl_types: USRQUOTA=1 GRPQUOTA=2
quotactl_quota_fmts: QFMT_NOT_USED=1 QFMT_VFS_OLD=2 QFMT_VFS_V0=4 QFMT_VFS_V1=8
semop_flags: IPC_NOWAIT=1 SEM_UNDO=2
semget_flags: IPC_EXCL=0x4000 IPC_CREAT=0x2000
semctl_commands: IPC_STAT=0x1 IPC_SET=0x2 IPC_RMID=0x4 IPC_INFO=0x8 SEM_INFO=0x10 SEM_STAT=0x20 GETALL=0x40
    GETNCNT=0x80 GETPID=0x100 GETVAL=0x200 GETZCNT=0x400 SETALL=0x800 SETVAL=0x1000
access_flags: F_OK=0 R_OK=4 W_OK=2 X_OK=1
pf_flags: PROTECTION_VIOLATION=0x1 PAGE_NOT_PRESENT=0x2 WRITE_ACCESS=0x4 READ_ACCESS=0x8 USER_FAULT=0x10
    SUPERVISOR_FAULT=0x20 RESERVED_PAGE=0x40 INSTRUCTION_FETCH=0x80
unlinkat_flags: AT_REMOVEDIR=0x200
linkat_flags: AT_SYMLINK_FOLLOW=0x400 AT_EMPTY_PATH=0x1000
chmod_mode: S_IXOTH=0x1 S_IWOTH=0x2 S_IROTH=0x4 S_IXGRP=0x8 S_IWGRP=0x10 S_IRGRP=0x20 S_IXUSR=0x40
    S_IWUSR=0x80 S_IRUSR=0x100 S_ISVTX=0x200 S_ISGID=0x400 S_ISUID=0x800
renameat2_flags: RENAME_NOREPLACE=1 RENAME_EXCHANGE=2 RENAME_WHITEOUT=4
openat2_flags: RESOLVE_BENEATH=0x1 RESOLVE_IN_ROOT=0x2 RESOLVE_NO_MAGICLINKS=0x4 RESOLVE_NO_SYMLINKS=0x8
    RESOLVE_NO_XDEV=0x10 RESOLVE_CACHED=0x20
execve_flags: EXE_WRITABLE=1 + EXE_UPPER_LAYER=2 EXE_FROM_MEMFD=4 EXE_LOWER_LAYER=8
execveat_flags: AT_EMPTY_PATH=1 AT_SYMLINK_NOFOLLOW=2
creat_flags: FD_UPPER_LAYER_CREAT=1 FD_LOWER_LAYER_CREAT=2
newfstatat_flags: AT_EMPTY_PATH=0x1000 AT_NO_AUTOMOUNT=0x800 AT_SYMLINK_NOFOLLOW=0x100
fchownat_flags: AT_SYMLINK_NOFOLLOW=0x400 AT_EMPTY_PATH=0x1000
io_uring_setup_flags: IORING_SETUP_IOPOLL=0x1 IORING_SETUP_SQPOLL=0x2 IORING_SQ_NEED_WAKEUP=0x4
    IORING_SETUP_SQ_AFF=0x8 IORING_SETUP_CQSIZE=0x10 IORING_SETUP_CLAMP=0x20 IORING_SETUP_ATTACH_RW=0x40
    IORING_SETUP_R_DISABLED=0x80
io_uring_setup_feats: IORING_FEAT_SINGLE_MMAP=0x1 IORING_FEAT_NODROP=0x2 IORING_FEAT_SUBMIT_STABLE=0x4
    IORING_FEAT_RW_CUR_POS=0x8 IORING_FEAT_CUR_PERSONALITY=0x10 IORING_FEAT_FAST_POLL=0x20
    IORING_FEAT_POLL_32BITS=0x40 IORING_FEAT_SQPOLL_NONFIXED=0x80 IORING_FEAT_ENTER_EXT_ARG=0x100
    IORING_FEAT_NATIVE_WORKERS=0x200 IORING_FEAT_RSRC_TAGS=0x400
io_uring_enter_flags: IORING_ENTER_GETEVENTS=1 IORING_ENTER_SQ_WAKEUP=2 IORING_ENTER_SQ_WAIT=4
    IORING_ENTER_EXT_ARG=8
io_uring_register_opcodes: IORING_REGISTER_BUFFERS=0 IORING_UNREGISTER_BUFFERS=1 IORING_REGISTER_FILES=2
    IORING_UNREGISTER_FILES=3 IORING_REGISTER_EVENTFD=4 IORING_UNREGISTER_EVENTFD=5
    IORING_REGISTER_FILES_UPDATE=6 IORING_REGISTER_EVENTFD_ASYNC=7 IORING_REGISTER_PROBE=8
    IORING_REGISTER_PERSONALITY=9 IORING_UNREGISTER_PERSONALITY=10 IORING_REGISTER_RESTRICTIONS=11
    IORING_REGISTER_ENABLE_RINGS=12 IORING_REGISTER_FILES2=13 IORING_REGISTER_FILES_UPDATE2=14
    IORING_REGISTER_BUFFERS2=15 IORING_REGISTER_BUFFERS_UPDATE=16 IORING_REGISTER_IOWQ_AFF=17
    IORING_UNREGISTER_IOWQ_AFF=18 IORING_REGISTER_IOWQ_MAX_WORKERS=19 IORING_REGISTER_RING_FDS=20
    IORING_UNREGISTER_RING_FDS=21
mlockall_flags: MCL_CURRENT=1 MCL_FUTURE=2 MCL_ONFAULT=4
mlock2_flags: MLOCK_ONFAULT=1
fsconfig_cmds: FSCONFIG_SET_FLAG=0 FSCONFIG_SET_STRING=1 FSCONFIG_SET_BINARY=2 FSCONFIG_SET_PATH=3
    FSCONFIG_SET_PATH_EMPTY=4 FSCONFIG_SET_FD=5 FSCONFIG_CMD_CREATE=6 FSCONFIG_CMD_RECONFIGURE=7
epoll_create1_flags: EPOLL_CLOEXEC=1
prctl_options: PR_GET_DUMPABLE=3 PR_SET_DUMPABLE=4 PR_GET_KEEPCAPS=7 PR_SET_KEEPCAPS=8 PR_SET_NAME=15
    PR_GET_NAME=16 PR_GET_SECCOMP=21 PR_SET_SECCOMP=22 PR_CAPBSET_READ=23 PR_CAPBSET_DROP=24
    PR_GET_SECUREBITS=27 PR_SET_SECUREBITS=28 PR_MCE_KILL=33 PR_MCE_KILL=33 PR_SET_MM=35
    PR_SET_CHILD_SUBREAPER=36 PR_GET_CHILD_SUBREAPER=37 PR_SET_NO_NEW_PRIVS=38 PR_GET_NO_NEW_PRIVS=39
    PR_GET_TID_ADDRESS=40 PR_SET_THP_DISABLE=41 PR_GET_THP_DISABLE=42 PR_CAP_AMBIENT=47
keyctl_operations: KEYCTL_GET_KEYRING_ID=0 KEYCTL_JOIN_SESSION_KEYRING=1 KEYCTL_UPDATE=2 KEYCTL_REVOKE=3
    KEYCTL_CHOWN=4 KEYCTL_SETPERM=5 KEYCTL_DESCRIBE=6 KEYCTL_CLEAR=7 KEYCTL_LINK=8 KEYCTL_UNLINK=9
    KEYCTL_SEARCH=10 KEYCTL_READ=11 KEYCTL_INSTANTIATE=12 KEYCTL_NEGATE=13 KEYCTL_SET_REQKEY_KEYRING=14
    KEYCTL_SET_TIMEOUT=15 KEYCTL_ASSUME_AUTHORITY=16 KEYCTL_GET_SECURITY=17 KEYCTL_SESSION_TO_PARENT=18
    KEYCTL_REJECT=19 KEYCTL_INSTANTIATE_IOV=20 KEYCTL_INVALIDATE=21 KEYCTL_GET_PERSISTENT=22
    KEYCTL_DH_COMPUTE=23 KEYCTL_PKEY_QUERY=24 KEYCTL_PKEY_ENCRYPT=25 KEYCTL_PKEY_DECRYPT=26
    KEYCTL_PKEY_SIGN=27 KEYCTL_PKEY_VERIFY=28 KEYCTL_RESTRICT_KEYRING=29 KEYCTL_MOVE=30 KEYCTL_CAPABILITIES=31
    KEYCTL_WATCH_KEY=32
memfd_create_flags: MFD_CLOEXEC=1 MFD_ALLOW_SEALING=2 MFD_HUGETLB=4
pidfd_open_flags: PIDFD_NONBLOCK=1
mknod_mode: S_IXOTH=0x1 S_IWOTH=0x2 S_IROTH=0x4 S_IXGRP=0x8 S_IWGRP=0x10 S_IRGRP=0x20 S_IXUSR=0x40
    S_IWUSR=0x80 S_IRUSR=0x100 S_ISVTX=0x200 S_ISGID=0x400 S_ISUID=0x800 S_IFREG=0x8000 S_IFCHR=0x2000
    S_IFBLK=0x6000 S_IFIFO=0x1000 S_IFSOCK=0xC000
bpf_commands: BPF_MAP_CREATE=0 BPF_MAP_LOOKUP_ELEM=1 BPF_MAP_UPDATE_ELEM=2 BPF_MAP_DELETE_ELEM=3
    BPF_MAP_GET_NEXT_KEY=4 BPF_PROG_LOAD=5 BPF_OBJ_PIN=6 BPF_OBJ_GET=7 BPF_PROG_ATTACH=8 BPF_PROG_DETACH=9
    BPF_PROG_TEST_RUN=10 BPF_PROG_RUN=10 BPF_PROG_GET_NEXT_ID=11 BPF_MAP_GET_NEXT_ID=12
    BPF_PROG_GET_FD_BY_ID=13 BPF_MAP_GET_FD_BY_ID=14 BPF_OBJ_GET_INFO_BY_FD=15 BPF_PROG_QUERY=16
    BPF_RAW_TRACEPOINT_OPEN=17 BPF_BTF_LOAD=18 BPF_BTF_GET_FD_BY_ID=19 BPF_TASK_FD_QUERY=20
    BPF_MAP_LOOKUP_AND_DELETE_ELEM=21 BPF_MAP_FREEZE=22 BPF_BTF_GET_NEXT_ID=23 BPF_MAP_LOOKUP_BATCH=24
    BPF_MAP_LOOKUP_AND_DELETE_BATCH=25 BPF_MAP_UPDATE_BATCH=26 BPF_MAP_DELETE_BATCH=27 BPF_LINK_CREATE=28
    BPF_LINK_UPDATE=29 BPF_LINK_GET_FD_BY_ID=30 BPF_LINK_GET_NEXT_ID=31 BPF_ENABLE_STATS=32 BPF_ITER_CREATE=33
    BPF_LINK_DETACH=34 BPF_PROG_BIND_MAP=35
delete_module_flags: O_NONBLOCK=2 O_TRUNC=1
close_range_flags: CLOSE_RANGE_UNSHARE=2 CLOSE_RANGE_CLOEXEC=4
finit_module_flags: MODULE_INIT_IGNORE_MODVERSIONS=1 MODULE_INIT_IGNORE_VERMAGIC=2
    MODULE_INIT_COMPRESSED_FILE=4
anon_inode_fd_types: ANON_INODE_FD_TYPE_UNKNOWN=0 ANON_INODE_FD_TYPE_EVENTFD=1 ANON_INODE_FD_TYPE_EVENTPOLL=2
    ANON_INODE_FD_TYPE_INOTIFY=3 ANON_INODE_FD_TYPE_SIGNALFD=4 ANON_INODE_FD_TYPE_TIMERFD=5
    ANON_INODE_FD_TYPE_IO_URING=6 ANON_INODE_FD_TYPE_USERFAULTFD=7 ANON_INODE_FD_TYPE_PIDFD=8
    ANON_INODE_FD_TYPE_BPF_MAP=9 ANON_INODE_FD_TYPE_BPF_PROG=10 ANON_INODE_FD_TYPE_BPF_LINK=11
    ANON_INODE_FD_TYPE_BPF_ITER=12 ANON_INODE_FD_TYPE_PERF_EVENT=13
"""#
