// SPDX-License-Identifier: Apache-2.0

/// Open-file bookkeeping: open/openat/creat, close, dup, fcntl, pipes and the simple fd creators.
extension EventParser {
    func parseOpenExit(_ event: Event) {
        guard let t = thread, let fd = event.int64(0) else { return }
        let type = event.type
        var name: UnsafeRawBufferPointer?
        var flags: UInt32 = 0
        var dev: UInt32 = 0
        var dirfd: Int64? = nil  // nil: relative to the cwd
        // The exit event carries the arguments too, but the enter event's copy wins when present:
        // it was read before the call could change memory.
        func take(_ enterName: UnsafeRawBufferPointer?) -> Bool {
            guard let n = enterName, n.count != 0 else { return false }
            if n.count >= 6, n[0] == UInt8(ascii: "("), String(decoding: n.prefix(6), as: UTF8.self) == "(NULL)" {
                return false
            }
            return true
        }
        // Whether the path was resolved (into `pathScratch`) from the enter event's copy.
        var fromEnter = false
        switch type {
        case EventCode.openX:
            name = event.param(1)
            flags = event.integer(2, as: UInt32.self) ?? 0
            if event.paramCount > 4 { dev = event.integer(4, as: UInt32.self) ?? 0 }
            withEnterEvent(of: event) { enter in
                guard enter.paramCount >= 2, take(enter.param(0)) else { return }
                flags = enter.integer(1, as: UInt32.self) ?? 0
                resolvePathInScratch(enter.param(0)!, dirfd: dirfd, thread: t)
                fromEnter = true
            }
        case EventCode.creatX:
            name = event.param(1)
            if event.paramCount > 3 { dev = event.integer(3, as: UInt32.self) ?? 0 }
            withEnterEvent(of: event) { enter in
                guard enter.paramCount >= 1, take(enter.param(0)) else { return }
                flags = 0
                resolvePathInScratch(enter.param(0)!, dirfd: dirfd, thread: t)
                fromEnter = true
            }
        case EventCode.openatX:
            // The old openat exit has only the fd: everything comes from the enter event.
            guard let found = withEnterEvent(of: event, { enter -> Bool in
                guard let n = enter.param(1) else { return false }
                flags = enter.integer(2, as: UInt32.self) ?? 0
                dirfd = enter.int64(0)
                resolvePathInScratch(n, dirfd: dirfd, thread: t)
                fromEnter = true
                return true
            }), found else { return }
        case EventCode.openat2X, EventCode.openat2SyscallX:
            name = event.param(2)
            flags = event.integer(3, as: UInt32.self) ?? 0
            dirfd = event.int64(1)
            if type == EventCode.openat2X && event.paramCount > 5 { dev = event.integer(5, as: UInt32.self) ?? 0 }
            withEnterEvent(of: event) { enter in
                guard enter.paramCount >= 3, take(enter.param(1)) else { return }
                flags = enter.integer(2, as: UInt32.self) ?? 0
                dirfd = enter.int64(0)
                resolvePathInScratch(enter.param(1)!, dirfd: dirfd, thread: t)
                fromEnter = true
            }
        default:
            return
        }
        if !fromEnter {
            if let name { resolvePathInScratch(name, dirfd: dirfd, thread: t) } else { pathScratch.removeAll() }
        }
        guard fd >= 0 else { return }
        let info = pathScratch.withUnsafeBytes {
            state.fdPool.make(type: flags & OpenFlag.directory != 0 ? .directory : .fileV2, nameUTF8: $0)
        }
        info.openFlags = flags
        info.dev = dev
        info.flags.insert(info.hasTracerDeviceName ? .isTracerFile : .isNotTracerFD)
        fdInfo = state.addFD(fd, info, to: t)
    }

    /// The absolute form of `name` as sysdig computes it for a new fd: relative to the cwd, or to the
    /// directory of `dirfd` for the *at calls.
    func resolvePath(_ name: UnsafeRawBufferPointer, dirfd: Int64?, thread t: ThreadInfo) -> String {
        resolvePathInScratch(name, dirfd: dirfd, thread: t)
        return pathScratch.withUnsafeBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// ``resolvePath(_:dirfd:thread:)`` into `pathScratch`, for a caller that wants the bytes.
    func resolvePathInScratch(_ name: UnsafeRawBufferPointer, dirfd: Int64?, thread t: ThreadInfo) {
        pathScratch.removeAll()
        if let dirfd {
            pathScratch.append(directoryBase(name, dirfd: dirfd, thread: t))
        } else if name.count > 0 && name[0] != 0 && name[0] != UInt8(ascii: "/") {
            // Absolute and empty names replace the directory: it is not looked up for them.
            pathScratch.append(state.cwdUTF8(of: t))
        }
        _ = PathResolution.concatenate(into: &pathScratch, name)
    }

    /// The directory a `*at` call resolves `name` against (`parse_dirfd` in sysdig).
    func directoryBase(_ name: UnsafeRawBufferPointer, dirfd: Int64, thread t: ThreadInfo) -> String {
        if name.count > 0 && name[0] == UInt8(ascii: "/") { return "." }
        if dirfd == Self.atFDCWD { return state.cwd(of: t) }
        guard let dir = state.fd(dirfd, of: t) else {
            fdInfo = nil
            return "<UNKNOWN>"
        }
        fdInfo = dir
        return dir.name + "/"
    }

    /// `AT_FDCWD` as the driver encodes it.
    static let atFDCWD: Int64 = -100

    func parseCloseExit(_ event: Event) {
        guard let res = event.int64(0), let fdRef = fdInfoRef else { return }
        // Borrowed, not retained: the fd and thread stay in their tables during the event.
        fdRef._withUnsafeGuaranteedRef { fdi in
            guard res >= 0 else {
                fdi.flags.remove(.closeInProgress)
                return
            }
            threadRef?._withUnsafeGuaranteedRef { t in
                var fd = t.lastEventFD
                if fdi.flags.contains(.closeCanceled) {
                    fdi.flags.remove(.closeCanceled)
                    fd = -1
                    guard state.fdRef(-1, of: t) != nil else { return }
                }
                state.tidOfFDsToRemove = t.tid
                state.fdsToRemove.append(fd)
            }
        }
    }

    func parseDupExit(_ event: Event) {
        guard let t = thread, let res = event.int64(0), res >= 0 else { return }
        if res == 0 { t.flags |= CloneFlag.pipeDst }
        if res == 1 { t.flags |= CloneFlag.pipeSrc }
        guard let fdi = fdInfo else { return }
        fdInfo = state.addFD(res, fdi.copy(), to: t)
    }

    func parseFcntlExit(_ event: Event) {
        guard let res = event.int64(0) else { return }
        guard withEnterEvent(of: event, { _ in true }) == true else { return }
        guard res >= 0, let t = thread, let fdi = fdInfo else { return }
        fdInfo = state.addFD(res, fdi.copy(), to: t)
    }

    /// eventfd, signalfd, timerfd_create, inotify_init: an fd of `type` with no name.
    func addSimpleFD(_ event: Event, type: FDType) {
        guard let t = thread, let fd = event.int64(0), fd >= 0 else { return }
        fdInfo = state.addFD(fd, FDInfo(type: type), to: t)
    }

    func parsePipeExit(_ event: Event) {
        guard let res = event.int64(0), res >= 0, let t = thread,
            let fd1 = event.int64(1), let fd2 = event.int64(2)
        else { return }
        let ino = event.integer(3, as: UInt64.self) ?? 0
        for fd in [fd1, fd2] {
            let info = FDInfo(type: .fifo)
            info.ino = ino
            fdInfo = state.addFD(fd, info, to: t)
        }
    }

    func parseChdirExit(_ event: Event) {
        guard let t = thread, let res = event.int64(0), res >= 0, let path = event.param(1) else { return }
        state.setCwd(of: t, path)
    }

    func parseFchdirExit(_ event: Event) {
        guard let res = event.int64(0), res >= 0, let fdi = fdInfo, let t = thread else { return }
        var name = Array(fdi.name.utf8)
        name.withUnsafeMutableBytes { state.setCwd(of: t, UnsafeRawBufferPointer($0)) }
    }

    func parseGetcwdExit(_ event: Event) {
        guard let res = event.int64(0), res >= 0, let t = thread, let path = event.param(1) else { return }
        state.setCwd(of: t, path)
    }

    func parseRlimitExit(_ event: Event) {
        guard let res = event.int64(0), res >= 0, let t = thread else { return }
        let type = event.type
        withEnterEvent(of: event) { enter in
            let resourceIndex = type == EventCode.prlimitX ? 1 : 0
            guard enter.integer(resourceIndex, as: UInt8.self) == 7 else { return }  // PPM_RLIMIT_NOFILE
            guard let cur = event.int64(1), cur != -1 else { return }
            var target: ThreadInfo? = t
            if type == EventCode.prlimitX {
                var tid = enter.int64(0) ?? 0
                if tid == 0 { tid = event.tid }
                target = state.thread(tid, create: true)
            }
            if let main = target.flatMap({ state.mainThread(of: $0) }) { main.fdlimit = cur }
        }
    }
}

/// The open flags (`PPM_O_*`) the parser reads.
enum OpenFlag {
    static let directory: UInt32 = 1 << 10
}
