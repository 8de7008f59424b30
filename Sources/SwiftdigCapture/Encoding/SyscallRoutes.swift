// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// Where sysdig 0.29.3's drivers send each x86_64 system call: the enter and exit event codes of
/// its `g_syscall_table` (libs e5c53d64 driver/syscall_table.c), its drop flags, and the `PPM_SC_*`
/// code a generic event carries.
///
/// Every native number below ``tableSize`` produces events: a call with a row here gets its own
/// codes, any other the generic `syscall` pair (codes 0 and 1) with its `PPM_SC_*` code (0 when
/// 0.29.3's routing table has none). Numbers at or past ``tableSize`` produce nothing, as in 0.29.3.
public struct SyscallRoute: Sendable, Hashable {
    /// Drop behaviour of the driver's table (`UF_*`), kept for the capture's sampling modes.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        /// Creates flags from their bits.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `UF_NEVER_DROP`: kept even when the capture samples.
        public static let neverDrop = Flags(rawValue: 1 << 0)
        /// `UF_ALWAYS_DROP`: the first dropped when the capture samples.
        public static let alwaysDrop = Flags(rawValue: 1 << 1)
        /// `UF_SIMPLEDRIVER_KEEP`: kept in simple-driver mode.
        public static let simpleDriverKeep = Flags(rawValue: 1 << 2)
    }

    /// The x86_64 system call number.
    public let native: Int
    /// The enter event code (`PPME_*_E`).
    public let enter: UInt16
    /// The exit event code (`PPME_*_X`).
    public let exit: UInt16
    /// Drop flags.
    public let flags: Flags
    /// The `PPM_SC_*` code of the call in sysdig 0.29.3's routing table (0 when it has none).
    public let ppmSC: UInt16

    /// Whether the call goes through the generic `syscall` events.
    public var isGeneric: Bool { enter == EventCode.genericE }
}

/// The routing table, data parsed once.
public enum SyscallRoutes {
    /// How many native numbers the driver routes (`SYSCALL_TABLE_SIZE`).
    public static let tableSize = 512

    /// The route of native call `native`, or `nil` when it is outside the table.
    @inline(__always) public static func route(forNative native: Int) -> SyscallRoute? {
        native >= 0 && native < tableSize ? flat[native] : nil
    }

    /// ``table`` as plain memory for the hot path (no reference counting per lookup).
    nonisolated(unsafe) private static let flat: UnsafePointer<SyscallRoute> = {
        let p = UnsafeMutablePointer<SyscallRoute>.allocate(capacity: tableSize)
        p.initialize(from: table, count: tableSize)
        return UnsafePointer(p)
    }()

    /// The rows of 0.29.3's table (a few route to the generic events), in native order.
    public static var rows: [SyscallRoute] { parsedRows }

    static let table: [SyscallRoute] = {
        var routes = (0..<tableSize).map {
            SyscallRoute(native: $0, enter: EventCode.genericE, exit: EventCode.genericX, flags: [], ppmSC: legacyPPMSC($0))
        }
        for row in parsedRows { routes[row.native] = row }
        return routes
    }()

    /// 0.29.3's `PPM_SC_*` code of `native`: Core's table (libs master) agrees with 0.29.3 on every
    /// code 0.29.3 has, except where 0.29.3 maps a call master dropped (see `scExceptions`).
    static func legacyPPMSC(_ native: Int) -> UInt16 {
        if let code = scExceptions[native] { return code }
        guard let code = SyscallNames.ppmSC(forNativeX86_64: native), Int(code) < SyscallNames.legacyCount else {
            return 0
        }
        return code
    }

    private static let parsedRows: [SyscallRoute] = parseRoutes(routesText)
}

private func parseRoutes(_ text: String) -> [SyscallRoute] {
    var rows: [SyscallRoute] = []
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
        let parts = word.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 4, let native = Int(parts[0]), let enter = UInt16(parts[2]), let exit = UInt16(parts[3]) else {
            fatalError("syscall routes: bad entry \(word)")
        }
        var flags: SyscallRoute.Flags = []
        for letter in parts.count > 4 ? parts[4] : "" {
            switch letter {
            case "N": flags.insert(.neverDrop)
            case "A": flags.insert(.alwaysDrop)
            case "S": flags.insert(.simpleDriverKeep)
            default: fatalError("syscall routes: bad flag in \(word)")
            }
        }
        rows.append(
            SyscallRoute(
                native: native, enter: enter, exit: exit, flags: flags, ppmSC: SyscallRoutes.legacyPPMSC(native)))
    }
    return rows
}

/// Natives whose 0.29.3 `PPM_SC_*` code Core's (master) table lacks: uselib.
private let scExceptions: [Int: UInt16] = [134: 52]

// sysdig 0.29.3's g_syscall_table on x86_64, as `native:name:enter:exit[:flags]`; flags N =
// UF_NEVER_DROP, A = UF_ALWAYS_DROP, S = UF_SIMPLEDRIVER_KEEP (every row is UF_USED). The name is
// documentation only.
private let routesText = """
0:read:6:7 1:write:8:9 2:open:2:3:N 3:close:4:5:NS 4:stat:66:67:A 5:fstat:70:71:A 6:lstat:68:69:A
7:poll:80:81:A 8:lseek:86:87:A 9:mmap:160:161:A 10:mprotect:328:329 11:munmap:164:165:A 12:brk:158:159:A
16:ioctl:170:171:A 17:pread64:112:113 18:pwrite64:114:115 19:readv:116:117 20:writev:118:119
21:access:264:265:A 22:pipe:60:61:N 23:select:82:83:A 32:dup:124:125:NS 33:dup2:124:125:NS 34:pause:0:1:A
35:nanosleep:134:135:A 37:alarm:0:1:A 40:sendfile:188:189 41:socket:18:19:NS 42:connect:22:23:S
43:accept:246:247:S 44:sendto:30:31 45:recvfrom:34:35 46:sendmsg:48:49 47:recvmsg:52:53 48:shutdown:36:37
49:bind:20:21:N 50:listen:24:25 51:getsockname:38:39:A 52:getpeername:40:41:A 53:socketpair:42:43:N
54:setsockopt:44:45:A 55:getsockopt:46:47 56:clone:222:223:NS 57:fork:224:225:NS 58:vfork:226:227:NS
59:execve:292:293:NS 62:kill:128:129 64:semget:262:263:A 65:semop:250:251:A 66:semctl:252:253:A
72:fcntl:150:151 73:flock:242:243:A 78:getdents:236:237:A 79:getcwd:92:93:A 80:chdir:94:95:NS
81:fchdir:96:97:NS 82:rename:174:175 83:mkdir:276:277 84:rmdir:278:279 85:creat:58:59:N 86:link:308:309
87:unlink:300:301 88:symlink:178:179 90:chmod:314:315 91:fchmod:316:317 94:lchown:0:1 97:getrlimit:140:141:N
101:ptrace:168:169 102:getuid:202:203 103:syslog:0:1:A 104:getgid:206:207 105:setuid:198:199 106:setgid:200:201
107:geteuid:204:205 108:getegid:208:209 109:setpgid:294:295:A 112:setsid:274:275:A 117:setresuid:192:193
118:getresuid:210:211 119:setresgid:194:195 120:getresgid:212:213 132:utime:0:1:A 134:uselib:0:1:A
142:sched_setparam:0:1:A 143:sched_getparam:0:1:A 160:setrlimit:142:143:N 161:chroot:266:267:N
165:mount:256:257 166:umount2:258:259 179:quotactl:190:191 200:tkill:130:131 202:futex:64:65:A
213:epoll_create:0:1:A 217:getdents64:238:239:A 232:epoll_wait:78:79:A 233:epoll_ctl:0:1:A 234:tgkill:132:133
253:inotify_init:138:139:N 257:openat:306:307:N 258:mkdirat:304:305 263:unlinkat:302:303 264:renameat:176:177
265:linkat:310:311 266:symlinkat:180:181 268:fchmodat:312:313 270:pselect6:0:1:A 271:ppoll:254:255:A
272:unshare:284:285:A 275:splice:166:167 282:signalfd:126:127:N 283:timerfd_create:136:137:N
284:eventfd:62:63:N 288:accept4:248:249:S 289:signalfd4:126:127:N 290:eventfd2:62:63:N 292:dup3:124:125:NS
293:pipe2:60:61:N 294:inotify_init1:138:139:N 295:preadv:120:121 296:pwritev:122:123 299:recvmmsg:54:55
302:prlimit64:144:145:N 307:sendmmsg:50:51 308:setns:240:241 310:process_vm_readv:0:1 311:process_vm_writev:0:1
316:renameat2:318:319 317:seccomp:298:299 321:bpf:296:297 322:execveat:330:331:NS 323:userfaultfd:320:321:N
326:copy_file_range:332:333 435:clone3:334:335:NS 437:openat2:326:327
"""
