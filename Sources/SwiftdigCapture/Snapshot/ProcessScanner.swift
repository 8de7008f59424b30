// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// Walks /proc as libscap 0.29.3's `scap_proc_scan_proc_dir` does: every process in listing order,
/// each followed by its other threads (from `task/`), each thread read from its own folder; the fds
/// of main threads only. A thread whose files vanish or cannot be read is left out, as libscap
/// leaves it out; kernel threads (no exe and an empty command line) too.
struct ProcessScanner {
    /// The machine's /proc.
    let procRoot: String
    private let cgroupVersion: Int
    private var fdScanner: FDScanner

    /// The threads found, in file order.
    private(set) var threads: [ProcessRecord] = []
    /// One fd list per thread, in the same order (empty for threads other than main ones).
    private(set) var fdLists: [FDList] = []

    init(procRoot: String) {
        self.procRoot = procRoot
        cgroupVersion = ProcCgroups.version(procRoot: procRoot)
        fdScanner = FDScanner(procRoot: procRoot)
    }

    /// Scans the whole machine.
    mutating func scanAll() throws(SnapshotError) {
        let listed = ProcFS.forEachNumber(procRoot) { pid in scanProcess(pid) }
        guard listed else { throw SnapshotError.cannotList(procRoot, errno: errno) }
    }

    /// Adds the process `pid` and its threads.
    private mutating func scanProcess(_ pid: Int64) {
        let dir = "\(procRoot)/\(pid)/"
        guard let main = thread(tid: pid, dir: dir) else { return }
        // As libscap: fds for main threads; a failed fd scan also skips the process's threads.
        let scan = main.pid == main.tid ? fdScanner.scan(dir: dir) : (fds: [], complete: true)
        add(main, fds: scan.fds)
        guard scan.complete else { return }
        _ = ProcFS.forEachNumber("\(procRoot)/\(pid)/task") { tid in
            guard tid != pid else { return }
            let threadDir = "\(procRoot)/\(pid)/task/\(tid)/"
            guard let record = thread(tid: tid, dir: threadDir) else { return }
            let threadScan = record.pid == record.tid ? fdScanner.scan(dir: threadDir) : (fds: [], complete: true)
            add(record, fds: threadScan.fds)
        }
    }

    private mutating func add(_ record: ProcessRecord, fds: [FDRecord]) {
        threads.append(record)
        fdLists.append(FDList(tid: record.tid, fds: fds))
    }

    /// The record of thread `tid` read from `dir` (ending in `/`), or `nil` when libscap would
    /// leave it out.
    func thread(tid: Int64, dir: String) -> ProcessRecord? {
        let exePath = ProcFS.readLink(dir + "exe")
        let cmdline = ProcFS.read(dir + "cmdline", limit: ProcLimits.args - 1)
        // No exe and an empty (or no) command line: a kernel thread.
        if exePath == nil && cmdline?.isEmpty != false { return nil }
        guard let statusText = ProcFS.read(dir + "status", limit: 1 << 16) else { return nil }
        let comm = Self.comm(statusText)
        guard let cmdline, let environ = ProcFS.read(dir + "environ", limit: ProcLimits.env),
            let cwd = ProcFS.readLink(dir + "cwd"),
            let status = ProcStatus(status: statusText, dir: dir, tid: tid),
            let cgroups = ProcCgroups.read(dir: dir, version: cgroupVersion),
            let root = ProcFS.readLink(dir + "root", limit: ProcLimits.path),
            let loginUID = Self.loginUID(dir: dir)
        else { return nil }

        let pid = status.pid ?? 0
        let (exe, args) = Self.splitCommandLine(cmdline)
        var record = ProcessRecord(
            tid: tid, pid: pid, ptid: status.ptid, comm: ByteString(comm), exe: ByteString(exe),
            args: ByteString(args), cwd: ByteString(cwd), sid: status.sid, vpgid: status.vpgid,
            exepath: ByteString(exePath ?? []), fdlimit: Self.fdLimit(dir: dir),
            flags: tid == pid ? 0 : CloneFlag.thread | CloneFlag.files, uid: status.uid, gid: status.gid)
        record.vmsizeKB = status.vmsizeKB
        record.vmrssKB = status.vmrssKB
        record.vmswapKB = status.vmswapKB
        record.pfMajor = status.pfMajor
        record.pfMinor = status.pfMinor
        record.env = ByteString(Self.environment(environ))
        record.vtid = status.vtid != 0 ? status.vtid : tid
        record.vpid = status.vpid != 0 ? status.vpid : pid
        record.cgroups = ByteString(cgroups)
        record.root = ByteString(root)
        record.loginUID = loginUID
        record.exeWritable = ExeWritable.check(dir: dir, exePath: exePath ?? [], uid: status.uid, gid: status.gid)
        return record
    }

    /// The first word after `Name:` on the first line of `status`, as `sscanf("Name:%1024s")`.
    static func comm(_ status: [UInt8]) -> [UInt8] {
        let firstLine = status.prefix { $0 != ProcText.newline }
        guard let rest = ProcText.after("Name:", in: firstLine) else { return [] }
        return Array(ProcText.word(rest))
    }

    /// `argv[0]` (up to its NUL, at most 1023 bytes) and the rest of the command line: the
    /// arguments, each with its NUL, kept only when `argv[0]` ends in a NUL.
    static func splitCommandLine(_ cmdline: [UInt8]) -> (exe: [UInt8], args: [UInt8]) {
        guard !cmdline.isEmpty else { return ([], []) }
        let first = cmdline.firstIndex(of: 0) ?? cmdline.count
        let exe = Array(cmdline[..<min(first, ProcLimits.path - 1)])
        let argsStart = first < cmdline.count ? first + 1 : cmdline.count
        return (exe, Array(cmdline[argsStart...]))
    }

    /// The environment as libscap keeps it: the bytes read, the last one turned into a NUL.
    static func environment(_ environ: [UInt8]) -> [UInt8] {
        var env = environ
        if !env.isEmpty { env[env.count - 1] = 0 }
        return env
    }

    /// The audit login uid of `loginuid` (-1 when unset), `nil` when it cannot be read. A kernel
    /// without audit support has no such file: libscap 0.29.3 then leaves out every thread; this
    /// scanner takes -1 instead.
    static func loginUID(dir: String) -> UInt32? {
        guard let text = ProcFS.read(dir + "loginuid", limit: 511) else {
            let missing = errno == ENOENT
            // The thread is still there, so the kernel has no audit support.
            return missing && access(dir, F_OK) == 0 ? .max : nil
        }
        return ProcText.signed(text[...]).map { UInt32(truncatingIfNeeded: $0) }
    }

    /// The thread's soft limit of open files (what `prlimit(RLIMIT_NOFILE)` gives libscap, read
    /// from the thread's `limits`), -1 when unlimited or unknown.
    static func fdLimit(dir: String) -> Int64 {
        guard let text = ProcFS.read(dir + "limits", limit: 1 << 16) else { return -1 }
        for line in ProcText.lines(text) {
            guard let rest = ProcText.after("Max open files", in: line) else { continue }
            return ProcText.signed(rest) ?? -1
        }
        return -1
    }
}
