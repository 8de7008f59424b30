// SPDX-License-Identifier: Apache-2.0

// System call codes (`PPM_SC_*`): the driver's architecture-independent numbering of system calls.
//
// A generic event (`syscall`, codes 0 and 1) carries the `PPM_SC_*` code of the system call in its
// first parameter (`ID`, type SYSCALLID). sysdig shows that call's name as the event type (`> mprotect`)
// and takes evt.category from the table below; it never prints the parameters of a generic event.
//
// Numbering: libs master did NOT renumber. Codes 0..328 mean the same system call in e5c53d64 (sysdig
// 0.29.3, PPM_SC_MAX = 329) and in master; master only appends 329..453 (and leaves 382 unassigned).
// Both libsinsp versions read the SYSCALLID as a `PPM_SC_*` code directly, with no conversion for old
// captures, so one table serves captures of either age. The enum symbols were renamed in a few places
// (PPM_SC_SIGRETURN is RT_SIGRETURN, PPM_SC_NEWFSSTAT is NEWFSTATAT), not their numbers.
//
// Names: for 0..328 we use sysdig 0.29.3's `g_syscall_info_table` (libscap), which is the oracle and
// differs from master's lower-cased symbols in 13 places: 0 `<unknown>` (master `unknown`),
// 283 `newselect` (`_newselect`), 292 `llseek` (`_llseek`), 298 `sigreturn` (`rt_sigreturn`), and the
// 32-bit uid calls 305..313 named without the `32` (`setuid`, `getuid`, ... where master says `setuid32`).
// So `setuid`, `getuid` and the like appear twice. For 329..453 we use master's lower-cased symbols.
//
// Categories: sysdig 0.29.3's table gives each call a category (the subject only, no source bit).
// Master has no such table; calls 329..453 get `other`, the category of the generic event itself.
// (sysdig 0.29.3 leaves the category of an out-of-range code uninitialized; it cannot occur in its
// own captures.)
//
// Text format: `FIRST: name/category name/category ...`, FIRST being the code of the first entry on the
// line; `-` marks an unassigned code and a missing `/category` means `other`.

/// Names and categories of system call codes (`PPM_SC_*`), and the x86_64 native system call numbers.
public enum SyscallNames {
    /// The number of system call codes (`PPM_SC_MAX` of libs master).
    public static let count = 454

    /// The number of system call codes sysdig 0.29.3 knows (its `PPM_SC_MAX`).
    public static let legacyCount = 329

    /// The name sysdig shows for system call code `code` (`PPM_SC_*`), as the type of a generic event, or
    /// `nil` when no call has that code.
    public static func name(forPPMSC code: UInt16) -> String? {
        let index = Int(code)
        return index < syscallTable.names.count ? syscallTable.names[index] : nil
    }

    /// The category sysdig gives a generic event for system call code `code`, or `nil` when no call has
    /// that code.
    public static func category(forPPMSC code: UInt16) -> EventCategory? {
        let index = Int(code)
        guard index < syscallTable.names.count, syscallTable.names[index] != nil else { return nil }
        return syscallTable.categories[index]
    }

    /// The `PPM_SC_*` code of x86_64 system call number `native` (`__NR_*`), or `nil` when the driver
    /// has no code for it. From libs master's `syscall_table.c` and `syscall_compat_x86_64.h`; it agrees
    /// with e5c53d64's routing table on every call both know.
    public static func ppmSC(forNativeX86_64 native: Int) -> UInt16? {
        guard native >= 0, native < nativeX86_64Table.count else { return nil }
        let code = nativeX86_64Table[native]
        return code == noCode ? nil : code
    }
}

private let noCode = UInt16.max

private let syscallTable: (names: [String?], categories: [EventCategory]) = parseSyscallTable(syscallText)

private let nativeX86_64Table: [UInt16] = parseNativeTable(nativeX86_64Text)

private func parseSyscallTable(_ text: String) -> (names: [String?], categories: [EventCategory]) {
    var names: [String?] = []
    var categories: [EventCategory] = []
    forEachSchemaEntry(text) { words in
        guard let first = words.first, first.hasSuffix(UInt8(ascii: ":")), first.dropLast().decimal == names.count else {
            fatalError("syscall table: bad or out-of-order line \(words.text)")
        }
        for word in words.dropFirst() {
            if word == "-" {
                names.append(nil)
                categories.append(.other)
                continue
            }
            let parts = word.split(UInt8(ascii: "/"))
            names.append(parts[0].string)
            categories.append(parts.count > 1 ? syscallCategory(parts[1]) : .other)
        }
    }
    guard names.count == SyscallNames.count else { fatalError("syscall table: \(names.count) codes") }
    return (names, categories)
}

private func syscallCategory(_ word: SchemaSpan) -> EventCategory {
    switch word {
    case "other": return .other
    case "file": return .file
    case "net": return .net
    case "ipc": return .ipc
    case "memory": return .memory
    case "process": return .process
    case "sleep": return .sleep
    case "system": return .system
    case "signal": return .signal
    case "user": return .user
    case "time": return .time
    case "io_read": return .ioRead
    case "io_write": return .ioWrite
    case "io_other": return .ioOther
    case "wait": return .wait
    default: fatalError("syscall table: bad category \(word)")
    }
}

private func parseNativeTable(_ text: String) -> [UInt16] {
    var table: [UInt16] = []
    forEachSchemaEntry(text) { words in
        for word in words {
            let pair = word.split(UInt8(ascii: ":"))
            guard pair.count == 2, let native = pair[0].decimal, let code = pair[1].decimal, code < noCode,
                native >= table.count
            else { fatalError("native syscall table: bad entry \(word)") }
            table.append(contentsOf: repeatElement(noCode, count: native - table.count))
            table.append(UInt16(code))
        }
    }
    return table
}

// MARK: - The tables

// PPM_SC code -> name/category.
private let syscallText = #"""
0: <unknown>/other restart_syscall/system exit/process read/io_read write/io_write open/file close/file
7: creat/file link/file unlink/file chdir/file time/time mknod/file chmod/file stat/file lseek/file
16: getpid/process mount/file ptrace/other alarm/time fstat/file pause/wait utime/time access/file
24: sync/io_other kill/ipc rename/file mkdir/file rmdir/file dup/io_other pipe/ipc times/time brk/memory
33: acct/process ioctl/io_other fcntl/wait setpgid/process umask/process chroot/ipc ustat/file dup2/io_other
41: getppid/process getpgrp/process setsid/process sethostname/system setrlimit/process getrusage/process
47: gettimeofday/time settimeofday/time symlink/file lstat/file readlink/file uselib/process swapon/process
54: reboot/system mmap/file munmap/file truncate/file ftruncate/file fchmod/file getpriority/process
61: setpriority/process statfs/file fstatfs/file syslog/system setitimer/time getitimer/time uname/system
68: vhangup/other wait4/wait swapoff/system sysinfo/system fsync/io_other setdomainname/system adjtimex/system
75: mprotect/memory init_module/system delete_module/system quotactl/system getpgid/process fchdir/file
81: sysfs/system personality/process getdents/file select/wait flock/file msync/io_other readv/io_read
88: writev/io_write getsid/process fdatasync/io_other mlock/memory munlock/memory mlockall/memory
94: munlockall/memory sched_setparam/process sched_getparam/process sched_setscheduler/process
98: sched_getscheduler/process sched_yield/sleep sched_get_priority_max/process sched_get_priority_min/process
102: sched_rr_get_interval/process nanosleep/sleep mremap/file poll/wait prctl/process rt_sigaction/signal
108: rt_sigprocmask/signal rt_sigpending/signal rt_sigtimedwait/signal rt_sigqueueinfo/signal
112: rt_sigsuspend/signal getcwd/file capget/process capset/process sendfile/file getrlimit/process
118: lchown/file getuid/user getgid/user geteuid/user getegid/user setreuid/user setregid/user getgroups/user
126: setgroups/user fchown/file setresuid/user getresuid/user setresgid/user getresgid/user chown/file
133: setuid/user setgid/user setfsuid/user setfsgid/user pivot_root/process mincore/memory madvise/memory
140: gettid/process setxattr/file lsetxattr/file fsetxattr/file getxattr/file lgetxattr/file fgetxattr/file
147: listxattr/file llistxattr/file flistxattr/file removexattr/file lremovexattr/file fremovexattr/file
153: tkill/signal futex/ipc sched_setaffinity/process sched_getaffinity/process set_thread_area/process
158: get_thread_area/process io_setup/io_other io_destroy/io_other io_getevents/io_other io_submit/io_other
163: io_cancel/io_other exit_group/io_other epoll_create/wait epoll_ctl/wait epoll_wait/wait
168: remap_file_pages/file set_tid_address/process timer_create/time timer_settime/time timer_gettime/time
173: timer_getoverrun/time timer_delete/time clock_settime/time clock_gettime/time clock_getres/time
178: clock_nanosleep/sleep tgkill/signal utimes/file mq_open/ipc mq_unlink/ipc mq_timedsend/ipc
184: mq_timedreceive/ipc mq_notify/ipc mq_getsetattr/ipc kexec_load/system waitid/wait add_key/system
190: request_key/system keyctl/system ioprio_set/process ioprio_get/process inotify_init/ipc
195: inotify_add_watch/ipc inotify_rm_watch/ipc openat/file mkdirat/file mknodat/file fchownat/file
201: futimesat/file unlinkat/file renameat/file linkat/file symlinkat/file readlinkat/file fchmodat/file
208: faccessat/file pselect6/wait ppoll/wait unshare/process set_robust_list/process get_robust_list/process
214: splice/ipc tee/ipc vmsplice/ipc getcpu/process epoll_pwait/wait utimensat/file signalfd/signal
221: timerfd_create/time eventfd/ipc timerfd_settime/time timerfd_gettime/time signalfd4/signal eventfd2/ipc
227: epoll_create1/wait dup3/io_other pipe2/ipc inotify_init1/ipc preadv/io_read pwritev/io_write
233: rt_tgsigqueueinfo/other perf_event_open/other fanotify_init/ipc prlimit64/process clock_adjtime/other
238: syncfs/file setns/process getdents64/ipc socket/net bind/net connect/net listen/net accept/net
246: getsockname/net getpeername/net socketpair/net sendto/net recvfrom/net shutdown/net setsockopt/net
253: getsockopt/net sendmsg/net sendmmsg/net recvmsg/net recvmmsg/net accept4/net semop/ipc semget/ipc
261: semctl/ipc msgsnd/ipc msgrcv/ipc msgget/ipc msgctl/ipc shmdt/ipc shmget/ipc shmctl/ipc statfs64/file
270: fstatfs64/file fstatat64/file sendfile64/file ugetrlimit/process bdflush/other sigprocmask/signal ipc/ipc
277: socketcall/net stat64/file lstat64/file fstat64/file fcntl64/file mmap2/file newselect/wait
284: sgetmask/signal ssetmask/signal sigpending/signal olduname/system umount/file signal/signal nice/process
291: stime/time llseek/file waitpid/wait pread64/file pwrite64/file arch_prctl/process shmat/ipc
298: sigreturn/signal fallocate/io_other newfstatat/io_other process_vm_readv/io_other
302: process_vm_writev/io_other fork/io_other vfork/io_other setuid/io_other getuid/io_other setgid/io_other
308: geteuid/io_other getgid/io_other setresuid/io_other setresgid/io_other getresuid/io_other
313: getresgid/io_other finit_module/system bpf/other seccomp/other sigaltstack/io_other getrandom/io_other
319: fadvise64/io_other renameat2/file userfaultfd/file openat2/file umount2/file execve/system
325: execveat/system copy_file_range/file clone/process clone3/process open_by_handle_at io_uring_setup
331: io_uring_enter io_uring_register mlock2 getegid32 fsconfig fspick fsmount fsopen open_tree move_mount
341: mount_setattr memfd_create memfd_secret ioperm kexec_file_load pidfd_getfd pidfd_open pidfd_send_signal
349: pkey_alloc pkey_mprotect pkey_free landlock_create_ruleset quotactl_fd landlock_restrict_self
355: landlock_add_rule epoll_pwait2 migrate_pages move_pages preadv2 pwritev2 kcmp sched_setattr mbind
364: epoll_ctl_old lookup_dcookie modify_ldt statx set_mempolicy io_pgetevents set_mempolicy_home_node
371: semtimedop get_kernel_syms readahead futex_waitv getpmsg name_to_handle_at process_mrelease nfsservctl
379: epoll_wait_old rseq create_module - sched_getattr faccessat2 _sysctl query_module get_mempolicy
388: sync_file_range process_madvise membarrier iopl close_range fanotify_mark recv send sched_process_exit
397: sched_switch page_fault_user page_fault_kernel signal_deliver timerfd s390_pci_mmio_read sigaction
404: s390_pci_mmio_write readdir s390_sthyi sigsuspend idle s390_runtime_instr sigreturn s390_guarded_storage
412: cachestat fchmodat2 map_shadow_stack riscv_flush_icache riscv_hwprobe futex_wake futex_requeue futex_wait
420: oldstat switch_endian multiplexer oldlstat spu_create sync_file_range2 oldfstat spu_run swapcontext
429: pciconfig_write rtas pciconfig_read sys_debug_setcontext vm86 oldolduname subpage_prot pciconfig_iobase
437: listmount statmount lsm_get_self_attr lsm_set_self_attr lsm_list_modules mseal uretprobe removexattrat
445: listxattrat getxattrat setxattrat open_tree_attr file_getattr file_setattr listns uprobe rseq_slice_yield
"""#

// x86_64 native number:PPM_SC code, in native order.
private let nativeX86_64Text = #"""
0:3 1:4 2:5 3:6 4:14 5:20 6:50 7:105 8:15 9:55 10:75 11:56 12:32 13:107 14:108 15:298 16:34 17:294 18:295
19:87 20:88 21:23 22:30 23:84 24:99 25:104 26:86 27:138 28:139 29:267 30:297 31:268 32:29 33:40 34:21 35:103
36:66 37:19 38:65 39:16 40:116 41:241 42:243 43:245 44:249 45:250 46:254 47:256 48:251 49:242 50:244 51:246
52:247 53:248 54:252 55:253 56:327 57:303 58:304 59:324 60:2 61:69 62:25 63:67 64:260 65:259 66:261 67:266
68:264 69:262 70:263 71:265 72:35 73:85 74:72 75:90 76:57 77:58 78:83 79:113 80:10 81:80 82:26 83:27 84:28
85:7 86:8 87:9 88:49 89:51 90:13 91:59 92:132 93:127 94:118 95:37 96:47 97:117 98:46 99:71 100:31 101:18
102:119 103:64 104:120 105:133 106:134 107:121 108:122 109:36 110:41 111:42 112:43 113:123 114:124 115:125
116:126 117:128 118:129 119:130 120:131 121:79 122:135 123:136 124:89 125:114 126:115 127:109 128:110 129:111
130:112 131:317 132:22 133:12 135:82 136:39 137:62 138:63 139:81 140:60 141:61 142:95 143:96 144:97 145:98
146:100 147:101 148:102 149:91 150:92 151:93 152:94 153:68 154:366 155:137 157:106 158:296 159:74 160:45
161:38 162:24 163:33 164:48 165:17 166:323 167:53 168:70 169:54 170:44 171:73 172:391 173:344 175:76 176:77
179:78 186:140 187:373 188:141 189:142 190:143 191:144 192:145 193:146 194:147 195:148 196:149 197:150 198:151
199:152 200:153 201:11 202:154 203:155 204:156 205:157 206:159 207:160 208:161 209:162 210:163 211:158 212:365
213:165 214:364 215:379 216:168 217:240 218:169 219:1 220:371 221:319 222:170 223:171 224:172 225:173 226:174
227:175 228:176 229:177 230:178 231:164 232:167 233:166 234:179 235:180 237:363 238:368 239:387 240:181
241:182 242:183 243:184 244:185 245:186 246:187 247:188 248:189 249:190 250:191 251:192 252:193 253:194
254:195 255:196 256:357 257:197 258:198 259:199 260:200 261:201 262:300 263:202 264:203 265:204 266:205
267:206 268:207 269:208 270:209 271:210 272:211 273:212 274:213 275:214 276:215 277:388 278:216 279:358
280:219 281:218 282:220 283:221 284:222 285:299 286:223 287:224 288:258 289:225 290:226 291:227 292:228
293:229 294:230 295:231 296:232 297:233 298:234 299:257 300:235 301:393 302:236 303:376 304:329 305:237
306:238 307:255 308:239 309:217 310:301 311:302 312:361 313:314 314:362 315:383 316:320 317:316 318:318
319:342 320:345 321:315 322:325 323:321 324:390 325:333 326:326 327:359 328:360 329:350 330:349 331:351
332:367 333:369 334:380 335:443 336:452 424:348 425:330 426:331 427:332 428:339 429:340 430:338 431:335
432:337 433:336 434:347 435:328 436:392 437:322 438:346 439:384 440:389 441:356 442:341 443:353 444:352
445:355 446:354 447:343 448:377 449:374 450:370 451:412 452:413 453:414 454:417 455:419 456:418 457:438
458:437 459:439 460:440 461:441 462:442 463:447 464:446 465:445 466:444 467:448 468:449 469:450 470:451
471:453
"""#
