// SPDX-License-Identifier: Apache-2.0

/// Process bookkeeping: clone/fork/vfork, execve, credentials, root, memory counters.
extension EventParser {
    func parseCloneExit(_ event: Event) {
        let type = event.type
        guard let layout = EventCode.cloneLayout(type), var childtid = event.int64(0) else { return }
        var tid = event.tid
        let flags = event.integer(layout.flags, as: UInt32.self) ?? 0
        guard childtid >= 0 else { return }
        var vtid = tid
        var vpid: Int64 = -1
        if layout.hasVids {
            vtid = event.int64(18) ?? tid
            vpid = event.int64(19) ?? -1
        }
        let inContainer = flags & CloneFlag.childInPidNS != 0 || tid != vtid
        var inverted = false
        if childtid == 0 {
            // The child's side of the clone.
            if let t = thread, t.cloneTimestamp != 0, event.timestamp &- t.cloneTimestamp > 1_000_000_000 {
                state.removeThread(tid, force: true)
                thread = nil
            }
            let parenttid = event.int64(flags & CloneFlag.thread != 0 ? 4 : 5) ?? 0
            if let t = thread {
                if inContainer {
                    t.vtid = vtid
                    t.vpid = vpid
                }
                return
            }
            inverted = true
            childtid = tid
            tid = parenttid
        } else if inContainer {
            return
        }
        guard var parent = state.thread(tid, create: true) else { return }
        let validParent = !(parent.comm == "<NA>" && parent.uid == 0xFFFF_FFFF)
        var tidCollision = false
        if let child = state.thread(childtid) {
            if child.flags & CloneFlag.inverted != 0 { return }
            state.removeThread(childtid, force: true)
            tidCollision = true
        }
        let child = ThreadInfo(tid: childtid, pid: 0)
        child.ptid = tid
        func inherit(from p: ThreadInfo) {
            child.comm = p.comm
            child.exe = p.exe
            child.exepath = p.exepath
            child.exeWritable = p.exeWritable
            child.argList = p.argList
            child.root = p.root
            child.sid = p.sid
            child.vpgid = p.vpgid
            child.tty = p.tty
            child.loginuid = p.loginuid
            if flags & CloneFlag.thread == 0 { child.envList = p.envList }
        }
        if validParent {
            inherit(from: parent)
        } else {
            state.removeThread(tid, force: true)
            tidCollision = true
            guard let fresh = state.thread(tid, create: true) else { return }
            parent = fresh
            if parent.comm != "<NA>" && parent.uid != 0xFFFF_FFFF {
                inherit(from: parent)
            } else {
                child.exe = event.string(1) ?? ""
                child.comm = layout.hasComm ? (event.string(13) ?? "") : child.exe
                if let a = event.param(2) { child.setArgs(a) }
                parent.comm = child.comm
                parent.exe = child.exe
                parent.exepath = child.exepath
                if let a = event.param(2) { parent.setArgs(a) }
            }
        }
        child.pid = event.int64(4) ?? 0
        child.flags = flags
        if flags & CloneFlag.thread == 0 {
            child.pid = childtid
            if let owner = state.fdOwner(of: parent) {
                for (fd, info) in owner.fds {
                    let copy = info.copy()
                    copy.flags.insert(.isCloned)
                    child.fds[fd] = copy
                }
            }
            child.cwd = state.cwd(of: parent)
        }
        if inverted { child.flags |= CloneFlag.inverted }
        child.exe = event.string(1) ?? ""
        child.comm = layout.hasComm ? (event.string(13) ?? "") : child.exe
        if let a = event.param(2) { child.setArgs(a) }
        child.fdlimit = event.int64(7) ?? 0
        if layout.hasVM {
            child.pfmajor = event.integer(8, as: UInt64.self) ?? 0
            child.pfminor = event.integer(9, as: UInt64.self) ?? 0
            child.vmsizeKB = event.integer(10, as: UInt32.self) ?? 0
            child.vmrssKB = event.integer(11, as: UInt32.self) ?? 0
            child.vmswapKB = event.integer(12, as: UInt32.self) ?? 0
        }
        child.uid = event.integer(layout.uid, as: UInt32.self) ?? 0
        child.gid = event.integer(layout.gid, as: UInt32.self) ?? 0
        if inContainer {
            child.vtid = vtid
            child.vpid = vpid
        } else {
            child.vtid = child.tid
            child.vpid = child.pid
        }
        if layout.hasVids, let cg = event.param(14) {
            child.setCgroups(cg)
            state.resolveContainer(child)
        }
        child.cloneTimestamp = event.timestamp
        state.addThread(child, fromProcessList: false)
        if tidCollision {
            // sysdig redoes the bookkeeping for the event's thread after replacing it.
            thread = state.thread(event.tid, create: false)
        }
    }

    func parseExecveExit(_ event: Event) {
        let type = event.type
        guard let res = event.int64(0), res >= 0, let t = thread else { return }
        t.exe = event.string(1) ?? ""
        switch type {
        case EventCode.execve8X, EventCode.execve13X, EventCode.execve14X: t.comm = t.exe
        default: t.comm = event.string(13) ?? t.comm
        }
        if let a = event.param(2) { t.setArgs(a) }
        t.pid = event.int64(4) ?? t.pid
        if t.ptid == -1 { t.ptid = event.int64(5) ?? -1 }
        t.fdlimit = event.int64(7) ?? t.fdlimit
        if type != EventCode.execve8X {
            t.pfmajor = event.integer(8, as: UInt64.self) ?? 0
            t.pfminor = event.integer(9, as: UInt64.self) ?? 0
            t.vmsizeKB = event.integer(10, as: UInt32.self) ?? 0
            t.vmrssKB = event.integer(11, as: UInt32.self) ?? 0
            t.vmswapKB = event.integer(12, as: UInt32.self) ?? 0
        }
        switch type {
        case EventCode.execve14X: if let e = event.param(13) { t.setEnv(e) }
        case EventCode.execve15X: if let e = event.param(14) { t.setEnv(e) }
        case EventCode.execve16X, EventCode.execve17X, EventCode.execve18X, EventCode.execve19X, EventCode.execveatX:
            if let e = event.param(15) { t.setEnv(e) }
            if let cg = event.param(14) { t.setCgroups(cg) }
            // Containers are set up before the exec into them: look again.
            state.resolveContainer(t)
        default: break
        }
        switch type {
        case EventCode.execve17X, EventCode.execve18X, EventCode.execve19X, EventCode.execveatX:
            t.tty = event.integer(16, as: UInt32.self) ?? 0
        default: break
        }
        if type == EventCode.execve18X || type == EventCode.execve19X {
            withEnterEvent(of: event) { enter in
                guard let path = enter.param(0) else { return }
                if path.starts(with: "<NA>".utf8) {
                    t.exepath = "<NA>"
                } else {
                    t.exepath = String(
                        decoding: PathResolution.concatenate(Array(t.cwd.utf8), path).path, as: UTF8.self)
                }
            }
        } else if type == EventCode.execveatX {
            withEnterEvent(of: event) { enter in
                guard let path = enter.param(1) else { return }
                if path.starts(with: "<NA>".utf8) {
                    t.exepath = "<NA>"
                    return
                }
                let dir = directoryBase(path, dirfd: enter.int64(0) ?? Self.atFDCWD, thread: t)
                t.exepath = String(decoding: PathResolution.concatenate(Array(dir.utf8), path).path, as: UTF8.self)
            }
        }
        if type == EventCode.execve19X || type == EventCode.execveatX {
            t.vpgid = event.int64(17) ?? t.vpgid
        }
        if event.paramCount > 18 { t.loginuid = event.integer(18, as: UInt32.self) ?? t.loginuid }
        if event.paramCount > 19 { t.exeWritable = (event.integer(19, as: UInt32.self) ?? 0) & 1 != 0 }
        let kept = t.flags & (CloneFlag.pipeSrc | CloneFlag.pipeDst | CloneFlag.isMainThread)
        let inverted = t.flags & CloneFlag.inverted
        t.flags = CloneFlag.active | kept | inverted | CloneFlag.nameChanged
    }

    /// setuid/setresuid and setgid/setresgid: the new effective id comes from the enter event.
    func parseSetIDExit(_ event: Event, group: Bool) {
        guard let res = event.int64(0), res >= 0 else { return }
        let isRes = event.type == (group ? EventCode.setresgidX : EventCode.setresuidX)
        withEnterEvent(of: event) { enter in
            guard let id = enter.integer(isRes ? 1 : 0, as: UInt32.self), !isRes || id < UInt32.max else { return }
            if group { thread?.gid = id } else { thread?.uid = id }
        }
    }

    func parseChrootExit(_ event: Event) {
        guard let res = event.int64(0), res == 0, let t = thread, let path = event.param(1) else { return }
        let resolved = PathResolution.concatenate(Array(state.cwd(of: t).utf8), path)
        t.root = String(decoding: resolved.path, as: UTF8.self)
    }

    func parseMemoryExit(_ event: Event) {
        guard let t = thread else { return }
        t.vmsizeKB = event.integer(1, as: UInt32.self) ?? t.vmsizeKB
        t.vmrssKB = event.integer(2, as: UInt32.self) ?? t.vmrssKB
        t.vmswapKB = event.integer(3, as: UInt32.self) ?? t.vmswapKB
    }

    /// A context switch carries the page faults of the thread switched out and the memory of its
    /// process.
    func parseContextSwitch(_ event: Event) {
        guard let t = thread, event.paramCount >= 6 else { return }
        t.pfmajor = event.integer(1, as: UInt64.self) ?? t.pfmajor
        t.pfminor = event.integer(2, as: UInt64.self) ?? t.pfminor
        guard let main = state.mainThread(of: t) else { return }
        main.vmsizeKB = event.integer(3, as: UInt32.self) ?? main.vmsizeKB
        main.vmrssKB = event.integer(4, as: UInt32.self) ?? main.vmrssKB
        main.vmswapKB = event.integer(5, as: UInt32.self) ?? main.vmswapKB
    }
}
