// SPDX-License-Identifier: Apache-2.0

// The event schema: every event type of falcosecurity/libs master (codes 0..453), as one text table.
//
// Rules of the schema (the driver ABI):
// - Event codes never change meaning. Even codes are enter events (`>`), odd codes exit events (`<`).
// - The only change allowed to an existing event is APPENDING parameters. Every event in a capture
//   carries its own parameter count, so an old capture simply has fewer parameters than the table.
// - Any other change (a parameter removed, retyped or renamed) gets a NEW event code (a new version,
//   `PPME_SYSCALL_EXECVE_19_E` and so on); the old code is kept with the `OLD_VERSION` flag.
//
// Line format (continuation lines start with spaces and belong to the entry above):
//
//     CODE NAME DIR CATEGORY FLAGS | PARAM PARAM ... [+ PARAM ...]
//
// - CODE: the `PPME_*` code; entries are listed in code order, one per code.
// - DIR: `>` enter or `<` exit; it must agree with the parity of CODE.
// - CATEGORY: `|`-joined `EC_*` bits in lower case: unknown other file net ipc memory process sleep
//   system signal user time processing io_read io_write io_other wait scheduler internal, and the
//   source bits syscall tracepoint plugin metaevent iterator.
// - FLAGS: `,`-joined `EF_*` names without the prefix, or `-` for none.
// - `|` starts the parameters; an event without parameters has no `|`.
// - PARAM: `name:TYPE:FORMAT[:INFO]`. TYPE is the `-L` spelling of the `PT_*` type (FD, FSPATH, DYNAMIC,
//   ...), FORMAT the `PF_*` name without the prefix (NA DEC HEX 10_PADDED_DEC ID DIR OCT). INFO is
//   a name table for flags and modes (see NameTables.swift), a dynamic parameter table for DYNAMIC, or
//   for FSRELPATH the index of the parameter that holds the directory fd. `%XX` escapes a byte of a name.
// - `+`: the parameters after it were appended by newer libraries; sysdig 0.29.3 knows only those
//   before it (``EventInfo/legacyParamCount``) and renders at most that many.
//
// Sources: codes 0..335 are sysdig 0.29.3's table (falcosecurity/libs e5c53d64) plus the parameters
// newer libraries append; codes 336..453 come from libs master as they are. For codes 0..335:
// - NAME, parameter names, types, formats, tables and dirfd indexes are the OLD ones, since sysdig
//   0.29.3's rendering is the oracle; only appended parameters come from the new table (with its types).
// - FLAGS are the old ones verbatim. Newer libraries mark most enter events OLD_VERSION (modern drivers
//   send only exit events), dropped DROP_SIMPLE_CONS, added CONVERTER_MANAGED, and changed a few more:
//   USES_FD added to mmap, mmap2, symlinkat <, unlinkat <, mkdirat <, fchmodat <, fchmod < and removed
//   from fstat64 <; setpgid lost MODIFIES_STATE; sendmmsg < and recvmmsg < gained USES_FD,
//   MODIFIES_STATE and WRITES_TO_FD / READS_FROM_FD; OLD_VERSION added to 85 select <, 99 mkdir <,
//   101 rmdir <, 125 dup <, 231 execve <, 249 accept <, 259 umount <, 297 bpf < (and dropped from 147
//   and 229). `sysdig -L` filters on OLD_VERSION, so the old flags are what reproduces it.
// - CATEGORY is the old value plus the source bit that newer libraries give the event (syscall,
//   tracepoint, ...). Renderers switch on ``EventCategory/subject``, which drops the source bits.
//
// Where old (kept) and new differ beyond appended parameters:
// - Event names: 17, 187 `NA1`; 147, 153, 235, 245 `NA2`; 261 `NA3`; 271, 281, 287 `NA4`; 291 `NA5`;
//   197 `sysdigevent`; 229, 273, 325 `container`; 233 `signaldeliver`; 269 `tracer`; 323 `pluginevent`:
//   all unused exit halves that newer libraries call `NA` (category unknown; 269 is also UNUSED there).
//   196 is `sysdigevent`, newer `scapevent`.
// - Parameter types: 18, 42 socket/socketpair > domain FLAGS32 (new ENUMFLAGS32); 24 listen > backlog
//   UINT32 (new INT32); 36 shutdown > how FLAGS8 (new ENUMFLAGS8); 45, 47 setsockopt/getsockopt < level
//   and optname FLAGS8 (new ENUMFLAGS8); 62 eventfd > flags FLAGS32 without a table (new UINT32);
//   86, 88 lseek/llseek > whence FLAGS8 (new ENUMFLAGS8); 126 signalfd > flags, 136 timerfd_create >
//   flags, 138 inotify_init > flags FLAGS8 (new UINT8); 140, 142 getrlimit/setrlimit > resource and
//   144 prlimit > resource FLAGS8 (new ENUMFLAGS8); 150 fcntl > cmd FLAGS8 (new ENUMFLAGS8);
//   161, 163 mmap/mmap2 < res UINT64 (new ERRNO); 168 ptrace > request FLAGS16 (new ENUMFLAGS16);
//   295 setpgid < res PID (new ERRNO).
// - 293 execve < and 331 execveat <: tty INT32 (new UINT32), `pgid` (new `vpgid`), loginuid INT32 (new
//   UID). Newer libraries append another `pgid` (parameter 28), so these events have two params named
//   `pgid`; lookups by name find the first, as libsinsp's do.
// - 322 pluginevent >: the first parameter is named `plugin ID` with a space (new `plugin_id`).
// - 326 openat2 >: name's dirfd index is 1, which is the name itself (new 0, the dirfd). libsinsp
//   0.29.3 then finds no FD there and resolves the path against the thread's cwd; keeping 1 keeps that.
// - 298 seccomp >: the old row lists `op` and `flags` but declares one parameter; sysdig 0.29.3 knows
//   only `op`, and newer libraries declare both, so `flags` appears here as appended.

/// The schema of every event type: what each `PPME_*` code is called and what its parameters are.
public enum EventSchema {
    /// Every event type, indexed by its code (`events[2]` is the enter event of `open`).
    public static let events: [EventInfo] = parseEventTable(eventTableText)

    /// The number of event types (`PPM_EVENT_MAX` of libs master).
    public static let count = 454

    /// The number of event types sysdig 0.29.3 knows (`PPM_EVENT_MAX` of libs e5c53d64).
    public static let legacyCount = 336

    /// The description of the event with code `code`, or `nil` when no event has that code.
    public static func info(_ code: UInt16) -> EventInfo? {
        let events = Self.events
        return Int(code) < events.count ? events[Int(code)] : nil
    }
}

/// Parses the event table text; a malformed line is a programming error, caught by the tests.
private func parseEventTable(_ text: String) -> [EventInfo] {
    var events: [EventInfo] = []
    events.reserveCapacity(EventSchema.count)
    forEachSchemaEntry(text) { words in
        // The category also uses `|`, so the parameter bar is found as a word of its own.
        guard words.count >= 5, let number = words[0].decimal, number == events.count else {
            fatalError("event table: bad or out-of-order entry \(words.text)")
        }
        let code = UInt16(number)
        let direction: EventDirection
        switch words[2] {
        case ">": direction = .enter
        case "<": direction = .exit
        default: fatalError("event table: bad direction in \(words.text)")
        }
        guard direction.rawValue == UInt8(code & 1) else { fatalError("event table: direction vs code in \(words.text)") }
        let category = parseCategory(words[3], entry: words)
        let flags = parseFlags(words[4], entry: words)
        var params: [ParamInfo] = []
        var legacyCount: Int?
        if words.count > 5 {
            guard words[5] == "|" else { fatalError("event table: expected | in \(words.text)") }
            params.reserveCapacity(words.count - 6)
            for word in words[6...] {
                if word == "+" {
                    legacyCount = params.count
                    continue
                }
                params.append(parseParam(word, entry: words))
            }
        }
        events.append(
            EventInfo(
                code: code, name: words[1].string, direction: direction, category: category, flags: flags,
                params: params, legacyParamCount: legacyCount))
    }
    guard events.count == EventSchema.count else { fatalError("event table: \(events.count) events") }
    return events
}

private func parseCategory(_ word: SchemaSpan, entry: [SchemaSpan]) -> EventCategory {
    var raw: UInt32 = 0
    for part in word.split(UInt8(ascii: "|")) {
        let bits: EventCategory
        switch part {
        case "unknown": bits = .unknown
        case "other": bits = .other
        case "file": bits = .file
        case "net": bits = .net
        case "ipc": bits = .ipc
        case "memory": bits = .memory
        case "process": bits = .process
        case "sleep": bits = .sleep
        case "system": bits = .system
        case "signal": bits = .signal
        case "user": bits = .user
        case "time": bits = .time
        case "processing": bits = .processing
        case "io_read": bits = .ioRead
        case "io_write": bits = .ioWrite
        case "io_other": bits = .ioOther
        case "wait": bits = .wait
        case "scheduler": bits = .scheduler
        case "internal": bits = .internal
        case "syscall": bits = .syscall
        case "tracepoint": bits = .tracepoint
        case "plugin": bits = .plugin
        case "metaevent": bits = .metaevent
        case "iterator": bits = .iterator
        default: fatalError("event table: bad category \(part) in \(entry.text)")
        }
        raw |= bits.rawValue
    }
    return EventCategory(rawValue: raw)
}

private func parseFlags(_ word: SchemaSpan, entry: [SchemaSpan]) -> EventFlags {
    var flags: EventFlags = []
    if word == "-" { return flags }
    for part in word.split(UInt8(ascii: ",")) {
        switch part {
        case "CREATES_FD": flags.insert(.createsFD)
        case "DESTROYS_FD": flags.insert(.destroysFD)
        case "USES_FD": flags.insert(.usesFD)
        case "READS_FROM_FD": flags.insert(.readsFromFD)
        case "WRITES_TO_FD": flags.insert(.writesToFD)
        case "MODIFIES_STATE": flags.insert(.modifiesState)
        case "UNUSED": flags.insert(.unused)
        case "WAITS": flags.insert(.waits)
        case "SKIPPARSERESET": flags.insert(.skipParseReset)
        case "OLD_VERSION": flags.insert(.oldVersion)
        case "DROP_SIMPLE_CONS": flags.insert(.dropSimpleCons)
        case "LARGE_PAYLOAD": flags.insert(.largePayload)
        case "CONVERTER_MANAGED": flags.insert(.converterManaged)
        default: fatalError("event table: bad flag \(part) in \(entry.text)")
        }
    }
    return flags
}

private func parseParam(_ word: SchemaSpan, entry: [SchemaSpan]) -> ParamInfo {
    let fields = word.split(UInt8(ascii: ":"), omittingEmpty: false)
    guard fields.count == 3 || fields.count == 4, let type = ParamType.byListingName[fields[1].string] else {
        fatalError("event table: bad parameter \(word) in \(entry.text)")
    }
    let format: PrintFormat
    switch fields[2] {
    case "NA": format = .na
    case "DEC": format = .dec
    case "HEX": format = .hex
    case "10_PADDED_DEC": format = .paddedDec
    case "ID": format = .id
    case "DIR": format = .dir
    case "OCT": format = .oct
    default: fatalError("event table: bad format in \(word) in \(entry.text)")
    }
    let name = unescapeSchemaName(fields[0])
    guard fields.count == 4 else { return ParamInfo(name: name, type: type, format: format) }
    let info = fields[3]
    switch type {
    case .fsrelpath:
        guard let index = info.decimal else { fatalError("event table: bad dirfd index in \(word) in \(entry.text)") }
        return ParamInfo(name: name, type: type, format: format, dirfdIndex: index)
    case .dyn:
        guard let choices = NameTables.dynamicParams(named: info.string) else {
            fatalError("event table: unknown dynamic table in \(word) in \(entry.text)")
        }
        return ParamInfo(name: name, type: type, format: format, dynamicChoices: choices)
    default:
        guard let table = NameTables.named(info.string) else {
            fatalError("event table: unknown name table in \(word) in \(entry.text)")
        }
        return ParamInfo(name: name, type: type, format: format, names: table)
    }
}

// MARK: - The table

private let eventTableText = #"""
0 syscall > syscall|other - | ID:SYSCALLID:DEC nativeID:UINT16:DEC
1 syscall < syscall|other - | ID:SYSCALLID:DEC + nativeID:UINT16:DEC
2 open > syscall|file CREATES_FD,MODIFIES_STATE | name:FSPATH:NA flags:FLAGS32:HEX:file_flags mode:UINT32:OCT
3 open < syscall|file CREATES_FD,MODIFIES_STATE | fd:FD:DEC name:FSPATH:NA flags:FLAGS32:HEX:file_flags
    mode:UINT32:OCT dev:UINT32:HEX + ino:UINT64:DEC
4 close > syscall|io_other DESTROYS_FD,USES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | fd:FD:DEC
5 close < syscall|io_other DESTROYS_FD,USES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd:FD:DEC
6 read > syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC
7 read < syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA + fd:FD:DEC
    size:UINT32:DEC
8 write > syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC
9 write < syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA + fd:FD:DEC
    size:UINT32:DEC
10 brk > syscall|memory OLD_VERSION | size:UINT32:DEC
11 brk < syscall|memory OLD_VERSION | res:UINT64:HEX
12 execve > syscall|process MODIFIES_STATE,OLD_VERSION
13 execve < syscall|process MODIFIES_STATE,OLD_VERSION | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC
14 clone > syscall|process MODIFIES_STATE,OLD_VERSION
15 clone < syscall|process MODIFIES_STATE,OLD_VERSION | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC flags:FLAGS32:HEX:clone_flags uid:UINT32:DEC
    gid:UINT32:DEC
16 procexit > tracepoint|process MODIFIES_STATE,OLD_VERSION
17 NA1 < process UNUSED
18 socket > syscall|net CREATES_FD,MODIFIES_STATE | domain:FLAGS32:DEC:socket_families type:UINT32:DEC
    proto:UINT32:DEC
19 socket < syscall|net CREATES_FD,MODIFIES_STATE | fd:FD:DEC + domain:ENUMFLAGS32:DEC:socket_families
    type:UINT32:DEC proto:UINT32:DEC flags:FLAGS32:HEX:file_flags
20 bind > syscall|net USES_FD,MODIFIES_STATE | fd:FD:DEC
21 bind < syscall|net USES_FD,MODIFIES_STATE | res:ERRNO:DEC addr:SOCKADDR:NA + fd:FD:DEC
22 connect > syscall|net USES_FD,MODIFIES_STATE | fd:FD:DEC addr:SOCKADDR:NA
23 connect < syscall|net USES_FD,MODIFIES_STATE | res:ERRNO:DEC tuple:SOCKTUPLE:NA + fd:FD:DEC
    addr:SOCKADDR:NA
24 listen > syscall|net USES_FD | fd:FD:DEC backlog:UINT32:DEC
25 listen < syscall|net USES_FD | res:ERRNO:DEC + fd:FD:DEC backlog:INT32:DEC
26 accept > syscall|net CREATES_FD,MODIFIES_STATE,OLD_VERSION
27 accept < syscall|net CREATES_FD,MODIFIES_STATE,OLD_VERSION | fd:FD:DEC tuple:SOCKTUPLE:NA
    queuepct:UINT8:DEC
28 send > syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC
29 send < syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA + fd:FD:DEC
    size:UINT32:DEC tuple:SOCKTUPLE:NA
30 sendto > syscall|io_write USES_FD,WRITES_TO_FD,MODIFIES_STATE | fd:FD:DEC size:UINT32:DEC
    tuple:SOCKTUPLE:NA
31 sendto < syscall|io_write USES_FD,WRITES_TO_FD,MODIFIES_STATE | res:ERRNO:DEC data:BYTEBUF:NA + fd:FD:DEC
    size:UINT32:DEC tuple:SOCKTUPLE:NA
32 recv > syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC
33 recv < syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA + fd:FD:DEC
    size:UINT32:DEC tuple:SOCKTUPLE:NA
34 recvfrom > syscall|io_read USES_FD,READS_FROM_FD,MODIFIES_STATE | fd:FD:DEC size:UINT32:DEC
35 recvfrom < syscall|io_read USES_FD,READS_FROM_FD,MODIFIES_STATE | res:ERRNO:DEC data:BYTEBUF:NA
    tuple:SOCKTUPLE:NA + fd:FD:DEC size:UINT32:DEC
36 shutdown > syscall|net USES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | fd:FD:DEC how:FLAGS8:HEX:shutdown_how
37 shutdown < syscall|net USES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd:FD:DEC
    how:ENUMFLAGS8:HEX:shutdown_how
38 getsockname > syscall|net DROP_SIMPLE_CONS
39 getsockname < syscall|net DROP_SIMPLE_CONS
40 getpeername > syscall|net DROP_SIMPLE_CONS
41 getpeername < syscall|net DROP_SIMPLE_CONS
42 socketpair > syscall|ipc CREATES_FD,MODIFIES_STATE | domain:FLAGS32:DEC:socket_families type:UINT32:DEC
    proto:UINT32:DEC
43 socketpair < syscall|ipc CREATES_FD,MODIFIES_STATE | res:ERRNO:DEC fd1:FD:DEC fd2:FD:DEC source:UINT64:HEX
    peer:UINT64:HEX + domain:ENUMFLAGS32:DEC:socket_families type:UINT32:DEC proto:UINT32:DEC
44 setsockopt > syscall|net -
45 setsockopt < syscall|net USES_FD | res:ERRNO:DEC fd:FD:DEC level:FLAGS8:DEC:sockopt_levels
    optname:FLAGS8:DEC:sockopt_options val:DYNAMIC:DEC:sockopt_dynamic_param optlen:UINT32:DEC
46 getsockopt > syscall|net MODIFIES_STATE,DROP_SIMPLE_CONS
47 getsockopt < syscall|net USES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | res:ERRNO:DEC fd:FD:DEC
    level:FLAGS8:DEC:sockopt_levels optname:FLAGS8:DEC:sockopt_options val:DYNAMIC:DEC:sockopt_dynamic_param
    optlen:UINT32:DEC
48 sendmsg > syscall|io_write USES_FD,WRITES_TO_FD,MODIFIES_STATE | fd:FD:DEC size:UINT32:DEC
    tuple:SOCKTUPLE:NA
49 sendmsg < syscall|io_write USES_FD,WRITES_TO_FD,MODIFIES_STATE | res:ERRNO:DEC data:BYTEBUF:NA + fd:FD:DEC
    size:UINT32:DEC tuple:SOCKTUPLE:NA
50 sendmmsg > syscall|io_write DROP_SIMPLE_CONS
51 sendmmsg < syscall|io_write DROP_SIMPLE_CONS | + res:ERRNO:DEC fd:FD:DEC size:UINT32:DEC data:BYTEBUF:NA
    tuple:SOCKTUPLE:NA
52 recvmsg > syscall|io_read USES_FD,READS_FROM_FD,MODIFIES_STATE | fd:FD:DEC
53 recvmsg < syscall|io_read USES_FD,READS_FROM_FD,MODIFIES_STATE | res:ERRNO:DEC size:UINT32:DEC
    data:BYTEBUF:NA tuple:SOCKTUPLE:NA + msgcontrol:BYTEBUF:NA fd:FD:DEC
54 recvmmsg > syscall|io_read DROP_SIMPLE_CONS
55 recvmmsg < syscall|io_read DROP_SIMPLE_CONS | + res:ERRNO:DEC fd:FD:DEC size:UINT32:DEC data:BYTEBUF:NA
    tuple:SOCKTUPLE:NA msgcontrol:BYTEBUF:NA
56 accept > syscall|net CREATES_FD,MODIFIES_STATE,OLD_VERSION | flags:INT32:HEX
57 accept < syscall|net CREATES_FD,MODIFIES_STATE,OLD_VERSION | fd:FD:DEC tuple:SOCKTUPLE:NA
    queuepct:UINT8:DEC
58 creat > syscall|file CREATES_FD,MODIFIES_STATE | name:FSPATH:NA mode:UINT32:OCT
59 creat < syscall|file CREATES_FD,MODIFIES_STATE | fd:FD:DEC name:FSPATH:NA mode:UINT32:OCT dev:UINT32:HEX +
    ino:UINT64:DEC creat_flags:FLAGS16:HEX:creat_flags
60 pipe > syscall|ipc CREATES_FD,MODIFIES_STATE
61 pipe < syscall|ipc CREATES_FD,MODIFIES_STATE | res:ERRNO:DEC fd1:FD:DEC fd2:FD:DEC ino:UINT64:DEC
62 eventfd > syscall|ipc CREATES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | initval:UINT64:DEC flags:FLAGS32:HEX
63 eventfd < syscall|ipc CREATES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | res:FD:DEC + initval:UINT64:DEC
    flags:UINT32:HEX
64 futex > syscall|ipc DROP_SIMPLE_CONS | addr:UINT64:HEX op:FLAGS16:HEX:futex_operations val:UINT64:DEC
65 futex < syscall|ipc DROP_SIMPLE_CONS | res:ERRNO:DEC + addr:UINT64:HEX op:FLAGS16:HEX:futex_operations
    val:UINT64:DEC
66 stat > syscall|file DROP_SIMPLE_CONS
67 stat < syscall|file DROP_SIMPLE_CONS | res:ERRNO:DEC path:FSPATH:NA
68 lstat > syscall|file DROP_SIMPLE_CONS
69 lstat < syscall|file DROP_SIMPLE_CONS | res:ERRNO:DEC path:FSPATH:NA
70 fstat > syscall|file USES_FD,DROP_SIMPLE_CONS | fd:FD:NA
71 fstat < syscall|file USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd:FD:NA
72 stat64 > syscall|file DROP_SIMPLE_CONS
73 stat64 < syscall|file DROP_SIMPLE_CONS | res:ERRNO:DEC path:FSPATH:NA
74 lstat64 > syscall|file DROP_SIMPLE_CONS
75 lstat64 < syscall|file DROP_SIMPLE_CONS | res:ERRNO:DEC path:FSPATH:NA
76 fstat64 > syscall|file USES_FD,DROP_SIMPLE_CONS | fd:FD:NA
77 fstat64 < syscall|file USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC
78 epoll_wait > syscall|wait WAITS,DROP_SIMPLE_CONS | maxevents:ERRNO:DEC
79 epoll_wait < syscall|wait WAITS,DROP_SIMPLE_CONS | res:ERRNO:DEC + maxevents:ERRNO:DEC
80 poll > syscall|wait WAITS,DROP_SIMPLE_CONS | fds:FDLIST:DEC timeout:INT64:DEC
81 poll < syscall|wait WAITS,DROP_SIMPLE_CONS | res:ERRNO:DEC fds:FDLIST:DEC + timeout:INT64:DEC
82 select > syscall|wait WAITS,DROP_SIMPLE_CONS
83 select < syscall|wait WAITS,DROP_SIMPLE_CONS | res:ERRNO:DEC
84 select > syscall|wait WAITS,DROP_SIMPLE_CONS
85 select < syscall|wait WAITS,DROP_SIMPLE_CONS | res:ERRNO:DEC
86 lseek > syscall|file USES_FD,DROP_SIMPLE_CONS | fd:FD:DEC offset:UINT64:DEC whence:FLAGS8:DEC:lseek_whence
87 lseek < syscall|file USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd:FD:DEC offset:UINT64:DEC
    whence:ENUMFLAGS8:DEC:lseek_whence
88 llseek > syscall|file USES_FD,DROP_SIMPLE_CONS | fd:FD:DEC offset:UINT64:DEC whence:FLAGS8:DEC:lseek_whence
89 llseek < syscall|file USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd:FD:DEC offset:UINT64:DEC
    whence:ENUMFLAGS8:DEC:lseek_whence
90 ioctl > syscall|io_other USES_FD,OLD_VERSION | fd:FD:DEC request:UINT64:HEX
91 ioctl < syscall|io_other USES_FD,OLD_VERSION | res:ERRNO:DEC
92 getcwd > syscall|file DROP_SIMPLE_CONS
93 getcwd < syscall|file DROP_SIMPLE_CONS | res:ERRNO:DEC path:CHARBUF:NA
94 chdir > syscall|file MODIFIES_STATE
95 chdir < syscall|file MODIFIES_STATE | res:ERRNO:DEC path:CHARBUF:NA
96 fchdir > syscall|file USES_FD,MODIFIES_STATE | fd:FD:NA
97 fchdir < syscall|file USES_FD,MODIFIES_STATE | res:ERRNO:DEC + fd:FD:NA
98 mkdir > syscall|file - | path:FSPATH:NA mode:UINT32:HEX
99 mkdir < syscall|file - | res:ERRNO:DEC
100 rmdir > syscall|file - | path:FSPATH:NA
101 rmdir < syscall|file - | res:ERRNO:DEC
102 openat > syscall|file CREATES_FD,MODIFIES_STATE,OLD_VERSION | dirfd:FD:DEC name:CHARBUF:NA
    flags:FLAGS32:HEX:file_flags mode:UINT32:OCT
103 openat < syscall|file CREATES_FD,MODIFIES_STATE,OLD_VERSION | fd:FD:DEC
104 link > syscall|file OLD_VERSION | oldpath:FSPATH:NA newpath:FSPATH:NA
105 link < syscall|file OLD_VERSION | res:ERRNO:DEC
106 linkat > syscall|file OLD_VERSION | olddir:FD:DEC oldpath:CHARBUF:NA newdir:FD:DEC newpath:CHARBUF:NA
107 linkat < syscall|file OLD_VERSION | res:ERRNO:DEC
108 unlink > syscall|file OLD_VERSION | path:FSPATH:NA
109 unlink < syscall|file OLD_VERSION | res:ERRNO:DEC
110 unlinkat > syscall|file OLD_VERSION | dirfd:FD:DEC name:CHARBUF:NA
111 unlinkat < syscall|file OLD_VERSION | res:ERRNO:DEC
112 pread > syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC pos:UINT64:DEC
113 pread < syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA + fd:FD:DEC
    size:UINT32:DEC pos:UINT64:DEC
114 pwrite > syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC pos:UINT64:DEC
115 pwrite < syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA +
    fd:FD:DEC size:UINT32:DEC pos:UINT64:DEC
116 readv > syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | fd:FD:DEC
117 readv < syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC size:UINT32:DEC
    data:BYTEBUF:NA + fd:FD:DEC
118 writev > syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC
119 writev < syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA +
    fd:FD:DEC size:UINT32:DEC
120 preadv > syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | fd:FD:DEC pos:UINT64:DEC
121 preadv < syscall|io_read USES_FD,READS_FROM_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC size:UINT32:DEC
    data:BYTEBUF:NA + fd:FD:DEC pos:UINT64:DEC
122 pwritev > syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | fd:FD:DEC size:UINT32:DEC
    pos:UINT64:DEC
123 pwritev < syscall|io_write USES_FD,WRITES_TO_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC data:BYTEBUF:NA +
    fd:FD:DEC size:UINT32:DEC pos:UINT64:DEC
124 dup > syscall|io_other CREATES_FD,USES_FD,MODIFIES_STATE | fd:FD:DEC
125 dup < syscall|io_other CREATES_FD,USES_FD,MODIFIES_STATE | res:FD:DEC
126 signalfd > syscall|signal CREATES_FD,MODIFIES_STATE | fd:FD:DEC mask:UINT32:HEX flags:FLAGS8:HEX
127 signalfd < syscall|signal CREATES_FD,MODIFIES_STATE | res:FD:DEC + fd:FD:DEC mask:UINT32:HEX
    flags:UINT8:HEX
128 kill > syscall|signal - | pid:PID:DEC sig:SIGTYPE:DEC
129 kill < syscall|signal - | res:ERRNO:DEC + pid:PID:DEC sig:SIGTYPE:DEC
130 tkill > syscall|signal - | tid:PID:DEC sig:SIGTYPE:DEC
131 tkill < syscall|signal - | res:ERRNO:DEC + tid:PID:DEC sig:SIGTYPE:DEC
132 tgkill > syscall|signal - | pid:PID:DEC tid:PID:DEC sig:SIGTYPE:DEC
133 tgkill < syscall|signal - | res:ERRNO:DEC + pid:PID:DEC tid:PID:DEC sig:SIGTYPE:DEC
134 nanosleep > syscall|sleep WAITS,DROP_SIMPLE_CONS | interval:RELTIME:DEC
135 nanosleep < syscall|sleep WAITS,DROP_SIMPLE_CONS | res:ERRNO:DEC + interval:RELTIME:DEC
136 timerfd_create > syscall|time CREATES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | clockid:UINT8:DEC
    flags:FLAGS8:HEX
137 timerfd_create < syscall|time CREATES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | res:FD:DEC + clockid:UINT8:DEC
    flags:UINT8:HEX
138 inotify_init > syscall|ipc CREATES_FD,MODIFIES_STATE | flags:FLAGS8:HEX
139 inotify_init < syscall|ipc CREATES_FD,MODIFIES_STATE | res:FD:DEC + flags:UINT8:HEX
140 getrlimit > syscall|process DROP_SIMPLE_CONS | resource:FLAGS8:DEC:rlimit_resources
141 getrlimit < syscall|process DROP_SIMPLE_CONS | res:ERRNO:DEC cur:INT64:DEC max:INT64:DEC +
    resource:ENUMFLAGS8:DEC:rlimit_resources
142 setrlimit > syscall|process DROP_SIMPLE_CONS | resource:FLAGS8:DEC:rlimit_resources
143 setrlimit < syscall|process DROP_SIMPLE_CONS | res:ERRNO:DEC cur:INT64:DEC max:INT64:DEC +
    resource:ENUMFLAGS8:DEC:rlimit_resources
144 prlimit > syscall|process - | pid:PID:DEC resource:FLAGS8:DEC:rlimit_resources
145 prlimit < syscall|process - | res:ERRNO:DEC newcur:INT64:DEC newmax:INT64:DEC oldcur:INT64:DEC
    oldmax:INT64:DEC + pid:INT64:DEC resource:ENUMFLAGS8:DEC:rlimit_resources
146 switch > tracepoint|scheduler SKIPPARSERESET,OLD_VERSION,DROP_SIMPLE_CONS | next:PID:DEC
147 NA2 < scheduler SKIPPARSERESET,UNUSED,OLD_VERSION
148 drop > metaevent|internal SKIPPARSERESET | ratio:UINT32:DEC
149 drop < metaevent|internal SKIPPARSERESET | ratio:UINT32:DEC
150 fcntl > syscall|io_other USES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | fd:FD:DEC cmd:FLAGS8:DEC:fcntl_commands
151 fcntl < syscall|io_other USES_FD,MODIFIES_STATE,DROP_SIMPLE_CONS | res:FD:DEC + fd:FD:DEC
    cmd:ENUMFLAGS8:DEC:fcntl_commands arg:UINT64:HEX
152 switch > tracepoint|scheduler DROP_SIMPLE_CONS | next:PID:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC
153 NA2 < scheduler UNUSED
154 execve > syscall|process MODIFIES_STATE,OLD_VERSION
155 execve < syscall|process MODIFIES_STATE,OLD_VERSION | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC
156 clone > syscall|process MODIFIES_STATE,OLD_VERSION
157 clone < syscall|process MODIFIES_STATE,OLD_VERSION | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC flags:FLAGS32:HEX:clone_flags
    uid:UINT32:DEC gid:UINT32:DEC
158 brk > syscall|memory DROP_SIMPLE_CONS | addr:UINT64:HEX
159 brk < syscall|memory DROP_SIMPLE_CONS | res:UINT64:HEX vm_size:UINT32:DEC vm_rss:UINT32:DEC
    vm_swap:UINT32:DEC + addr:UINT64:HEX
160 mmap > syscall|memory DROP_SIMPLE_CONS | addr:UINT64:HEX length:UINT64:DEC prot:FLAGS32:HEX:prot_flags
    flags:FLAGS32:HEX:mmap_flags fd:FD:DEC offset:UINT64:DEC
161 mmap < syscall|memory DROP_SIMPLE_CONS | res:UINT64:HEX vm_size:UINT32:DEC vm_rss:UINT32:DEC
    vm_swap:UINT32:DEC + addr:UINT64:HEX length:UINT64:DEC prot:FLAGS32:HEX:prot_flags
    flags:FLAGS32:HEX:mmap_flags fd:FD:DEC offset:UINT64:DEC
162 mmap2 > syscall|memory DROP_SIMPLE_CONS | addr:UINT64:HEX length:UINT64:DEC prot:FLAGS32:HEX:prot_flags
    flags:FLAGS32:HEX:mmap_flags fd:FD:DEC pgoffset:UINT64:DEC
163 mmap2 < syscall|memory DROP_SIMPLE_CONS | res:UINT64:HEX vm_size:UINT32:DEC vm_rss:UINT32:DEC
    vm_swap:UINT32:DEC + addr:UINT64:HEX length:UINT64:DEC prot:FLAGS32:HEX:prot_flags
    flags:FLAGS32:HEX:mmap_flags fd:FD:DEC pgoffset:UINT64:DEC
164 munmap > syscall|memory DROP_SIMPLE_CONS | addr:UINT64:HEX length:UINT64:DEC
165 munmap < syscall|memory DROP_SIMPLE_CONS | res:ERRNO:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC
    vm_swap:UINT32:DEC + addr:UINT64:HEX length:UINT64:DEC
166 splice > syscall|io_other USES_FD,DROP_SIMPLE_CONS | fd_in:FD:DEC fd_out:FD:DEC size:UINT64:DEC
    flags:FLAGS32:HEX:splice_flags
167 splice < syscall|io_other USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd_in:FD:DEC fd_out:FD:DEC
    size:UINT64:DEC flags:FLAGS32:HEX:splice_flags
168 ptrace > syscall|process - | request:FLAGS16:DEC:ptrace_requests pid:PID:DEC
169 ptrace < syscall|process - | res:ERRNO:DEC addr:DYNAMIC:HEX:ptrace_dynamic_param
    data:DYNAMIC:HEX:ptrace_dynamic_param + request:ENUMFLAGS16:DEC:ptrace_requests pid:PID:DEC
170 ioctl > syscall|io_other USES_FD | fd:FD:DEC request:UINT64:HEX argument:UINT64:HEX
171 ioctl < syscall|io_other USES_FD | res:ERRNO:DEC + fd:FD:DEC request:UINT64:HEX argument:UINT64:HEX
172 execve > syscall|process MODIFIES_STATE,OLD_VERSION
173 execve < syscall|process MODIFIES_STATE,OLD_VERSION | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC env:BYTEBUF:NA
174 rename > syscall|file -
175 rename < syscall|file - | res:ERRNO:DEC oldpath:FSPATH:NA newpath:FSPATH:NA
176 renameat > syscall|file -
177 renameat < syscall|file - | res:ERRNO:DEC olddirfd:FD:DEC oldpath:FSRELPATH:NA:1 newdirfd:FD:DEC
    newpath:FSRELPATH:NA:3
178 symlink > syscall|file -
179 symlink < syscall|file - | res:ERRNO:DEC target:CHARBUF:NA linkpath:FSPATH:NA
180 symlinkat > syscall|file -
181 symlinkat < syscall|file - | res:ERRNO:DEC target:CHARBUF:NA linkdirfd:FD:DEC linkpath:FSRELPATH:NA:2
182 fork > syscall|process MODIFIES_STATE,OLD_VERSION
183 fork < syscall|process MODIFIES_STATE,OLD_VERSION | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC flags:FLAGS32:HEX:clone_flags uid:UINT32:DEC
    gid:UINT32:DEC
184 vfork > syscall|process MODIFIES_STATE,OLD_VERSION
185 vfork < syscall|process MODIFIES_STATE,OLD_VERSION | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC flags:FLAGS32:HEX:clone_flags
    uid:UINT32:DEC gid:UINT32:DEC
186 procexit > tracepoint|process MODIFIES_STATE | status:ERRNO:DEC ret:ERRNO:DEC sig:SIGTYPE:DEC
    core:UINT8:DEC + reaper_tid:PID:DEC
187 NA1 < process UNUSED
188 sendfile > syscall|io_write USES_FD,DROP_SIMPLE_CONS | out_fd:FD:DEC in_fd:FD:DEC offset:UINT64:DEC
    size:UINT64:DEC
189 sendfile < syscall|io_write USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC offset:UINT64:DEC + out_fd:FD:DEC
    in_fd:FD:DEC size:UINT64:DEC
190 quotactl > syscall|user - | cmd:FLAGS16:DEC:quotactl_cmds type:FLAGS8:DEC:quotactl_types id:UINT32:DEC
    quota_fmt:FLAGS8:DEC:quotactl_quota_fmts
191 quotactl < syscall|user - | res:ERRNO:DEC special:CHARBUF:NA quotafilepath:CHARBUF:NA
    dqb_bhardlimit:UINT64:DEC dqb_bsoftlimit:UINT64:DEC dqb_curspace:UINT64:DEC dqb_ihardlimit:UINT64:DEC
    dqb_isoftlimit:UINT64:DEC dqb_btime:RELTIME:DEC dqb_itime:RELTIME:DEC dqi_bgrace:RELTIME:DEC
    dqi_igrace:RELTIME:DEC dqi_flags:FLAGS8:DEC:quotactl_dqi_flags
    quota_fmt_out:FLAGS8:DEC:quotactl_quota_fmts + cmd:FLAGS16:DEC:quotactl_cmds
    type:FLAGS8:DEC:quotactl_types id:UINT32:DEC quota_fmt:FLAGS8:DEC:quotactl_quota_fmts
192 setresuid > syscall|user MODIFIES_STATE | ruid:UID:DEC euid:UID:DEC suid:UID:DEC
193 setresuid < syscall|user MODIFIES_STATE | res:ERRNO:DEC + ruid:UID:DEC euid:UID:DEC suid:UID:DEC
194 setresgid > syscall|user MODIFIES_STATE | rgid:GID:DEC egid:GID:DEC sgid:GID:DEC
195 setresgid < syscall|user MODIFIES_STATE | res:ERRNO:DEC + rgid:GID:DEC egid:GID:DEC sgid:GID:DEC
196 sysdigevent > metaevent|internal SKIPPARSERESET | event_type:UINT32:DEC event_data:UINT64:DEC
197 sysdigevent < internal UNUSED
198 setuid > syscall|user MODIFIES_STATE | uid:UID:DEC
199 setuid < syscall|user MODIFIES_STATE | res:ERRNO:DEC + uid:UID:DEC
200 setgid > syscall|user MODIFIES_STATE | gid:GID:DEC
201 setgid < syscall|user MODIFIES_STATE | res:ERRNO:DEC + gid:GID:DEC
202 getuid > syscall|user DROP_SIMPLE_CONS
203 getuid < syscall|user DROP_SIMPLE_CONS | uid:UID:DEC
204 geteuid > syscall|user DROP_SIMPLE_CONS
205 geteuid < syscall|user DROP_SIMPLE_CONS | euid:UID:DEC
206 getgid > syscall|user DROP_SIMPLE_CONS
207 getgid < syscall|user DROP_SIMPLE_CONS | gid:GID:DEC
208 getegid > syscall|user DROP_SIMPLE_CONS
209 getegid < syscall|user DROP_SIMPLE_CONS | egid:GID:DEC
210 getresuid > syscall|user DROP_SIMPLE_CONS
211 getresuid < syscall|user DROP_SIMPLE_CONS | res:ERRNO:DEC ruid:UID:DEC euid:UID:DEC suid:UID:DEC
212 getresgid > syscall|user DROP_SIMPLE_CONS
213 getresgid < syscall|user DROP_SIMPLE_CONS | res:ERRNO:DEC rgid:GID:DEC egid:GID:DEC sgid:GID:DEC
214 execve > syscall|process MODIFIES_STATE,OLD_VERSION
215 execve < syscall|process MODIFIES_STATE,OLD_VERSION | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA env:BYTEBUF:NA
216 clone > syscall|process MODIFIES_STATE,OLD_VERSION
217 clone < syscall|process MODIFIES_STATE,OLD_VERSION | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA
    flags:FLAGS32:HEX:clone_flags uid:UINT32:DEC gid:UINT32:DEC
218 fork > syscall|process MODIFIES_STATE,OLD_VERSION
219 fork < syscall|process MODIFIES_STATE,OLD_VERSION | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA flags:FLAGS32:HEX:clone_flags
    uid:UINT32:DEC gid:UINT32:DEC
220 vfork > syscall|process MODIFIES_STATE,OLD_VERSION
221 vfork < syscall|process MODIFIES_STATE,OLD_VERSION | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA
    flags:FLAGS32:HEX:clone_flags uid:UINT32:DEC gid:UINT32:DEC
222 clone > syscall|process MODIFIES_STATE
223 clone < syscall|process MODIFIES_STATE | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA cgroups:BYTEBUF:NA
    flags:FLAGS32:HEX:clone_flags uid:UINT32:DEC gid:UINT32:DEC vtid:PID:DEC vpid:PID:DEC +
    pidns_init_start_ts:UINT64:DEC
224 fork > syscall|process MODIFIES_STATE
225 fork < syscall|process MODIFIES_STATE | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC pid:PID:DEC
    ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC vm_size:UINT32:DEC
    vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA cgroups:BYTEBUF:NA flags:FLAGS32:HEX:clone_flags
    uid:UINT32:DEC gid:UINT32:DEC vtid:PID:DEC vpid:PID:DEC + pidns_init_start_ts:UINT64:DEC
226 vfork > syscall|process MODIFIES_STATE
227 vfork < syscall|process MODIFIES_STATE | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA cgroups:BYTEBUF:NA
    flags:FLAGS32:HEX:clone_flags uid:UINT32:DEC gid:UINT32:DEC vtid:PID:DEC vpid:PID:DEC +
    pidns_init_start_ts:UINT64:DEC
228 container > metaevent|internal SKIPPARSERESET,MODIFIES_STATE,OLD_VERSION | id:CHARBUF:NA type:UINT32:DEC
    name:CHARBUF:NA image:CHARBUF:NA
229 container < internal UNUSED,OLD_VERSION
230 execve > syscall|process MODIFIES_STATE
231 execve < syscall|process MODIFIES_STATE | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA cgroups:BYTEBUF:NA env:BYTEBUF:NA
232 signaldeliver > tracepoint|signal DROP_SIMPLE_CONS | spid:PID:DEC dpid:PID:DEC sig:SIGTYPE:DEC
233 signaldeliver < signal UNUSED
234 procinfo > metaevent|internal SKIPPARSERESET,DROP_SIMPLE_CONS | cpu_usr:UINT64:DEC cpu_sys:UINT64:DEC
235 NA2 < internal UNUSED
236 getdents > syscall|file USES_FD,DROP_SIMPLE_CONS | fd:FD:NA
237 getdents < syscall|file USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd:FD:NA
238 getdents64 > syscall|file USES_FD,DROP_SIMPLE_CONS | fd:FD:NA
239 getdents64 < syscall|file USES_FD,DROP_SIMPLE_CONS | res:ERRNO:DEC + fd:FD:NA
240 setns > syscall|process USES_FD | fd:FD:NA nstype:FLAGS32:HEX:clone_flags
241 setns < syscall|process USES_FD | res:ERRNO:DEC + fd:FD:NA nstype:FLAGS32:HEX:clone_flags
242 flock > syscall|file USES_FD | fd:FD:NA operation:FLAGS32:HEX:flock_flags
243 flock < syscall|file USES_FD | res:ERRNO:DEC + fd:FD:NA operation:FLAGS32:HEX:flock_flags
244 cpu_hotplug > metaevent|system SKIPPARSERESET,MODIFIES_STATE | cpu:UINT32:DEC action:UINT32:DEC
245 NA2 < system UNUSED
246 accept > syscall|net CREATES_FD,MODIFIES_STATE
247 accept < syscall|net CREATES_FD,MODIFIES_STATE | fd:FD:DEC tuple:SOCKTUPLE:NA queuepct:UINT8:DEC
    queuelen:UINT32:DEC queuemax:UINT32:DEC
248 accept > syscall|net CREATES_FD,MODIFIES_STATE | flags:INT32:HEX
249 accept < syscall|net CREATES_FD,MODIFIES_STATE | fd:FD:DEC tuple:SOCKTUPLE:NA queuepct:UINT8:DEC
    queuelen:UINT32:DEC queuemax:UINT32:DEC
250 semop > syscall|process DROP_SIMPLE_CONS | semid:INT32:DEC
251 semop < syscall|process DROP_SIMPLE_CONS | res:ERRNO:DEC nsops:UINT32:DEC sem_num_0:UINT16:DEC
    sem_op_0:INT16:DEC sem_flg_0:FLAGS16:HEX:semop_flags sem_num_1:UINT16:DEC sem_op_1:INT16:DEC
    sem_flg_1:FLAGS16:HEX:semop_flags + semid:INT32:DEC
252 semctl > syscall|process DROP_SIMPLE_CONS | semid:INT32:DEC semnum:INT32:DEC
    cmd:FLAGS16:HEX:semctl_commands val:INT32:DEC
253 semctl < syscall|process DROP_SIMPLE_CONS | res:ERRNO:DEC + semid:INT32:DEC semnum:INT32:DEC
    cmd:FLAGS16:HEX:semctl_commands val:INT32:DEC
254 ppoll > syscall|wait WAITS,DROP_SIMPLE_CONS | fds:FDLIST:DEC timeout:RELTIME:DEC sigmask:SIGSET:DEC
255 ppoll < syscall|wait WAITS,DROP_SIMPLE_CONS | res:ERRNO:DEC fds:FDLIST:DEC + timeout:RELTIME:DEC
    sigmask:SIGSET:DEC
256 mount > syscall|file MODIFIES_STATE | flags:FLAGS32:HEX:mount_flags
257 mount < syscall|file MODIFIES_STATE | res:ERRNO:DEC dev:CHARBUF:NA dir:FSPATH:NA type:CHARBUF:NA +
    flags:FLAGS32:HEX:mount_flags
258 umount > syscall|file MODIFIES_STATE | flags:FLAGS32:HEX:umount_flags
259 umount < syscall|file MODIFIES_STATE | res:ERRNO:DEC name:FSPATH:NA
260 k8s > metaevent|internal SKIPPARSERESET,MODIFIES_STATE | json:CHARBUF:NA
261 NA3 < system UNUSED
262 semget > syscall|process DROP_SIMPLE_CONS | key:INT32:HEX nsems:INT32:DEC semflg:FLAGS32:HEX:semget_flags
263 semget < syscall|process DROP_SIMPLE_CONS | res:ERRNO:DEC + key:INT32:HEX nsems:INT32:DEC
    semflg:FLAGS32:HEX:semget_flags
264 access > syscall|file DROP_SIMPLE_CONS | mode:FLAGS32:HEX:access_flags
265 access < syscall|file DROP_SIMPLE_CONS | res:ERRNO:DEC name:FSPATH:NA + mode:FLAGS32:HEX:access_flags
266 chroot > syscall|process MODIFIES_STATE
267 chroot < syscall|process MODIFIES_STATE | res:ERRNO:DEC path:FSPATH:NA
268 tracer > metaevent|other - | id:INT64:DEC tags:CHARBUFARRAY:NA args:CHARBUF_PAIR_ARRAY:NA
269 tracer < other - | id:INT64:DEC tags:CHARBUFARRAY:NA args:CHARBUF_PAIR_ARRAY:NA
270 mesos > metaevent|internal SKIPPARSERESET,MODIFIES_STATE | json:CHARBUF:NA
271 NA4 < system UNUSED
272 container > metaevent|process MODIFIES_STATE | json:CHARBUF:NA
273 container < process UNUSED
274 setsid > syscall|process MODIFIES_STATE
275 setsid < syscall|process MODIFIES_STATE | res:PID:DEC
276 mkdir > syscall|file - | mode:UINT32:HEX
277 mkdir < syscall|file - | res:ERRNO:DEC path:FSPATH:NA + mode:UINT32:HEX
278 rmdir > syscall|file -
279 rmdir < syscall|file - | res:ERRNO:DEC path:FSPATH:NA
280 notification > metaevent|other SKIPPARSERESET | id:CHARBUF:DEC desc:CHARBUF:NA
281 NA4 < system UNUSED
282 execve > syscall|process MODIFIES_STATE,OLD_VERSION
283 execve < syscall|process MODIFIES_STATE,OLD_VERSION | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA
    cgroups:BYTEBUF:NA env:BYTEBUF:NA tty:INT32:DEC
284 unshare > syscall|process - | flags:FLAGS32:HEX:clone_flags
285 unshare < syscall|process - | res:ERRNO:DEC + flags:FLAGS32:HEX:clone_flags
286 infra > metaevent|internal SKIPPARSERESET | source:CHARBUF:DEC name:CHARBUF:NA description:CHARBUF:NA
    scope:CHARBUF:NA
287 NA4 < system UNUSED
288 execve > syscall|process MODIFIES_STATE,OLD_VERSION | filename:FSPATH:NA
289 execve < syscall|process MODIFIES_STATE,OLD_VERSION | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA
    tid:PID:DEC pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA
    cgroups:BYTEBUF:NA env:BYTEBUF:NA tty:INT32:DEC
290 page_fault > tracepoint|other SKIPPARSERESET,DROP_SIMPLE_CONS | addr:UINT64:HEX ip:UINT64:HEX
    error:FLAGS32:HEX:pf_flags
291 NA5 < other UNUSED
292 execve > syscall|process MODIFIES_STATE | filename:FSPATH:NA
293 execve < syscall|process MODIFIES_STATE | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA cgroups:BYTEBUF:NA env:BYTEBUF:NA
    tty:INT32:DEC pgid:PID:DEC loginuid:INT32:DEC flags:FLAGS32:HEX:execve_flags + cap_inheritable:UINT64:HEX
    cap_permitted:UINT64:HEX cap_effective:UINT64:HEX exe_ino:UINT64:DEC exe_ino_ctime:ABSTIME:DEC
    exe_ino_mtime:ABSTIME:DEC uid:UID:DEC trusted_exepath:FSPATH:NA pgid:PID:NA gid:GID:DEC filename:FSPATH:NA
294 setpgid > syscall|process MODIFIES_STATE | pid:PID:DEC pgid:PID:DEC
295 setpgid < syscall|process MODIFIES_STATE | res:PID:DEC + pid:PID:DEC pgid:PID:DEC
296 bpf > syscall|other CREATES_FD | cmd:INT64:DEC
297 bpf < syscall|other CREATES_FD | res_or_fd:DYNAMIC:DEC:bpf_dynamic_param
298 seccomp > syscall|other - | op:UINT64:DEC + flags:UINT64:HEX
299 seccomp < syscall|other - | res:ERRNO:DEC + op:UINT64:DEC flags:UINT64:HEX
300 unlink > syscall|file -
301 unlink < syscall|file - | res:ERRNO:DEC path:FSPATH:NA
302 unlinkat > syscall|file -
303 unlinkat < syscall|file - | res:ERRNO:DEC dirfd:FD:DEC name:FSRELPATH:NA:1
    flags:FLAGS32:HEX:unlinkat_flags
304 mkdirat > syscall|file -
305 mkdirat < syscall|file - | res:ERRNO:DEC dirfd:FD:DEC path:FSRELPATH:NA:1 mode:UINT32:HEX
306 openat > syscall|file CREATES_FD,MODIFIES_STATE | dirfd:FD:DEC name:FSRELPATH:NA:0
    flags:FLAGS32:HEX:file_flags mode:UINT32:OCT
307 openat < syscall|file CREATES_FD,MODIFIES_STATE | fd:FD:DEC dirfd:FD:DEC name:FSRELPATH:NA:1
    flags:FLAGS32:HEX:file_flags mode:UINT32:OCT dev:UINT32:HEX + ino:UINT64:DEC
308 link > syscall|file -
309 link < syscall|file - | res:ERRNO:DEC oldpath:FSPATH:NA newpath:FSPATH:NA
310 linkat > syscall|file -
311 linkat < syscall|file - | res:ERRNO:DEC olddir:FD:DEC oldpath:FSRELPATH:NA:1 newdir:FD:DEC
    newpath:FSRELPATH:NA:3 flags:FLAGS32:HEX:linkat_flags
312 fchmodat > syscall|file -
313 fchmodat < syscall|file - | res:ERRNO:DEC dirfd:FD:DEC filename:FSRELPATH:NA:1 mode:MODE:OCT:chmod_mode
314 chmod > syscall|file -
315 chmod < syscall|file - | res:ERRNO:DEC filename:FSPATH:NA mode:MODE:OCT:chmod_mode
316 fchmod > syscall|file -
317 fchmod < syscall|file - | res:ERRNO:DEC fd:FD:DEC mode:MODE:OCT:chmod_mode
318 renameat2 > syscall|file -
319 renameat2 < syscall|file - | res:ERRNO:DEC olddirfd:FD:DEC oldpath:FSRELPATH:NA:1 newdirfd:FD:DEC
    newpath:FSRELPATH:NA:3 flags:FLAGS32:HEX:renameat2_flags
320 userfaultfd > syscall|file CREATES_FD,MODIFIES_STATE
321 userfaultfd < syscall|file CREATES_FD,MODIFIES_STATE | res:ERRNO:DEC flags:FLAGS32:HEX:file_flags
322 pluginevent > plugin|other LARGE_PAYLOAD | plugin%20ID:UINT32:DEC event_data:BYTEBUF:NA
323 pluginevent < other UNUSED
324 container > metaevent|process MODIFIES_STATE,LARGE_PAYLOAD | json:CHARBUF:NA
325 container < process UNUSED
326 openat2 > syscall|file CREATES_FD,MODIFIES_STATE | dirfd:FD:DEC name:FSRELPATH:NA:1
    flags:FLAGS32:HEX:file_flags mode:UINT32:OCT resolve:FLAGS32:HEX:openat2_flags
327 openat2 < syscall|file CREATES_FD,MODIFIES_STATE | fd:FD:DEC dirfd:FD:DEC name:FSRELPATH:NA:1
    flags:FLAGS32:HEX:file_flags mode:UINT32:OCT resolve:FLAGS32:HEX:openat2_flags + dev:UINT32:HEX
    ino:UINT64:DEC
328 mprotect > syscall|memory DROP_SIMPLE_CONS | addr:UINT64:HEX length:UINT64:DEC prot:FLAGS32:HEX:prot_flags
329 mprotect < syscall|memory DROP_SIMPLE_CONS | res:ERRNO:DEC + addr:UINT64:HEX length:UINT64:DEC
    prot:FLAGS32:HEX:prot_flags
330 execveat > syscall|process MODIFIES_STATE | dirfd:FD:DEC pathname:FSRELPATH:NA:0
    flags:FLAGS32:HEX:execveat_flags
331 execveat < syscall|process MODIFIES_STATE | res:ERRNO:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:UINT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA cgroups:BYTEBUF:NA env:BYTEBUF:NA
    tty:INT32:DEC pgid:PID:DEC loginuid:INT32:DEC flags:FLAGS32:HEX:execve_flags + cap_inheritable:UINT64:HEX
    cap_permitted:UINT64:HEX cap_effective:UINT64:HEX exe_ino:UINT64:DEC exe_ino_ctime:ABSTIME:DEC
    exe_ino_mtime:ABSTIME:DEC uid:UID:DEC trusted_exepath:FSPATH:NA pgid:PID:NA gid:GID:DEC
332 copy_file_range > syscall|file USES_FD,READS_FROM_FD,WRITES_TO_FD | fdin:FD:DEC offin:UINT64:DEC
    len:UINT64:DEC
333 copy_file_range < syscall|file USES_FD,READS_FROM_FD,WRITES_TO_FD | res:ERRNO:DEC fdout:FD:DEC
    offout:UINT64:DEC + fdin:FD:DEC offin:UINT64:DEC len:UINT64:DEC
334 clone3 > syscall|process MODIFIES_STATE
335 clone3 < syscall|process MODIFIES_STATE | res:PID:DEC exe:CHARBUF:NA args:BYTEBUF:NA tid:PID:DEC
    pid:PID:DEC ptid:PID:DEC cwd:CHARBUF:NA fdlimit:INT64:DEC pgft_maj:UINT64:DEC pgft_min:UINT64:DEC
    vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC comm:CHARBUF:NA cgroups:BYTEBUF:NA
    flags:FLAGS32:HEX:clone_flags uid:UINT32:DEC gid:UINT32:DEC vtid:PID:DEC vpid:PID:DEC +
    pidns_init_start_ts:UINT64:DEC
336 open_by_handle_at > syscall|file OLD_VERSION,CREATES_FD,MODIFIES_STATE
337 open_by_handle_at < syscall|file CREATES_FD,MODIFIES_STATE | fd:FD:DEC mountfd:FD:DEC
    flags:FLAGS32:HEX:file_flags path:FSPATH:NA dev:UINT32:HEX ino:UINT64:DEC
338 io_uring_setup > syscall|io_other OLD_VERSION,CREATES_FD,MODIFIES_STATE
339 io_uring_setup < syscall|io_other CREATES_FD,MODIFIES_STATE | res:ERRNO:DEC entries:UINT32:DEC
    sq_entries:UINT32:DEC cq_entries:UINT32:DEC flags:FLAGS32:HEX:io_uring_setup_flags
    sq_thread_cpu:UINT32:DEC sq_thread_idle:UINT32:DEC features:FLAGS32:HEX:io_uring_setup_feats
340 io_uring_enter > syscall|io_other OLD_VERSION
341 io_uring_enter < syscall|io_other USES_FD | res:ERRNO:DEC fd:FD:DEC to_submit:UINT32:DEC
    min_complete:UINT32:DEC flags:FLAGS32:HEX:io_uring_enter_flags sig:SIGSET:DEC
342 io_uring_register > syscall|io_other OLD_VERSION
343 io_uring_register < syscall|io_other USES_FD | res:ERRNO:DEC fd:FD:DEC
    opcode:ENUMFLAGS16:DEC:io_uring_register_opcodes arg:UINT64:HEX nr_args:UINT32:DEC
344 mlock > syscall|memory OLD_VERSION
345 mlock < syscall|memory - | res:ERRNO:DEC addr:UINT64:HEX len:UINT64:DEC
346 munlock > syscall|memory OLD_VERSION
347 munlock < syscall|memory - | res:ERRNO:DEC addr:UINT64:HEX len:UINT64:DEC
348 mlockall > syscall|memory OLD_VERSION
349 mlockall < syscall|memory - | res:ERRNO:DEC flags:FLAGS32:HEX:mlockall_flags
350 munlockall > syscall|memory OLD_VERSION
351 munlockall < syscall|memory - | res:ERRNO:DEC
352 capset > syscall|process OLD_VERSION,MODIFIES_STATE
353 capset < syscall|process MODIFIES_STATE | res:ERRNO:DEC cap_inheritable:UINT64:HEX
    cap_permitted:UINT64:HEX cap_effective:UINT64:HEX
354 useradded > metaevent|process MODIFIES_STATE | uid:UINT32:DEC gid:UINT32:DEC name:CHARBUF:NA
    home:CHARBUF:NA shell:CHARBUF:NA container_id:CHARBUF:NA
355 NA < unknown UNUSED
356 userdeleted > metaevent|process MODIFIES_STATE | uid:UINT32:DEC gid:UINT32:DEC name:CHARBUF:NA
    home:CHARBUF:NA shell:CHARBUF:NA container_id:CHARBUF:NA
357 NA < unknown UNUSED
358 groupadded > metaevent|process MODIFIES_STATE | gid:UINT32:DEC name:CHARBUF:NA container_id:CHARBUF:NA
359 NA < unknown UNUSED
360 groupdeleted > metaevent|process MODIFIES_STATE | gid:UINT32:DEC name:CHARBUF:NA container_id:CHARBUF:NA
361 NA < unknown UNUSED
362 dup2 > syscall|io_other OLD_VERSION,CREATES_FD,USES_FD,MODIFIES_STATE | fd:FD:DEC
363 dup2 < syscall|io_other CREATES_FD,USES_FD,MODIFIES_STATE | res:FD:DEC oldfd:FD:DEC newfd:FD:DEC
364 dup3 > syscall|io_other OLD_VERSION,CREATES_FD,USES_FD,MODIFIES_STATE | fd:FD:DEC
365 dup3 < syscall|io_other CREATES_FD,USES_FD,MODIFIES_STATE | res:FD:DEC oldfd:FD:DEC newfd:FD:DEC
    flags:FLAGS32:HEX:file_flags
366 dup > syscall|io_other OLD_VERSION,CREATES_FD,USES_FD,MODIFIES_STATE | fd:FD:DEC
367 dup < syscall|io_other CREATES_FD,USES_FD,MODIFIES_STATE | res:FD:DEC oldfd:FD:DEC
368 bpf > syscall|other OLD_VERSION,CREATES_FD | cmd:INT64:DEC
369 bpf < syscall|other CREATES_FD | fd:FD:DEC cmd:ENUMFLAGS32:DEC:bpf_commands
370 mlock2 > syscall|memory OLD_VERSION
371 mlock2 < syscall|memory - | res:ERRNO:DEC addr:UINT64:HEX len:UINT64:DEC flags:FLAGS32:HEX:mlock2_flags
372 fsconfig > syscall|system OLD_VERSION
373 fsconfig < syscall|system USES_FD | res:ERRNO:DEC fd:FD:DEC cmd:ENUMFLAGS32:DEC:fsconfig_cmds
    key:CHARBUF:NA value_bytebuf:BYTEBUF:NA value_charbuf:CHARBUF:NA aux:INT32:DEC
374 epoll_create > syscall|wait OLD_VERSION,CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | size:INT32:DEC
375 epoll_create < syscall|wait CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | res:ERRNO:DEC size:INT32:DEC
376 epoll_create1 > syscall|wait OLD_VERSION,CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED |
    flags:FLAGS32:HEX:epoll_create1_flags
377 epoll_create1 < syscall|wait CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | res:ERRNO:DEC
    flags:FLAGS32:HEX:epoll_create1_flags
378 chown > syscall|file OLD_VERSION
379 chown < syscall|file - | res:ERRNO:DEC path:FSPATH:NA uid:UINT32:DEC gid:UINT32:DEC
380 lchown > syscall|file OLD_VERSION
381 lchown < syscall|file - | res:ERRNO:DEC path:FSPATH:NA uid:UINT32:DEC gid:UINT32:DEC
382 fchown > syscall|file OLD_VERSION
383 fchown < syscall|file USES_FD | res:ERRNO:DEC fd:FD:DEC uid:UINT32:DEC gid:UINT32:DEC
384 fchownat > syscall|file OLD_VERSION
385 fchownat < syscall|file USES_FD | res:ERRNO:DEC dirfd:FD:DEC pathname:FSRELPATH:NA:1 uid:UINT32:DEC
    gid:UINT32:DEC flags:FLAGS32:HEX:fchownat_flags
386 umount > syscall|file OLD_VERSION,MODIFIES_STATE
387 umount < syscall|file MODIFIES_STATE | res:ERRNO:DEC name:FSPATH:NA
388 accept4 > syscall|net OLD_VERSION,CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | flags:INT32:HEX
389 accept4 < syscall|net CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | fd:FD:DEC tuple:SOCKTUPLE:NA
    queuepct:UINT8:DEC queuelen:UINT32:DEC queuemax:UINT32:DEC flags:INT32:HEX
390 umount2 > syscall|file OLD_VERSION,MODIFIES_STATE,CONVERTER_MANAGED | flags:FLAGS32:HEX:umount_flags
391 umount2 < syscall|file MODIFIES_STATE,CONVERTER_MANAGED | res:ERRNO:DEC name:FSPATH:NA
    flags:FLAGS32:HEX:umount_flags
392 pipe2 > syscall|ipc OLD_VERSION,CREATES_FD,MODIFIES_STATE
393 pipe2 < syscall|ipc CREATES_FD,MODIFIES_STATE | res:ERRNO:DEC fd1:FD:DEC fd2:FD:DEC ino:UINT64:DEC
    flags:FLAGS32:HEX:file_flags
394 inotify_init1 > syscall|ipc OLD_VERSION,CREATES_FD,MODIFIES_STATE
395 inotify_init1 < syscall|ipc CREATES_FD,MODIFIES_STATE | res:FD:DEC flags:FLAGS16:HEX:file_flags
396 eventfd2 > syscall|ipc OLD_VERSION,CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | initval:UINT64:DEC
397 eventfd2 < syscall|ipc CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | res:FD:DEC
    flags:FLAGS16:HEX:file_flags initval:UINT64:DEC
398 signalfd4 > syscall|signal OLD_VERSION,CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | fd:FD:DEC
    mask:UINT32:HEX
399 signalfd4 < syscall|signal CREATES_FD,MODIFIES_STATE,CONVERTER_MANAGED | res:FD:DEC
    flags:FLAGS16:HEX:file_flags fd:FD:DEC mask:UINT32:HEX
400 prctl > syscall|process OLD_VERSION,MODIFIES_STATE
401 prctl < syscall|process MODIFIES_STATE | res:ERRNO:DEC option:ENUMFLAGS32:DEC:prctl_options
    arg2_str:CHARBUF:NA arg2_int:INT64:DEC
402 asyncevent > metaevent|other LARGE_PAYLOAD | plugin_id:UINT32:DEC name:CHARBUF:NA data:BYTEBUF:NA
403 NA < unknown UNUSED
404 memfd_create > syscall|memory OLD_VERSION,CREATES_FD,MODIFIES_STATE
405 memfd_create < syscall|memory CREATES_FD,MODIFIES_STATE | fd:FD:DEC name:CHARBUF:NA
    flags:FLAGS32:HEX:memfd_create_flags
406 pidfd_getfd > syscall|process OLD_VERSION,CREATES_FD,MODIFIES_STATE
407 pidfd_getfd < syscall|process CREATES_FD,MODIFIES_STATE | fd:FD:DEC pid_fd:FD:DEC target_fd:FD:DEC
    flags:UINT32:HEX
408 pidfd_open > syscall|process OLD_VERSION,CREATES_FD,MODIFIES_STATE
409 pidfd_open < syscall|process CREATES_FD,MODIFIES_STATE | fd:FD:DEC pid:PID:DEC
    flags:FLAGS32:HEX:pidfd_open_flags
410 init_module > syscall|other OLD_VERSION
411 init_module < syscall|other - | res:ERRNO:DEC img:BYTEBUF:NA length:UINT64:DEC uargs:CHARBUF:NA
412 finit_module > syscall|other OLD_VERSION
413 finit_module < syscall|other USES_FD,READS_FROM_FD | res:ERRNO:DEC fd:FD:DEC uargs:CHARBUF:NA
    flags:FLAGS32:HEX:finit_module_flags
414 mknod > syscall|other OLD_VERSION
415 mknod < syscall|other - | res:ERRNO:DEC path:FSPATH:NA mode:MODE:OCT:mknod_mode dev:UINT32:DEC
416 mknodat > syscall|other OLD_VERSION
417 mknodat < syscall|other USES_FD | res:ERRNO:DEC dirfd:FD:DEC path:FSRELPATH:NA:1 mode:MODE:OCT:mknod_mode
    dev:UINT32:DEC
418 newfstatat > syscall|file OLD_VERSION
419 newfstatat < syscall|file USES_FD | res:ERRNO:DEC dirfd:FD:DEC path:FSRELPATH:NA:1
    flags:FLAGS32:HEX:newfstatat_flags
420 process_vm_readv > syscall|ipc OLD_VERSION
421 process_vm_readv < syscall|ipc - | res:INT64:DEC pid:PID:DEC data:BYTEBUF:NA
422 process_vm_writev > syscall|ipc OLD_VERSION
423 process_vm_writev < syscall|ipc - | res:INT64:DEC pid:PID:DEC data:BYTEBUF:NA
424 delete_module > syscall|other OLD_VERSION
425 delete_module < syscall|other - | res:ERRNO:DEC name:CHARBUF:NA flags:FLAGS32:HEX:delete_module_flags
426 setreuid > syscall|user OLD_VERSION,MODIFIES_STATE
427 setreuid < syscall|user MODIFIES_STATE | res:ERRNO:DEC ruid:UID:DEC euid:UID:DEC
428 setregid > syscall|user OLD_VERSION
429 setregid < syscall|user MODIFIES_STATE | res:ERRNO:DEC rgid:UID:DEC egid:UID:DEC
430 task > iterator|process MODIFIES_STATE | ppid:PID32:DEC pgid:PID32:DEC vpgid:PID32:DEC sid:PID32:DEC
    comm:CHARBUF:NA argv:CHARBUFARRAY:NA exepath:FSPATH:NA flags:FLAGS32:HEX:execve_flags env:CHARBUFARRAY:NA
    cwd:CHARBUF:NA fdlimit:UINT64:DEC euid:UID:DEC egid:GID:DEC cap_permitted:UINT64:HEX
    cap_effective:UINT64:HEX cap_inheritable:UINT64:HEX exe_ino_num:UINT64:DEC exe_ino_ctime:ABSTIME:DEC
    exe_ino_mtime:ABSTIME:DEC vm_size:UINT32:DEC vm_rss:UINT32:DEC vm_swap:UINT32:DEC pgft_maj:UINT64:DEC
    pgft_min:UINT64:DEC vtgid:PID32:DEC vpid:PID32:DEC pidns_init_start_ts:UINT64:DEC cgroups:CHARBUFARRAY:NA
    root:FSPATH:NA start_time:ABSTIME:DEC tty:UINT32:DEC loginuid:UID:DEC
431 NA < unknown UNUSED
432 task_file_pipe > iterator|file MODIFIES_STATE | fd:FD32:DEC path:FSPATH:NA ino_num:UINT64:DEC
433 NA < unknown UNUSED
434 task_file_memfd > iterator|file MODIFIES_STATE | fd:FD32:DEC path:FSPATH:NA ino_num:UINT64:DEC
435 NA < unknown UNUSED
436 task_file_regular > iterator|file MODIFIES_STATE | fd:FD32:DEC path:FSPATH:NA flags:FLAGS32:HEX:file_flags
    mnt_id:UINT32:DEC ino_num:UINT64:DEC
437 NA < unknown UNUSED
438 task_file_directory > iterator|file MODIFIES_STATE | fd:FD32:DEC path:FSPATH:NA ino_num:UINT64:DEC
439 NA < unknown UNUSED
440 task_file_socket_inet > iterator|file MODIFIES_STATE | fd:FD32:DEC sk_type:UINT16:DEC sk_proto:UINT16:DEC
    local_ip:IPV4ADDR:HEX local_port:PORT:HEX remote_ip:IPV4ADDR:HEX remote_port:PORT:HEX ino_num:UINT64:DEC
441 NA < unknown UNUSED
442 task_file_socket_inet6 > iterator|file MODIFIES_STATE | fd:FD32:DEC sk_type:UINT16:DEC sk_proto:UINT16:DEC
    local_ip:IPV6ADDR:HEX local_port:PORT:HEX remote_ip:IPV6ADDR:HEX remote_port:PORT:HEX ino_num:UINT64:DEC
443 NA < unknown UNUSED
444 task_file_socket_unix > iterator|file MODIFIES_STATE | fd:FD32:DEC sk_type:UINT16:DEC sk_proto:UINT16:DEC
    sk_pointer:UINT64:NA sun_path:FSPATH:NA ino_num:UINT64:DEC
445 NA < unknown UNUSED
446 task_file_socket_netlink > iterator|file MODIFIES_STATE | fd:FD32:DEC sk_type:UINT16:DEC
    sk_proto:UINT16:DEC ino_num:UINT64:DEC
447 NA < unknown UNUSED
448 task_file_anon_inode > iterator|file MODIFIES_STATE | fd:FD32:DEC fd_type:FLAGS8:DEC:anon_inode_fd_types
    path:FSPATH:NA ino_num:UINT64:DEC
449 NA < unknown UNUSED
450 NA > unknown UNUSED
451 close_range < syscall|io_other MODIFIES_STATE | res:ERRNO:DEC first:UINT32:DEC last:UINT32:DEC
    flags:FLAGS32:HEX:close_range_flags
452 NA > unknown UNUSED
453 keyctl < syscall|other - | res:ERRNO:DEC operation:ENUMFLAGS32:DEC:keyctl_operations
    arg2:DYNAMIC:DEC:keyctl_dynamic_param arg3:DYNAMIC:DEC:keyctl_dynamic_param
    arg4:DYNAMIC:DEC:keyctl_dynamic_param arg5:DYNAMIC:DEC:keyctl_dynamic_param
"""#
