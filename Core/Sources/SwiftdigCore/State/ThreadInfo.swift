// SPDX-License-Identifier: Apache-2.0

/// Clone flags (`PPM_CL_*`) that the state model reads, plus the few sysdig adds for itself.
public enum CloneFlag {
    public static let files: UInt32 = 1 << 0
    public static let fs: UInt32 = 1 << 1
    public static let thread: UInt32 = 1 << 13
    public static let inverted: UInt32 = 1 << 16
    public static let nameChanged: UInt32 = 1 << 17
    public static let closed: UInt32 = 1 << 18
    public static let active: UInt32 = 1 << 19
    public static let pipeSrc: UInt32 = 1 << 21
    public static let pipeDst: UInt32 = 1 << 22
    public static let childInPidNS: UInt32 = 1 << 29
    public static let isMainThread: UInt32 = 1 << 30
}

/// One thread, with what sysdig knows of its process.
///
/// Threads of one process share the main thread's fd table and working directory, as they do in
/// the kernel when created with `CLONE_FILES` and `CLONE_FS`.
public final class ThreadInfo {
    public var tid: Int64
    public var pid: Int64
    public var ptid: Int64 = -1
    public var sid: Int64 = -1
    public var vpgid: Int64 = -1
    public var comm: String = "" { didSet { commBytes.set(comm) } }
    public var exe: String = ""
    public var exepath: String = ""
    public var exeWritable = false
    /// The arguments (decoded from the driver's bytes when first read).
    public var args: [String] {
        get { argList.strings }
        set { argList.set(newValue) }
    }
    /// The environment (decoded from the driver's bytes when first read).
    public var env: [String] {
        get { envList.strings }
        set { envList.set(newValue) }
    }
    // Kept as the driver's bytes: most are never read, and splitting them costs an allocation per
    // entry on every clone and execve.
    var argList = NulSeparatedList(dropsEmpty: false)
    var envList = NulSeparatedList(dropsEmpty: true)
    /// The cgroups, `(subsystem, path)` (decoded from the driver's bytes when first read).
    public var cgroups: [(String, String)] {
        get {
            if let decodedCgroups { return decodedCgroups }
            let list = rawCgroups.withUnsafeBytes { Self.parseCgroups($0) }
            decodedCgroups = list
            return list
        }
        set {
            decodedCgroups = newValue
            rawCgroups.removeAll()
        }
    }
    // As the arguments: kept as bytes, as most are never read.
    private var rawCgroups: [UInt8] = []
    private var decodedCgroups: [(String, String)]? = []
    public var root: String = "/"
    /// The working directory, ending in `/` (read it through ``SystemState/cwd(of:)``: threads share
    /// their process's).
    public var cwd: String = "" { didSet { cwdBytes.set(cwd) } }
    public var fdlimit: Int64 = -1
    public var flags: UInt32 = 0
    /// The time of the last live event of this thread (``ThreadPurge`` drops threads idle too long).
    public var lastAccess: UInt64 = 0
    public var uid: UInt32 = 0xFFFF_FFFF
    public var gid: UInt32 = 0xFFFF_FFFF
    public var loginuid: UInt32 = 0xFFFF_FFFF
    public var vmsizeKB: UInt32 = 0
    public var vmrssKB: UInt32 = 0
    public var vmswapKB: UInt32 = 0
    public var pfmajor: UInt64 = 0
    public var pfminor: UInt64 = 0
    public var vtid: Int64 = -1
    public var vpid: Int64 = -1
    public var tty: UInt32 = 0
    public var containerID: String = ""
    public var cloneTimestamp: UInt64 = 0
    public var childCount: Int = 0

    /// The thread's own fd table (used when it does not share its process's).
    public var fds = FDTable() { didSet { lastFDValid = false } }

    /// The last fd found in ``fds`` (consecutive events mostly ask for the same one); any change to
    /// the table drops it, so the unowned reference never outlives the table's.
    var lastFDNumber: Int64 = 0
    var lastFD: Unmanaged<FDInfo>?
    var lastFDValid = false

    // Per-event bookkeeping, as sysdig keeps it.
    var lastEventType: UInt16 = UInt16.max
    var lastEventFD: Int64 = -1
    var lastEventData: [UInt8] = []
    var lastEventCPU: UInt16 = 0
    var lastEventDataValid = false
    var latency: UInt64 = 0
    var lastLatencyEnterTime: UInt64 = 0

    /// The decoder of the tracers this thread writes, made at its first one.
    public internal(set) var tracerParser: TracerParser?

    /// Per-thread values of bound fields (see `ThreadSlots`), all zero for a new thread.
    var fieldSlots: [UInt64] = []

    /// ``comm`` and ``cwd`` as bytes, for output.
    private(set) var commBytes = OwnedBytes()
    private(set) var cwdBytes = OwnedBytes()

    /// The main thread, cached once found, valid while the thread table's generation is
    /// ``cachedMainGeneration`` and the pid ``cachedMainPid`` (unmanaged: a weak reference would make
    /// every retain of a thread slow).
    var cachedMainThread: Unmanaged<ThreadInfo>?
    var cachedMainGeneration: UInt64 = 0
    var cachedMainPid: Int64 = 0

    /// Creates a thread.
    public init(tid: Int64, pid: Int64) {
        self.tid = tid
        self.pid = pid
    }

    deinit {
        commBytes.free()
        cwdBytes.free()
    }

    /// ``comm``'s bytes, valid until it changes.
    public var commUTF8: UnsafeRawBufferPointer { commBytes.raw }

    /// Whether this thread is its process's main thread.
    public var isMainThread: Bool { pid == tid || flags & CloneFlag.isMainThread != 0 }

    /// Splits a NUL-separated list, as the driver sends argument and environment lists.
    static func splitList(_ bytes: UnsafeRawBufferPointer) -> [String] {
        var out: [String] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0 {
                out.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count {
            out.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<bytes.count]), as: UTF8.self))
        }
        return out
    }

    /// Sets the argument list from the driver's NUL-separated form.
    func setArgs(_ bytes: UnsafeRawBufferPointer) { argList.set(bytes) }

    /// Sets the environment from the driver's NUL-separated form (trailing NUL padding ignored).
    func setEnv(_ bytes: UnsafeRawBufferPointer) {
        envList.set(bytes)
    }

    /// Sets the cgroups from `subsys=path` entries, with the subsystem names sysdig normalises
    /// (`_cgroup` dropped, kernel short names replaced).
    func setCgroups(_ bytes: UnsafeRawBufferPointer) {
        rawCgroups.removeAll(keepingCapacity: true)
        rawCgroups.append(contentsOf: bytes)
        decodedCgroups = nil
    }

    /// Calls `body` with the path of each cgroup, as bytes, until it returns a value (no decoding:
    /// it runs at every clone and execve).
    func firstCgroupPath<R>(_ body: (UnsafeRawBufferPointer) -> R?) -> R? {
        if rawCgroups.isEmpty, let decodedCgroups {
            for (_, path) in decodedCgroups {
                var path = path
                if let found = path.withUTF8({ body(UnsafeRawBufferPointer($0)) }) { return found }
            }
            return nil
        }
        var found: R?
        rawCgroups.withUnsafeBytes { bytes in
            Self.forEachCgroup(bytes) { _, path in
                found = body(path)
                return found == nil
            }
        }
        return found
    }

    /// Calls `body` with the subsystem and path of each `subsys=path` entry of `bytes`, while it
    /// returns true.
    static func forEachCgroup(
        _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Bool
    ) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0 { end += 1 }
            let entry = UnsafeRawBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            guard let eq = entry.firstIndex(of: UInt8(ascii: "=")) else { continue }
            let subsystem = UnsafeRawBufferPointer(rebasing: entry[..<eq])
            if !body(subsystem, UnsafeRawBufferPointer(rebasing: entry[(eq + 1)...])) { return }
        }
    }

    /// The `subsys=path` entries of `bytes`, subsystems renamed as ``setCgroups(_:)`` says.
    static func parseCgroups(_ bytes: UnsafeRawBufferPointer) -> [(String, String)] {
        // On bytes: String searches cost tens of thousands of instructions per clone or execve.
        var cgroups: [(String, String)] = []
        let suffix = Array("_cgroup".utf8)
        forEachCgroup(bytes) { rawSubsystem, rawPath in
            var subsystem = Array(rawSubsystem)
            if let at = subsystem.indices.first(where: { subsystem[$0...].starts(with: suffix) }) {
                subsystem.removeSubrange(at..<(at + suffix.count))
            }
            let name = String(decoding: subsystem, as: UTF8.self)
            cgroups.append((Self.cgroupRenames[name] ?? name, String(decoding: rawPath, as: UTF8.self)))
            return true
        }
        return cgroups
    }

    /// Kernel cgroup subsystem names and the names sysdig shows for them (`io` was `blkio`).
    static let cgroupRenames = ["perf": "perf_event", "mem": "memory", "io": "blkio"]
}

/// A NUL-separated list as the driver sends it (arguments, environment), split into strings only
/// when read.
struct NulSeparatedList {
    /// Whether empty entries are dropped (the environment's trailing NUL padding).
    let dropsEmpty: Bool
    private var raw: [UInt8] = []
    private var decoded: [String]? = []

    init(dropsEmpty: Bool) { self.dropsEmpty = dropsEmpty }

    /// Replaces the list with the entries of `bytes`, kept undecoded.
    mutating func set(_ bytes: UnsafeRawBufferPointer) {
        raw.removeAll(keepingCapacity: true)
        raw.append(contentsOf: bytes)
        decoded = nil
    }

    /// Replaces the list with `strings`.
    mutating func set(_ strings: [String]) {
        raw.removeAll()
        decoded = strings
    }

    /// The entries, split on first use.
    var strings: [String] {
        mutating get {
            if let decoded { return decoded }
            let split = raw.withUnsafeBytes { ThreadInfo.splitList($0) }
            let list = dropsEmpty ? split.filter { !$0.isEmpty } : split
            decoded = list
            return list
        }
    }
}
