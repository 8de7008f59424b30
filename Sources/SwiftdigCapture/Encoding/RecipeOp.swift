// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// What a parameter recipe does: where the value comes from and how it is converted. The recipe
/// text spells each as `name` or `name:x:y:z`, with operands `aN` (system call argument N) or
/// `ret`; ``captureSteps(_:_:_:)`` says which driver capture steps it needs.
enum RecipeOp: UInt8, CaseIterable {
    // Numbers from the record.
    case ret, arg, intArg, zero, minusOne, convert, openMode, creatMode, mountFlags, recordTid
    case genericCode, nativeNumber, exitStatus, exitCode, exitSignal, exitCore, faultFlags
    // Strings and buffers from user memory.
    case userString, copiedString, execFilename, readBuffer, writeBuffer
    // Files and sockets.
    case fileDev, sockaddr, tupleOut, tupleIn, acceptTuple, queuePercent, queueLength, queueMax, pairSource, pairPeer
    case iovReadSize, iovReadData, iovWriteSize, iovWriteData
    case msgWriteSize, msgWriteData, msgWriteTuple, msgReadSize, msgReadData, msgReadTuple
    case pollIn, pollOut
    // Small user structures.
    case timespec, timespecOrMinusOne, userU64, userU32, pipeFd0, pipeFd1, pipeIno, pairFd0, pairFd1
    case rlimitCur, rlimitMax, rlimitCurIfOK, rlimitMaxIfOK, howFlags, howMode, howResolve
    case setsockoptVal, getsockoptVal, getsockoptLen, ptraceAddr, ptraceData, bpfResult, semctlVal, semopEntry
    case quotaId, quotaFormatIn, quotaFilePath, quotaBlock, quotaInfo, quotaFormatOut
    // The process (execve and clone exits, memory calls).
    case procExe, procArgs, procTid, procPid, procPtid, procCwd, procFdlimit, procPgftMaj, procPgftMin
    case procVmSize, procVmRSS, procVmSwap, procComm, procCgroups, procEnv, procTty, procPgid, procLoginUID
    case procExeFlags, procCloneFlags, procClone3Flags, procUID, procGID, procVtid, procVpid

    /// The spelling in recipe text.
    var recipeName: String {
        switch self {
        case .ret: return "ret"
        case .arg: return "a"
        case .intArg: return "int"
        case .zero: return "0"
        case .minusOne: return "-1"
        case .convert: return "convert"
        case .openMode: return "omode"
        case .creatMode: return "cmode"
        case .mountFlags: return "mountflags"
        case .recordTid: return "tid"
        case .genericCode: return "sc"
        case .nativeNumber: return "nr"
        case .exitStatus: return "exit.status"
        case .exitCode: return "exit.code"
        case .exitSignal: return "exit.sig"
        case .exitCore: return "exit.core"
        case .faultFlags: return "pf"
        case .userString: return "str"
        case .copiedString: return "path"
        case .execFilename: return "strna"
        case .readBuffer: return "rbuf"
        case .writeBuffer: return "wbuf"
        case .fileDev: return "dev"
        case .sockaddr: return "sockaddr"
        case .tupleOut: return "tupleout"
        case .tupleIn: return "tuplein"
        case .acceptTuple: return "accepttuple"
        case .queuePercent: return "queuepct"
        case .queueLength: return "queuelen"
        case .queueMax: return "queuemax"
        case .pairSource: return "pairsource"
        case .pairPeer: return "pairpeer"
        case .semopEntry: return "sembuf"
        case .quotaId: return "qid"
        case .quotaFormatIn: return "qfmtin"
        case .quotaFilePath: return "qpath"
        case .quotaBlock: return "qdqblk"
        case .quotaInfo: return "qdqinfo"
        case .quotaFormatOut: return "qfmtout"
        case .iovReadSize: return "iovrsize"
        case .iovReadData: return "iovrdata"
        case .iovWriteSize: return "iovwsize"
        case .iovWriteData: return "iovwdata"
        case .msgWriteSize: return "msgwsize"
        case .msgWriteData: return "msgwdata"
        case .msgWriteTuple: return "msgwtuple"
        case .msgReadSize: return "msgrsize"
        case .msgReadData: return "msgrdata"
        case .msgReadTuple: return "msgrtuple"
        case .pollIn: return "pollin"
        case .pollOut: return "pollout"
        case .timespec: return "timespec"
        case .timespecOrMinusOne: return "timespec-1"
        case .userU64: return "u64at"
        case .userU32: return "u32at"
        case .pipeFd0: return "pipefd0"
        case .pipeFd1: return "pipefd1"
        case .pipeIno: return "pipeino"
        case .pairFd0: return "pairfd0"
        case .pairFd1: return "pairfd1"
        case .rlimitCur: return "rlimcur"
        case .rlimitMax: return "rlimmax"
        case .rlimitCurIfOK: return "rlimcurok"
        case .rlimitMaxIfOK: return "rlimmaxok"
        case .howFlags: return "howflags"
        case .howMode: return "howmode"
        case .howResolve: return "howresolve"
        case .setsockoptVal: return "ssoval"
        case .getsockoptVal: return "gsoval"
        case .getsockoptLen: return "gsolen"
        case .ptraceAddr: return "ptraceaddr"
        case .ptraceData: return "ptracedata"
        case .bpfResult: return "bpfres"
        case .semctlVal: return "semctlval"
        case .procExe: return "proc.exe"
        case .procArgs: return "proc.args"
        case .procTid: return "proc.tid"
        case .procPid: return "proc.pid"
        case .procPtid: return "proc.ptid"
        case .procCwd: return "proc.cwd"
        case .procFdlimit: return "proc.fdlimit"
        case .procPgftMaj: return "proc.pgftmaj"
        case .procPgftMin: return "proc.pgftmin"
        case .procVmSize: return "proc.vmsize"
        case .procVmRSS: return "proc.vmrss"
        case .procVmSwap: return "proc.vmswap"
        case .procComm: return "proc.comm"
        case .procCgroups: return "proc.cgroups"
        case .procEnv: return "proc.env"
        case .procTty: return "proc.tty"
        case .procPgid: return "proc.pgid"
        case .procLoginUID: return "proc.loginuid"
        case .procExeFlags: return "proc.exeflags"
        case .procCloneFlags: return "proc.cloneflags"
        case .procClone3Flags: return "proc.clone3flags"
        case .procUID: return "proc.uid"
        case .procGID: return "proc.gid"
        case .procVtid: return "proc.vtid"
        case .procVpid: return "proc.vpid"
        }
    }

    /// The capture steps the op needs, given its operands (argument indexes, `SD_ARG_RET` for `ret`).
    func captureSteps(_ x: UInt8, _ y: UInt8, _ z: UInt8) -> [sd_capture_step] {
        func step(_ kind: sd_capture_kind, _ arg: UInt8, _ len: UInt8 = UInt8(SD_LEN_NONE), size: UInt32 = 0) -> sd_capture_step {
            sd_capture_step(kind: UInt8(kind.rawValue), arg: arg, len_arg: len, pad: 0, size: size)
        }
        let lenRet = UInt8(SD_LEN_RET)
        switch self {
        case .userString, .copiedString, .execFilename: return [step(SD_CAP_USER_STRING, x)]
        case .readBuffer: return [step(SD_CAP_USER_BUFFER, x, lenRet)]
        case .writeBuffer: return [step(SD_CAP_USER_BUFFER, x, y)]
        case .fileDev: return [step(SD_CAP_FILE, x)]
        case .sockaddr: return [step(SD_CAP_SOCKADDR, x, y)]
        case .tupleOut: return [step(SD_CAP_SOCKET, x), step(SD_CAP_SOCKADDR, y, z)]
        case .tupleIn: return [step(SD_CAP_SOCKET, x), step(SD_CAP_SOCKADDR_LENPTR, y, z)]
        case .acceptTuple: return [step(SD_CAP_SOCKET, UInt8(SD_ARG_RET))]
        case .queuePercent, .queueLength, .queueMax: return [step(SD_CAP_SOCKET_BACKLOG, x)]
        case .pairSource, .pairPeer: return [step(SD_CAP_SOCKET_AT, x)]
        case .semopEntry: return [step(SD_CAP_USER_ARRAY, x, y, size: 6)]
        case .quotaFilePath: return [step(SD_CAP_USER_STRING, y)]
        case .quotaBlock, .quotaInfo, .quotaFormatOut: return [step(SD_CAP_USER_FIXED, y, size: 72)]
        case .iovReadSize, .iovReadData: return [step(SD_CAP_IOVEC, x, y, size: SD_IOV_LEN_FROM_RET)]
        case .iovWriteSize, .iovWriteData: return [step(SD_CAP_IOVEC, x, y)]
        case .msgWriteSize, .msgWriteData: return [step(SD_CAP_MSGHDR, x)]
        case .msgWriteTuple: return [step(SD_CAP_SOCKET, x), step(SD_CAP_MSGHDR, y)]
        case .msgReadSize, .msgReadData: return [step(SD_CAP_MSGHDR, x, size: SD_IOV_LEN_FROM_RET)]
        case .msgReadTuple: return [step(SD_CAP_SOCKET, x), step(SD_CAP_MSGHDR, y, size: SD_IOV_LEN_FROM_RET)]
        case .pollIn, .pollOut: return [step(SD_CAP_USER_ARRAY, x, y, size: 8)]
        case .timespec, .timespecOrMinusOne: return [step(SD_CAP_USER_FIXED, x, size: 16)]
        case .userU64, .ptraceData: return [step(SD_CAP_USER_FIXED, x, size: 8)]
        case .userU32, .getsockoptLen: return [step(SD_CAP_USER_FIXED, x, size: 4)]
        case .pipeFd0, .pipeFd1, .pipeIno, .pairFd0, .pairFd1: return [step(SD_CAP_USER_FIXED, x, size: 8)]
        case .rlimitCur, .rlimitMax, .rlimitCurIfOK, .rlimitMaxIfOK: return [step(SD_CAP_USER_FIXED, x, size: 16)]
        case .howFlags, .howMode, .howResolve: return [step(SD_CAP_USER_FIXED, x, size: 24)]
        case .setsockoptVal: return [step(SD_CAP_USER_BUFFER, x, y)]
        case .getsockoptVal: return [step(SD_CAP_USER_BUFFER, x), step(SD_CAP_USER_FIXED, y, size: 4)]
        case .procClone3Flags: return [step(SD_CAP_PROCESS, 0), step(SD_CAP_USER_FIXED, x, size: 8)]
        case .procExe, .procArgs, .procEnv:
            // Failed execs describe the argv/envp they were given (argument x); others the process.
            return x == RecipeParam.none
                ? [step(SD_CAP_PROCESS, 0)] : [step(SD_CAP_PROCESS, 0), step(SD_CAP_USER_ARGV, x)]
        case .procTid, .procPid, .procPtid, .procCwd, .procFdlimit, .procPgftMaj, .procPgftMin, .procVmSize,
            .procVmRSS, .procVmSwap, .procComm, .procCgroups, .procTty, .procPgid, .procLoginUID, .procExeFlags,
            .procCloneFlags, .procUID, .procGID, .procVtid, .procVpid:
            return [step(SD_CAP_PROCESS, 0)]
        default: return []
        }
    }
}

/// One parameter's recipe, resolved against its event's capture steps: plain values, no
/// references, so reading it on the hot path costs nothing.
struct RecipeParam {
    /// An operand that is not used.
    static let none: UInt8 = 0xff

    var op: RecipeOp
    /// Operands: argument indexes (or `SD_ARG_RET`), a conversion's raw value for `convert`, or a
    /// number written `#N` (sembuf's entry and field).
    var x: UInt8 = none, y: UInt8 = none, z: UInt8 = none
    /// The chunk indexes (plan step numbers) of the op's capture steps, -1 when unused.
    var chunk0: Int8 = -1, chunk1: Int8 = -1
}

/// The parameters of one event code, and the capture steps the driver must run for them.
struct EventRecipe {
    var params: [RecipeParam]
    var steps: [sd_capture_step]
}
