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
    /// The interface list as read, with the names and order a state dump writes back.
    public var interfaceList: InterfaceList?
    /// The user list as read, with the order (and any duplicate ids) a state dump writes back.
    public var userList: UserList?
    /// The containers known: from container events, or from the cgroups of threads.
    public let containers = ContainerTable()

    // Removals sysdig defers to the start of the next event, so that the event that closes an fd
    // or ends a thread still renders with it.
    var tidToRemove: Int64 = -1 {
        didSet { hasDeferredRemovals = tidToRemove != -1 || !fdsToRemove.isEmpty }
    }
    var fdsToRemove: [Int64] = [] {
        didSet { hasDeferredRemovals = tidToRemove != -1 || !fdsToRemove.isEmpty }
    }
    /// Whether ``tidToRemove`` or ``fdsToRemove`` has something: one test per event instead of two.
    private var hasDeferredRemovals = false
    var tidOfFDsToRemove: Int64 = -1
    /// The fds closed lately, reused by the next opens.
    var fdPool = FDPool()

    /// Threads found recently, by tid modulo ``recentCount``: events of a few threads interleave, and
    /// a dictionary lookup hashes its key with SipHash. Adding or removing a thread updates its
    /// entry (the only one its tid can be in), so the threads the entries point to are in the table
    /// and need no reference of their own; the others stay (a new thread per process used to empty
    /// the whole cache).
    private let recent: UnsafeMutablePointer<RecentThread>
    private static let recentCount = 64
    private struct RecentThread {
        var tid: Int64 = 0
        var thread: Unmanaged<ThreadInfo>?
    }
    /// Changes whenever a thread is added or removed (main-thread caches check it).
    private var generation: UInt64 = 1

    /// Creates an empty state.
    public init() {
        recent = .allocate(capacity: Self.recentCount)
        recent.initialize(repeating: RecentThread(), count: Self.recentCount)
    }

    deinit { recent.deallocate() }

    /// The thread `tid`, if known.
    @inline(__always) public func thread(_ tid: Int64) -> ThreadInfo? {
        threadRef(tid)?.takeUnretainedValue()
    }

    /// ``thread(_:)`` without reference counting: valid while the thread is in the table.
    @inline(__always) func threadRef(_ tid: Int64) -> Unmanaged<ThreadInfo>? {
        let slot = recentSlot(tid)
        if slot.pointee.tid == tid, let hit = slot.pointee.thread { return hit }
        return threadMissingRecent(tid, slot: slot)
    }

    /// ``threadRef(_:)`` when ``recent`` does not have `tid`: the table, and `slot` remembers it.
    @inline(never) private func threadMissingRecent(
        _ tid: Int64, slot: UnsafeMutablePointer<RecentThread>
    ) -> Unmanaged<ThreadInfo>? {
        guard let found = threads[tid] else { return nil }
        let ref = Unmanaged.passUnretained(found)
        slot.pointee = RecentThread(tid: tid, thread: ref)
        return ref
    }

    /// The entry of ``recent`` that can hold `tid`.
    @inline(__always) private func recentSlot(_ tid: Int64) -> UnsafeMutablePointer<RecentThread> {
        recent + Int(UInt64(bitPattern: tid) % UInt64(Self.recentCount))
    }

    /// The thread `tid`; when unknown and `create` is set, a placeholder sysdig would also create for
    /// a thread it never saw (name `<NA>`), added to the table.
    public func thread(_ tid: Int64, create: Bool) -> ThreadInfo? {
        threadRef(tid, create: create)?.takeUnretainedValue()
    }

    /// ``thread(_:create:)`` without reference counting: valid while the thread is in the table.
    @inline(__always) func threadRef(_ tid: Int64, create: Bool) -> Unmanaged<ThreadInfo>? {
        if let found = threadRef(tid) { return found }
        return create ? addPlaceholderThread(tid) : nil
    }

    /// The most threads the table holds (libsinsp's `m_thread_table_absolute_max_size`): a full
    /// table takes no new thread, from the process list, a clone or an unknown tid.
    public static let maxThreads = 131_072

    /// Adds the thread `tid`, unknown so far, as sysdig does when an event names it (see
    /// ``thread(_:create:)``).
    @inline(never) private func addPlaceholderThread(_ tid: Int64) -> Unmanaged<ThreadInfo>? {
        guard threads.count < Self.maxThreads else { return nil }
        let placeholder = ThreadInfo(tid: tid, pid: tid)
        placeholder.comm = "<NA>"
        placeholder.exe = "<NA>"
        for other in threads.values where other.pid == tid { placeholder.childCount += 1 }
        addThread(placeholder, fromProcessList: true)
        return Unmanaged.passUnretained(placeholder)
    }

    /// Adds `thread` to the table, replacing any thread with its tid.
    /// - Parameter fromProcessList: whether it comes from the capture's process list (threads added
    ///   by events also count as a child of their main thread).
    public func addThread(_ thread: ThreadInfo, fromProcessList: Bool) {
        guard threads.count < Self.maxThreads else { return }
        if !fromProcessList, thread.flags & CloneFlag.thread != 0, thread.pid != thread.tid,
            let main = self.thread(thread.pid)
        {
            main.childCount += 1
        }
        threads[thread.tid] = thread
        recentSlot(thread.tid).pointee = RecentThread(tid: thread.tid, thread: Unmanaged.passUnretained(thread))
        generation &+= 1
    }

    /// Removes the thread `tid`; a main thread with live threads stays unless `force` is set.
    public func removeThread(_ tid: Int64, force: Bool) {
        guard let info = threads[tid] else { return }
        guard info.childCount == 0 || force else { return }
        if info.flags & CloneFlag.thread != 0, let main = thread(info.pid), main.childCount > 0 {
            main.childCount -= 1
        }
        threads[tid] = nil
        if recentSlot(tid).pointee.tid == tid { recentSlot(tid).pointee = RecentThread() }
        generation &+= 1
        // Forced out with threads still counted: their counts are rebuilt, as libsinsp does.
        if info.childCount != 0 { recreateChildDependencies() }
    }

    /// The main thread of `thread`'s process (the thread itself for a single-threaded process).
    public func mainThread(of thread: ThreadInfo) -> ThreadInfo? {
        mainThreadRef(of: thread)?.takeUnretainedValue()
    }

    /// ``mainThread(of:)`` without reference counting: valid while the thread is in the table.
    @inline(__always) func mainThreadRef(of thread: ThreadInfo) -> Unmanaged<ThreadInfo>? {
        if thread.isMainThread { return Unmanaged.passUnretained(thread) }
        if thread.cachedMainGeneration == generation && thread.cachedMainPid == thread.pid {
            return thread.cachedMainThread
        }
        let main = threadRef(thread.pid)
        thread.cachedMainThread = main
        thread.cachedMainGeneration = generation
        thread.cachedMainPid = thread.pid
        return main
    }

    /// The thread whose fd table `thread` uses.
    @inline(__always) func fdOwner(of thread: ThreadInfo) -> ThreadInfo? {
        fdOwnerRef(of: thread)?.takeUnretainedValue()
    }

    @inline(__always) func fdOwnerRef(of thread: ThreadInfo) -> Unmanaged<ThreadInfo>? {
        thread.flags & CloneFlag.files == 0 ? Unmanaged.passUnretained(thread) : mainThreadRef(of: thread)
    }

    /// The fd `fd` of `thread`, if open.
    @inline(__always) public func fd(_ fd: Int64, of thread: ThreadInfo) -> FDInfo? {
        fdRef(fd, of: thread)?.takeUnretainedValue()
    }

    /// ``fd(_:of:)`` without reference counting: valid until the fd table changes.
    @inline(__always) func fdRef(_ fd: Int64, of thread: ThreadInfo) -> Unmanaged<FDInfo>? {
        fdRef(fd, of: Unmanaged.passUnretained(thread))
    }

    /// ``fdRef(_:of:)`` for a thread the caller holds unmanaged (the parser's): the thread is not
    /// retained around the lookup, as a strong reference made from it would be.
    @inline(__always) func fdRef(_ fd: Int64, of thread: Unmanaged<ThreadInfo>) -> Unmanaged<FDInfo>? {
        unowned(unsafe) let t = thread.takeUnretainedValue()
        let owner: Unmanaged<ThreadInfo>
        if t.flags & CloneFlag.files == 0 {
            owner = thread
        } else {
            guard let main = thread._withUnsafeGuaranteedRef({ mainThreadRef(of: $0) }) else { return nil }
            owner = main
        }
        let found = owner._withUnsafeGuaranteedRef { owner in
            if owner.lastFDValid && owner.lastFDNumber == fd { return owner.lastFD }
            let found = owner.fds[fd].map(Unmanaged.passUnretained)
            owner.lastFDNumber = fd
            owner.lastFD = found
            owner.lastFDValid = true
            return found
        }
        // libsinsp's get_fd: the name as of the lookup is what parsing may change (fd.name_changed).
        found?._withUnsafeGuaranteedRef { $0.lookupNameVersion = $0.nameVersion }
        return found
    }

    /// Opens `fd` in `thread`'s table, replacing what was there.
    @discardableResult
    func addFD(_ fd: Int64, _ info: FDInfo, to thread: ThreadInfo) -> FDInfo? {
        // Borrowed: a strong reference costs a retain and a release per open.
        guard let owner = fdOwnerRef(of: thread) else { return nil }
        owner._withUnsafeGuaranteedRef { $0.fds[fd] = info }
        // As libsinsp's add_fd: the new fd is the thread's last event fd (`fd.num` of an open exit).
        thread.lastEventFD = fd
        return info
    }

    /// The working directory of `thread`'s process, ending in `/`.
    public func cwd(of thread: ThreadInfo) -> String {
        mainThread(of: thread)?.cwd ?? "./"
    }

    /// The working directory of `thread`'s process as bytes, ending in `/`, valid until it changes.
    func cwdUTF8(of thread: ThreadInfo) -> UnsafeRawBufferPointer {
        guard let main = mainThread(of: thread) else {
            let dotSlash: StaticString = "./"
            return UnsafeRawBufferPointer(start: dotSlash.utf8Start, count: 2)
        }
        return main.cwdBytes.raw
    }

    /// Changes the working directory of `thread`'s process to `path`, relative to the current one.
    func setCwd(of thread: ThreadInfo, _ path: UnsafeRawBufferPointer) {
        guard let main = mainThread(of: thread) else { return }
        var joined = PathResolution.concatenate(Array(main.cwd.utf8), path).path
        if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
        main.cwd = String(decoding: joined, as: UTF8.self)
    }

    /// Applies the removals deferred from the previous event.
    @inline(__always) func applyDeferredRemovals() {
        // Per event: mostly nothing to do.
        if hasDeferredRemovals { applyRemovals() }
    }

    private func applyRemovals() {
        if tidToRemove != -1 {
            removeThread(tidToRemove, force: false)
            tidToRemove = -1
        }
        if !fdsToRemove.isEmpty {
            // Borrowed: strong references cost a retain and a release each, per close.
            let owner = threadRef(tidOfFDsToRemove, create: true).flatMap { t in
                t._withUnsafeGuaranteedRef { fdOwnerRef(of: $0) }
            }
            owner?._withUnsafeGuaranteedRef { owner in
                // By index: a `for` loop retains the array for its iterator.
                var i = 0
                while i < fdsToRemove.count {
                    if let closed = owner.fds.remove(fdsToRemove[i]) { fdPool.retire(closed) }
                    i += 1
                }
            }
            fdsToRemove.removeAll(keepingCapacity: true)
        }
    }
}
