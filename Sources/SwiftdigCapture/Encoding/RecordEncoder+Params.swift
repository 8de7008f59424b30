// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif
import SwiftdigCore
import SwiftdigDriverABI

extension RecordEncoder {
    /// Writes one parameter of type `type` as recipe `param` says. Returns false when sysdig
    /// 0.29.3's driver would have dropped the whole event: it gives up on an event whose user
    /// memory it cannot read (a string or buffer behind a bad pointer), and counts a drop.
    func put(_ param: RecipeParam, type: ParamType, _ r: RecordView, route: SyscallRoute?) -> Bool {
        let ret = r.ret
        @inline(__always) func arg(_ i: UInt8) -> UInt64 { r.arg(i) }
        @inline(__always) func number(_ v: UInt64) { putNumber(v, type) }
        let chunk0 = r.chunk(param.chunk0), chunk1 = r.chunk(param.chunk1)
        switch param.op {
        case .ret: number(UInt64(bitPattern: ret))
        case .arg: number(arg(param.x))
        case .intArg: number(UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: arg(param.x)))))
        case .zero: number(0)
        case .minusOne: number(UInt64.max)
        case .convert:
            let conversion = Conversion(rawValue: param.z)!
            if conversion == .sockoptName && arg(param.x) != 1 {
                number(0)  // Only SOL_SOCKET options have names.
            } else {
                number(conversion.convert(arg(conversion == .sockoptName ? param.y : param.x)))
            }
        case .openMode:
            number(arg(param.x) & 0x41_0040 != 0 ? Conversion.fileMode.convert(arg(param.y)) : 0)
        case .creatMode: number(Conversion.fileMode.convert(arg(param.x)))
        case .mountFlags:
            let flags = arg(param.x)
            number(flags & 0xFFFF_0000 == 0xC0ED_0000 ? flags & ~0xFFFF_0000 : flags)
        case .recordTid: number(UInt64(r.tid))
        case .genericCode: number(UInt64(route?.ppmSC ?? 0))
        case .nativeNumber: number(UInt64(r.nr))
        case .exitStatus: number(UInt64(bitPattern: ret))
        case .exitCode: number(UInt64(ret >> 8) & 0xFF)
        case .exitSignal:
            let signal = ret & 0x7F
            number(signal != 0 && signal != 0x7F ? UInt64(signal) : 0)
        case .exitCore: number(ret & 0x80 != 0 ? 1 : 0)
        case .faultFlags: number(Self.faultFlags(arg(param.x)))
        case .userString, .copiedString, .execFilename:
            if arg(param.x) == 0 {
                writer.appendCString("(NULL)")
            } else if chunk0.isEmpty {
                // Unreadable: the enter fillers that copy the path first say (NULL), execve <NA>.
                switch param.op {
                case .copiedString: writer.appendCString("(NULL)")
                case .execFilename: writer.appendCString("<NA>")
                default: return false
                }
            } else {
                writer.appendCString(chunk0)
            }
        case .readBuffer:
            if ret > 0 && arg(param.x) != 0 && chunk0.isEmpty { return false }
            if ret >= 0 { writer.appendBytes(chunk0) }
        case .writeBuffer:
            if arg(param.x) != 0 && arg(param.y) != 0 && chunk0.isEmpty { return false }
            writer.appendBytes(chunk0)
        case .fileDev: number(UInt64(chunk0.integer(at: 8, as: UInt32.self)))
        case .sockaddr:
            // With a third operand, that fd must be valid (connect's entry packs nothing for a bad one).
            if param.z == RecipeParam.none || Int32(truncatingIfNeeded: arg(param.z)) >= 0 {
                SocketPacking.packSockaddr(chunk0, into: &writer)
            }
        case .tupleOut:
            if arg(param.y) != 0 && arg(param.z) != 0 {
                SocketPacking.packTuple(socket: chunk0, user: chunk1, inbound: false, into: &writer)
            }
        case .tupleIn:
            if ret >= 0 && arg(param.y) != 0 && arg(param.z) != 0 && !chunk1.isEmpty {
                SocketPacking.packTuple(socket: chunk0, user: chunk1, inbound: true, into: &writer)
            }
        case .acceptTuple: SocketPacking.packTuple(socket: chunk0, user: nil, inbound: true, into: &writer)
        case .queuePercent, .queueLength, .queueMax:
            let length = UInt64(chunk0.integer(at: 0, as: UInt32.self)), max = UInt64(chunk0.integer(at: 4, as: UInt32.self))
            switch param.op {
            case .queuePercent: number(max == 0 ? 0 : length * 100 / max)
            case .queueLength: number(length)
            default: number(max)
            }
        case .pairSource, .pairPeer:
            number(ret < 0 ? 0 : chunk0.integer(at: param.op == .pairSource ? 48 : 56, as: UInt64.self))
        case .semopEntry:
            // Two sembufs {u16 num, i16 op, i16 flags}; none at all without entries or a pointer.
            let entry = Int(param.z) / 3, field = Int(param.z) % 3
            guard arg(param.y) != 0 && arg(param.x) != 0 else { break }
            if UInt64(entry) >= arg(param.y) {
                number(0)
            } else if chunk0.count < (entry + 1) * 6 {
                return false
            } else {
                let raw = UInt64(chunk0.integer(at: entry * 6 + field * 2, as: UInt16.self))
                number(field == 2 ? Conversion.semopFlags.convert(raw) : raw)
            }
        case .iovReadSize: number(Self.clampToResult(chunk0.integer(at: 0, as: UInt64.self), ret))
        case .iovReadData: if ret > 0 { writer.appendBytes(UnsafeRawBufferPointer(rebasing: chunk0.dropFirst(8))) }
        case .iovWriteSize: number(chunk0.integer(at: 0, as: UInt64.self))
        case .iovWriteData: writer.appendBytes(UnsafeRawBufferPointer(rebasing: chunk0.dropFirst(8)))
        case .msgWriteSize: number(chunk0.integer(at: 0, as: UInt64.self))
        case .msgWriteData: writer.appendBytes(Self.msghdrData(chunk0))
        case .msgWriteTuple:
            let name = Self.msghdrName(chunk1)
            if !name.isEmpty { SocketPacking.packTuple(socket: chunk0, user: name, inbound: false, into: &writer) }
        case .msgReadSize: number(Self.clampToResult(chunk0.integer(at: 0, as: UInt64.self), ret))
        case .msgReadData: if ret > 0 { writer.appendBytes(Self.msghdrData(chunk0)) }
        case .msgReadTuple:
            let name = Self.msghdrName(chunk1)
            if ret >= 0 && !name.isEmpty {
                SocketPacking.packTuple(socket: chunk0, user: name, inbound: true, into: &writer)
            }
        case .pollIn, .pollOut: putPollFds(chunk0, count: arg(param.y), enter: param.op == .pollIn)
        case .timespec: number(Self.nanoseconds(chunk0))
        case .timespecOrMinusOne: number(arg(param.x) == 0 ? UInt64.max : Self.nanoseconds(chunk0))
        case .userU64: number(arg(param.x) == 0 ? 0 : chunk0.integer(at: 0, as: UInt64.self))
        case .userU32, .getsockoptLen:
            if chunk0.count < 4 { return false }  // the driver's copy failed: it drops the event
            number(UInt64(chunk0.integer(at: 0, as: UInt32.self)))
        case .pipeFd0, .pipeFd1:
            if chunk0.count < 8 { return false }
            number(UInt64(bitPattern: Int64(chunk0.integer(at: param.op == .pipeFd0 ? 0 : 4, as: Int32.self))))
        case .pipeIno:
            number(ret >= 0 && chunk0.count >= 4 ? Self.inode(tid: r.tid, fd: chunk0.integer(at: 0, as: Int32.self)) : 0)
        case .pairFd0, .pairFd1:
            number(ret < 0 ? 0 : UInt64(bitPattern: Int64(chunk0.integer(at: param.op == .pairFd0 ? 0 : 4, as: Int32.self))))
        case .rlimitCur, .rlimitMax, .rlimitCurIfOK, .rlimitMaxIfOK:
            let needsSuccess = param.op == .rlimitCurIfOK || param.op == .rlimitMaxIfOK
            let offset = param.op == .rlimitCur || param.op == .rlimitCurIfOK ? 0 : 8
            if (needsSuccess && ret < 0) || arg(param.x) == 0 || chunk0.count < 16 {
                number(UInt64.max)
            } else {
                number(chunk0.integer(at: offset, as: UInt64.self))
            }
        case .howFlags: number(Conversion.openFlags.convert(chunk0.integer(at: 0, as: UInt64.self)))
        case .howMode:
            let flags = chunk0.integer(at: 0, as: UInt64.self)
            number(flags & 0x41_0040 != 0 ? Conversion.fileMode.convert(chunk0.integer(at: 8, as: UInt64.self)) : 0)
        case .howResolve: number(Conversion.openat2Resolve.convert(chunk0.integer(at: 16, as: UInt64.self)))
        case .setsockoptVal:
            putSockoptValue(level: arg(1), name: arg(2), value: chunk0, length: Int(truncatingIfNeeded: arg(param.y)))
        case .getsockoptVal:
            putSockoptValue(level: arg(1), name: arg(2), value: chunk0, length: Int(chunk1.integer(at: 0, as: UInt32.self)))
        case .ptraceAddr:
            writer.appendByte(0)
            writer.appendInteger(ret < 0 ? 0 : arg(param.x), width: 8)
        case .ptraceData: putPtraceData(request: arg(0), value: arg(param.x), peeked: chunk0, ret: ret)
        case .bpfResult:
            let fd = ret >= 0 && (arg(param.x) == 0 || arg(param.x) == 5)
            writer.appendByte(fd ? 0 : 1)
            writer.appendInteger(UInt64(bitPattern: ret), width: 8)
        case .quotaId, .quotaFormatIn, .quotaFilePath, .quotaBlock, .quotaInfo, .quotaFormatOut:
            return putQuota(param, command: Conversion.quotaCmd.convert(arg(param.x)), value: arg(param.y), chunk0)
        case .semctlVal:
            // SETVAL's value; for any other command the filler writes the command itself.
            number(arg(param.x) == 16 ? arg(param.y) : arg(param.x))
        default: putProcess(param, type: type, r, process: ProcessInfoView(chunk0), extra: chunk1)
        }
        return true
    }

    /// A number in the width of `type`; variable-length types get no bytes.
    @inline(__always) func putNumber(_ value: UInt64, _ type: ParamType) {
        if let width = type.fixedWidth { writer.appendInteger(value, width: width) }
    }

    /// Size of a read: the iovec total, cut to the result as the driver compares them (unsigned).
    @inline(__always) static func clampToResult(_ total: UInt64, _ ret: Int64) -> UInt64 {
        total > UInt64(bitPattern: ret) ? UInt64(bitPattern: ret) : total
    }

    /// `sec * 10^9 + nsec` of a user timespec, 0 when unread.
    static func nanoseconds(_ chunk: UnsafeRawBufferPointer) -> UInt64 {
        chunk.integer(at: 0, as: UInt64.self) &* 1_000_000_000 &+ chunk.integer(at: 8, as: UInt64.self)
    }

    /// msg_name's bytes of a `SD_CAP_MSGHDR` chunk.
    static func msghdrName(_ chunk: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let length = Int(chunk.integer(at: 8, as: UInt32.self))
        let start = min(16, chunk.count), end = min(16 + length, chunk.count)
        return UnsafeRawBufferPointer(rebasing: chunk[start..<end])
    }

    /// The gathered data of a `SD_CAP_MSGHDR` chunk.
    static func msghdrData(_ chunk: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        let start = min(16 + Int(chunk.integer(at: 8, as: UInt32.self)), chunk.count)
        return UnsafeRawBufferPointer(rebasing: chunk[start...])
    }

    /// `pf_flags_to_scap`: each of the first three error-code bits picks one of two flags.
    static func faultFlags(_ error: UInt64) -> UInt64 {
        var flags: UInt64 = error & 1 != 0 ? 0x1 : 0x2  // protection violation / page not present
        flags |= error & 2 != 0 ? 0x4 : 0x8  // write / read access
        flags |= error & 4 != 0 ? 0x10 : 0x20  // user / supervisor fault
        if error & 8 != 0 { flags |= 0x40 }  // reserved page
        if error & 0x10 != 0 { flags |= 0x80 }  // instruction fetch
        return flags
    }

    /// The inode of thread `tid`'s fd `fd`, read from /proc (pipe exits name their pipe by it).
    static func inode(tid: UInt32, fd: Int32) -> UInt64 {
        ProcPath.with(tid: tid, "fd", number: fd) { path in
            var info = stat()
            return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
        }
    }

    /// quotactl's parameters: which depend on the command (`PPM_Q_*` in `command`); `value` is
    /// the argument (an id, a format, or the address of the structure read into `chunk`).
    func putQuota(_ param: RecipeParam, command: UInt64, value: UInt64, _ chunk: UnsafeRawBufferPointer) -> Bool {
        let q = (getQuota: UInt64(0x20), setQuota: UInt64(0x40), getInfo: UInt64(0x8), setInfo: UInt64(0x10),
                 getFormat: UInt64(0x4), quotaOn: UInt64(0x1), xGetQuota: UInt64(0x400), xSetLimit: UInt64(0x800))
        switch param.op {
        case .quotaId:
            let takesId = command == q.getQuota || command == q.setQuota || command == q.xGetQuota || command == q.xSetLimit
            writer.appendInteger(takesId ? value : 0, width: 4)
        case .quotaFormatIn:
            writer.appendInteger(command == q.quotaOn ? Conversion.quotaFormat.convert(value) : 1, width: 1)
        case .quotaFilePath:
            if command == q.quotaOn {
                if value == 0 { writer.appendCString("(NULL)") } else if chunk.isEmpty { return false } else { writer.appendCString(chunk) }
            } else {
                writer.appendByte(0)
            }
        case .quotaBlock:
            // if_dqblk: limits, usage and times as u64s (curinodes at 5), then dqb_valid at 64.
            let readsBlock = command == q.getQuota || command == q.setQuota
            if readsBlock && chunk.count < 72 { return false }
            let valid = readsBlock ? chunk.integer(at: 64, as: UInt32.self) : 0
            let field = Int(param.z)
            let validBit: UInt32 = field < 2 ? 1 : field == 2 ? 2 : field < 5 ? 4 : field == 5 ? 8 : field == 6 ? 16 : 32  // QIF_*
            writer.appendInteger(valid & validBit != 0 ? chunk.integer(at: field * 8, as: UInt64.self) : 0, width: 8)
        case .quotaInfo:
            let readsInfo = command == q.getInfo || command == q.setInfo
            if readsInfo && chunk.count < 24 { return false }
            let valid = readsInfo ? chunk.integer(at: 20, as: UInt32.self) : 0
            let field = Int(param.z)
            let value = valid & (1 << UInt32(field)) != 0  // IIF_BGRACE, IIF_IGRACE, IIF_FLAGS
                ? (field == 2 ? UInt64(chunk.integer(at: 16, as: UInt32.self)) : chunk.integer(at: field * 8, as: UInt64.self)) : 0
            writer.appendInteger(value, width: field == 2 ? 1 : 8)
        default:
            if command == q.getFormat {
                if chunk.count < 4 { return false }
                writer.appendInteger(Conversion.quotaFormat.convert(UInt64(chunk.integer(at: 0, as: UInt32.self))), width: 1)
            } else {
                writer.appendInteger(1, width: 1)  // QFMT_NOT_USED
            }
        }
        return true
    }

    /// A poll fd list: u16 count, then (i64 fd, i16 flags) per entry; exits list only the fds with
    /// events returned.
    func putPollFds(_ chunk: UnsafeRawBufferPointer, count: UInt64, enter: Bool) {
        let n = min(Int(truncatingIfNeeded: min(count, 1 << 20)), chunk.count / 8)
        var listed = 0
        for i in 0..<n where enter || chunk.integer(at: i * 8 + 6, as: UInt16.self) != 0 { listed += 1 }
        writer.appendInteger(UInt64(listed), width: 2)
        for i in 0..<n {
            let events = chunk.integer(at: i * 8 + (enter ? 4 : 6), as: UInt16.self)
            if !enter && events == 0 { continue }
            writer.appendInteger(UInt64(bitPattern: Int64(chunk.integer(at: i * 8, as: Int32.self))), width: 8)
            writer.appendInteger(Conversion.pollEvents.convert(UInt64(events)), width: 2)
        }
    }

    /// A socket option's value (PT_DYN): the `PPM_SOCKOPT_IDX_*` byte, then the value in its type.
    func putSockoptValue(level: UInt64, name: UInt64, value: UnsafeRawBufferPointer, length: Int) {
        let solSocket: UInt64 = 1
        let plainInts: Set<UInt64> = Self.sockoptIntegerNames
        if level == solSocket && name == 4 {  // SO_ERROR: a negative errno
            writer.appendByte(1)
            writer.appendInteger(UInt64(bitPattern: -Int64(value.integer(at: 0, as: UInt32.self))), width: 8)
        } else if level == solSocket && (name == 20 || name == 21) {  // SO_RCVTIMEO, SO_SNDTIMEO: a timeval
            writer.appendByte(4)
            writer.appendInteger(
                value.integer(at: 0, as: UInt64.self) &* 1_000_000_000 &+ value.integer(at: 8, as: UInt64.self) &* 1000, width: 8)
        } else if level == solSocket && name == 57 {  // SO_COOKIE
            writer.appendByte(3)
            writer.appendInteger(value.integer(at: 0, as: UInt64.self), width: 8)
        } else if level == solSocket && plainInts.contains(name) {
            writer.appendByte(2)
            writer.appendInteger(UInt64(value.integer(at: 0, as: UInt32.self)), width: 4)
        } else {
            writer.appendByte(0)
            writer.appendBytes(UnsafeRawBufferPointer(rebasing: value.prefix(max(0, length))))
        }
    }

    /// The SOL_SOCKET options whose value the driver reads as a u32.
    static let sockoptIntegerNames: Set<UInt64> = [
        1, 2, 3, 5, 6, 7, 8, 32, 33, 9, 10, 11, 12, 14, 15, 16, 18, 19, 22, 23, 24, 25, 27, 29, 30, 31, 34, 35, 36, 37,
        38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49,
    ]

    /// ptrace's `data` (PT_DYN): what PEEK requests read, the signal of resuming requests, else the
    /// raw argument.
    func putPtraceData(request: UInt64, value: UInt64, peeked: UnsafeRawBufferPointer, ret: Int64) {
        guard ret >= 0 else {
            writer.appendByte(0)
            writer.appendInteger(0, width: 8)
            return
        }
        switch Conversion.ptraceRequest.convert(request) {
        case 2, 3, 4:  // PEEKTEXT, PEEKDATA, PEEKUSR
            writer.appendByte(0)
            writer.appendInteger(peeked.integer(at: 0, as: UInt64.self), width: 8)
        case 8, 10, 12, 13:  // CONT, SINGLESTEP, DETACH, SYSCALL
            writer.appendByte(1)
            writer.appendInteger(value, width: 1)
        default:
            writer.appendByte(0)
            writer.appendInteger(value, width: 8)
        }
    }
}
