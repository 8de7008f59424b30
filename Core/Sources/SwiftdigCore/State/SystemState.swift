// SPDX-License-Identifier: Apache-2.0

/// A user of the machine, from the capture's user list.
public struct UserInfo: Sendable {
    public var uid: UInt32
    public var gid: UInt32
    public var name: String
    public var homedir: String
    public var shell: String
    public init(uid: UInt32, gid: UInt32, name: String, homedir: String, shell: String) {
        self.uid = uid
        self.gid = gid
        self.name = name
        self.homedir = homedir
        self.shell = shell
    }
}

/// A group of the machine, from the capture's user list.
public struct GroupInfo: Sendable {
    public var gid: UInt32
    public var name: String
    public init(gid: UInt32, name: String) {
        self.gid = gid
        self.name = name
    }
}

/// What is known of the machine at a point of the event stream: threads and their processes, their
/// open files, users and groups. ``EventParser`` keeps it current, event by event.
public final class SystemState {
    /// Every known thread by tid.
    public private(set) var threads: [Int64: ThreadInfo] = [:]
    /// Users by uid.
    public var users: [UInt32: UserInfo] = [:]
    /// Groups by gid.
    public var groups: [UInt32: GroupInfo] = [:]
    /// The machine's network interfaces.
    public var interfaces = NetworkInterfaces()

    // Removals sysdig defers to the start of the next event, so that the event that closes an fd
    // or ends a thread still renders with it.
    var tidToRemove: Int64 = -1
    var fdsToRemove: [Int64] = []
    var tidOfFDsToRemove: Int64 = -1

    private var lastLookup: ThreadInfo?

    /// Creates an empty state.
    public init() {}

    /// The thread `tid`, if known.
    @inline(__always) public func thread(_ tid: Int64) -> ThreadInfo? {
        if let last = lastLookup, last.tid == tid { return last }
        let found = threads[tid]
        if found != nil { lastLookup = found }
        return found
    }

    /// The thread `tid`; when unknown and `create` is set, a placeholder sysdig would also create for
    /// a thread it never saw (name `<NA>`), added to the table.
    public func thread(_ tid: Int64, create: Bool) -> ThreadInfo? {
        if let found = thread(tid) { return found }
        guard create else { return nil }
        let placeholder = ThreadInfo(tid: tid, pid: tid)
        placeholder.comm = "<NA>"
        placeholder.exe = "<NA>"
        for other in threads.values where other.pid == tid { placeholder.childCount += 1 }
        addThread(placeholder, fromProcessList: true)
        return placeholder
    }

    /// Adds `thread` to the table, replacing any thread with its tid.
    /// - Parameter fromProcessList: whether it comes from the capture's process list (threads added
    ///   by events also count as a child of their main thread).
    public func addThread(_ thread: ThreadInfo, fromProcessList: Bool) {
        if !fromProcessList, thread.flags & CloneFlag.thread != 0, thread.pid != thread.tid,
            let main = self.thread(thread.pid)
        {
            main.childCount += 1
        }
        threads[thread.tid] = thread
        lastLookup = nil
    }

    /// Removes the thread `tid`; a main thread with live threads stays unless `force` is set.
    public func removeThread(_ tid: Int64, force: Bool) {
        guard let info = threads[tid] else { return }
        guard info.childCount == 0 || force else { return }
        if info.flags & CloneFlag.thread != 0, let main = thread(info.pid), main.childCount > 0 {
            main.childCount -= 1
        }
        threads[tid] = nil
        lastLookup = nil
    }

    /// The main thread of `thread`'s process (the thread itself for a single-threaded process).
    public func mainThread(of thread: ThreadInfo) -> ThreadInfo? {
        if thread.isMainThread { return thread }
        if let cached = thread.cachedMainThread, cached.tid == thread.pid, threads[cached.tid] === cached {
            return cached
        }
        let main = self.thread(thread.pid)
        thread.cachedMainThread = main
        return main
    }

    /// The thread whose fd table `thread` uses.
    @inline(__always) func fdOwner(of thread: ThreadInfo) -> ThreadInfo? {
        thread.flags & CloneFlag.files == 0 ? thread : mainThread(of: thread)
    }

    /// The fd `fd` of `thread`, if open.
    @inline(__always) public func fd(_ fd: Int64, of thread: ThreadInfo) -> FDInfo? {
        guard let found = fdOwner(of: thread)?.fds[fd] else { return nil }
        // libsinsp's get_fd: the name as of the lookup is what parsing may change (fd.name_changed).
        found.oldName = found.name
        return found
    }

    /// Opens `fd` in `thread`'s table, replacing what was there.
    @discardableResult
    func addFD(_ fd: Int64, _ info: FDInfo, to thread: ThreadInfo) -> FDInfo? {
        guard let owner = fdOwner(of: thread) else { return nil }
        owner.fds[fd] = info
        // As libsinsp's add_fd: the new fd is the thread's last event fd (`fd.num` of an open exit).
        thread.lastEventFD = fd
        return info
    }

    /// The working directory of `thread`'s process, ending in `/`.
    public func cwd(of thread: ThreadInfo) -> String {
        mainThread(of: thread)?.cwd ?? "./"
    }

    /// Changes the working directory of `thread`'s process to `path`, relative to the current one.
    func setCwd(of thread: ThreadInfo, _ path: UnsafeRawBufferPointer) {
        guard let main = mainThread(of: thread) else { return }
        var joined = PathResolution.concatenate(Array(main.cwd.utf8), path).path
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        main.cwd = String(decoding: joined, as: UTF8.self)
    }

    /// Applies the removals deferred from the previous event.
    func applyDeferredRemovals() {
        if tidToRemove != -1 {
            removeThread(tidToRemove, force: false)
            tidToRemove = -1
        }
        if !fdsToRemove.isEmpty {
            if let owner = thread(tidOfFDsToRemove, create: true).flatMap({ fdOwner(of: $0) }) {
                for fd in fdsToRemove { owner.fds[fd] = nil }
            }
            fdsToRemove.removeAll(keepingCapacity: true)
        }
    }
}
