// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// The live thread-table scan, by sysdig's rules: when it runs (by event time), what it removes,
/// and the thread counts it rebuilds.
@Suite struct ThreadPurgeTests {
    static let second: UInt64 = 1_000_000_000
    static let start: UInt64 = 1_700_000_000 * second

    /// A state with a process 10 (threads 11 and 12), a single-threaded process 20, and 30.
    static func state() -> SystemState {
        let state = SystemState()
        for (tid, pid) in [(10, 10), (11, 10), (12, 10), (20, 20), (30, 30)] as [(Int64, Int64)] {
            let t = ThreadInfo(tid: tid, pid: pid)
            t.comm = "p\(pid)"
            if tid != pid { t.flags |= CloneFlag.thread }
            t.lastAccess = start
            state.addThread(t, fromProcessList: false)
        }
        return state
    }

    @Test func scansComeThirtySecondsInThenEveryInterval() {
        let state = Self.state()
        var purge = ThreadPurge(isAlive: { _ in true })
        // (seconds after the first event, nanoseconds more, whether a scan runs)
        let steps: [(UInt64, UInt64, Bool)] = [(0, 0, false), (30, 0, false), (30, 1, true), (1230, 0, false), (1230, 2, true)]
        let runs = steps.map { purge.scanIfDue(at: Self.start + $0.0 * Self.second + $0.1, in: state) }
        #expect(runs == steps.map(\.2))
        #expect(state.threads.count == 5)
    }

    @Test func exitedThreadsGoEvenWithThreadsCounted() {
        let state = Self.state()
        state.thread(10)!.flags |= CloneFlag.closed  // the main thread exited before its threads
        state.thread(20)!.flags |= CloneFlag.closed
        #expect(state.thread(10)!.childCount == 2)
        var purge = ThreadPurge(isAlive: { _ in true })
        _ = purge.scanIfDue(at: Self.start, in: state)
        do {
            let ran = purge.scanIfDue(at: Self.start + 31 * Self.second, in: state)
            #expect(ran)
        }
        // 10 goes, and comes back as the placeholder its threads' recount looks up (libsinsp's
        // recreate_child_dependencies asks for the main thread and adds what it finds).
        #expect(state.threads.keys.sorted() == [10, 11, 12, 30])
        #expect(state.thread(10)?.comm == "<NA>")
        #expect(purge.removedCount == 2)
    }

    @Test func idleThreadsGoOnlyWhenTheMachineNoLongerHasThem() {
        let state = Self.state()
        state.thread(30)!.lastAccess = Self.start + 4000 * Self.second  // used recently
        var asked: [Int64] = []
        var purge = ThreadPurge(isAlive: { thread in
            asked.append(thread.tid)
            return thread.tid == 11
        })
        _ = purge.scanIfDue(at: Self.start + 4000 * Self.second, in: state)
        do {
            let ran = purge.scanIfDue(at: Self.start + 4031 * Self.second, in: state)
            #expect(ran)
        }
        #expect(asked.sorted() == [10, 11, 12, 20])
        // 12 and 20 go; 10, not flagged as exited, is not forced out while its thread 11 lives
        // (as libsinsp's remove_thread without force); the counts are rebuilt from what is left.
        #expect(state.threads.keys.sorted() == [10, 11, 30])
        #expect(state.thread(10)!.childCount == 1)
    }

    @Test func countsAreRebuiltFromTheTable() {
        let state = Self.state()
        state.thread(10)!.childCount = 7  // out of step, as after a dropped exit
        var purge = ThreadPurge(isAlive: { _ in true })
        _ = purge.scanIfDue(at: Self.start, in: state)
        _ = purge.scanIfDue(at: Self.start + 31 * Self.second, in: state)
        #expect(state.thread(10)!.childCount == 2)
    }

    @Test func dropWarningOnlyWithDrops() {
        #expect(DropWarning.line(CaptureStatistics(events: 10)) == "")
        let line = DropWarning.line(CaptureStatistics(events: 10, drops: 3))
        #expect(line.hasPrefix("swiftdig: warning: the driver dropped 3 events (it delivered 10): "))
    }
}

extension ThreadPurgeTests {
    @Test func containersNoThreadIsInGoEveryThirtySeconds() {
        let state = Self.state()
        state.thread(20)!.containerID = "aaaaaaaaaaaa"
        for id in ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc"] {
            state.containers.add(ContainerInfo(id: id, type: .docker))
        }
        var purge = ThreadPurge(isAlive: { _ in true })
        _ = purge.scanIfDue(at: Self.start, in: state)
        #expect(state.containers.all.count == 3)
        _ = purge.scanIfDue(at: Self.start + 31 * Self.second, in: state)
        #expect(state.containers.all.map(\.id) == ["aaaaaaaaaaaa"])
    }
}

extension ThreadPurgeTests {
    @Test func aFullTableTakesNoNewThread() {
        let state = SystemState()
        for tid in 1...Int64(SystemState.maxThreads) { state.addThread(ThreadInfo(tid: tid, pid: tid), fromProcessList: true) }
        state.addThread(ThreadInfo(tid: 0x7FFF_0000, pid: 0x7FFF_0000), fromProcessList: false)
        #expect(state.thread(0x7FFF_0000) == nil)
        #expect(state.thread(0x7FFF_0001, create: true) == nil)
        #expect(state.threads.count == SystemState.maxThreads)
        state.removeThread(5, force: false)
        #expect(state.thread(0x7FFF_0001, create: true)?.comm == "<NA>")
    }
}

/// The blocks of a capture file, handed out as a live source would.
private final class FileBlocks: EventSource {
    let reader: ScapReader
    init(_ path: String) throws { reader = try ScapReader(path: path) }
    var name: String { reader.path }
    func nextBlock() throws -> ScapBlock? { try reader.nextBlock() }
    var statistics: CaptureStatistics { CaptureStatistics() }
}

extension ThreadPurgeTests {
    /// Process 10 with its thread 11 from the process list; 10 exits first, 11 has an event 31 s later.
    static func mainExitsFirst(_ path: String) throws {
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        var thread = ScapSamples.thread(11)
        thread.pid = 10
        thread.flags |= CloneFlag.thread
        try writer.writeProcessList(ProcessList(threads: [ScapSamples.thread(10), thread]))
        let exit = ScapSamples.event(type: EventCode.procexit1E, ts: start, tid: 10, params: [[0, 0, 0, 0, 0, 0, 0, 0]])
        try exit.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0) }
        let open = ScapSamples.event(
            type: EventCode.openX, ts: start + 31 * second, tid: 11,
            params: [[3, 0, 0, 0, 0, 0, 0, 0], Array("/etc/hosts\0".utf8), [1, 0, 0, 0], [0xA4, 1, 0, 0]])
        try open.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0) }
        try writer.close()
    }

    @Test(arguments: [false, true])
    func inspectorScansOnlyWhenAskedAsForALiveCapture(_ live: Bool) throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/main-exits-first.scap"
        try Self.mainExitsFirst(path)
        let inspector = Inspector(source: try FileBlocks(path))
        if live { inspector.threadPurge = ThreadPurge(isAlive: { _ in false }) }
        var names: [String] = []
        try inspector.run { _ in
            names.append(inspector.parser.thread.map { "\($0.tid) " + (inspector.state.mainThread(of: $0)?.comm ?? "<no main>") } ?? "<none>")
            return true
        }
        // The main thread counts its thread from the list, so its exit leaves it in the table (as
        // sysdig); the live scan 31 s in removes it, exited, and the thread's process is then
        // unknown (`<NA>`, the entry libsinsp also makes for a main thread it cannot find).
        #expect(names == (live ? ["10 curl", "11 <NA>"] : ["10 curl", "11 curl"]))
        #expect((inspector.state.thread(10)?.comm == "curl") == !live)
    }
}
