// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import SwiftdigDriverABI

extension RecordEncoder {
    /// The process parameters of execve, clone and the memory calls, from an `SD_CAP_PROCESS`
    /// chunk; `extra` is the op's second chunk (a failed exec's argv/envp, clone3's flags).
    func putProcess(
        _ param: RecipeParam, type: ParamType, _ r: RecordView, process p: ProcessInfoView, extra: UnsafeRawBufferPointer
    ) {
        let ret = r.ret
        @inline(__always) func number(_ v: UInt64) { putNumber(v, type) }
        let isExec = param.x != RecipeParam.none
        typealias Field = ProcessInfoView.Offset
        switch param.op {
        case .procExe:
            if ret < 0 {
                // A failed clone has nothing; a failed exec shows the argv it was given.
                if isExec { writer.appendCString(extra) } else { writer.appendByte(0) }
            } else {
                writer.appendCString(p.exe)
            }
        case .procArgs:
            if ret < 0 {
                if isExec, let end = extra.firstIndex(of: 0) {
                    appendStringList(UnsafeRawBufferPointer(rebasing: extra[(end + 1)...]))
                }
            } else {
                appendStringList(p.args)
            }
        case .procEnv: appendStringList(ret < 0 && isExec ? extra : p.env)
        case .procTid: number(UInt64(p.u32(Field.tid)))
        case .procPid: number(UInt64(p.u32(Field.pid)))
        case .procPtid: number(UInt64(p.u32(Field.ptid)))
        case .procCwd: writer.appendByte(0)  // 0.29.3's drivers leave cwd empty; libsinsp tracks it.
        case .procFdlimit: number(p.u64(Field.fdlimit))
        case .procPgftMaj: number(p.u64(Field.pgftMaj))
        case .procPgftMin: number(p.u64(Field.pgftMin))
        case .procVmSize: number(UInt64(p.u32(Field.vmSize)))
        case .procVmRSS: number(UInt64(p.u32(Field.vmRSS)))
        case .procVmSwap: number(UInt64(p.u32(Field.vmSwap)))
        case .procComm: writer.appendCString(p.comm)
        case .procCgroups: cgroups.append(tid: r.tid, into: &writer)
        case .procTty: number(UInt64(p.u32(Field.tty)))
        case .procPgid: number(UInt64(p.u32(Field.pgid)))
        case .procLoginUID: number(UInt64(p.u32(Field.loginuid)))
        case .procExeFlags: number(p.u32(Field.flags) & UInt32(SD_PROC_EXE_WRITABLE) != 0 ? 1 : 0)
        case .procCloneFlags, .procClone3Flags:
            var flags: UInt64 = 0
            if param.op == .procClone3Flags {
                flags = Conversion.cloneFlags.convert(extra.integer(at: 0, as: UInt64.self))
            } else if param.x != RecipeParam.none {
                flags = Conversion.cloneFlags.convert(r.arg(param.x))
            }
            if p.u32(Field.flags) & UInt32(SD_PROC_IN_PIDNS) != 0 { flags |= 1 << 29 }  // PPM_CL_CHILD_IN_PIDNS
            number(flags)
        case .procUID: number(UInt64(p.u32(Field.euid)))
        case .procGID: number(UInt64(p.u32(Field.egid)))
        case .procVtid: number(UInt64(p.u32(Field.vtid)))
        case .procVpid: number(UInt64(p.u32(Field.vpid)))
        default: number(0)
        }
    }

    /// NUL-separated strings, ending with a NUL as the driver leaves them (empty stays empty).
    private func appendStringList(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        writer.appendBytes(bytes)
        if bytes.last != 0 { writer.appendByte(0) }
    }
}
