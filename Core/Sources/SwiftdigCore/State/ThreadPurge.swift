// SPDX-License-Identifier: Apache-2.0

/// The periodic scan of the thread table that sysdig 0.29.3 runs in live captures only (libsinsp's
/// `remove_inactive_threads`; a capture file never runs it, so reading one keeps sysdig's table).
///
/// By event time: the first scan comes 30 seconds after the first event, then one every
/// ``scanInterval``. A scan removes every thread that has exited (flagged ``CloneFlag/closed``, even
/// a main thread whose threads were still counted), and every thread idle for longer than
/// ``threadTimeout`` that the machine no longer has; then it counts the threads of each process
/// again, so that main threads held by threads that vanished can go at their own exit.
///
/// The container table is scanned the same way, every 30 seconds: containers no thread is in go.
///
/// ```swift
/// var purge = ThreadPurge(isAlive: ThreadLiveness.isAlive)
/// if purge.scanIfDue(at: inspector.lastTimestamp, in: inspector.state) { /* the table shrank */ }
/// ```
public struct ThreadPurge {
    /// Time between scans (libsinsp's `m_inactive_thread_scan_time_ns`: 1200 s).
    public var scanInterval: UInt64 = 1200 * 1_000_000_000
    /// How long a thread may go without events before the machine is asked whether it still exists
    /// (libsinsp's `m_thread_timeout_ns`: 1800 s).
    public var threadTimeout: UInt64 = 1800 * 1_000_000_000
    /// Whether the machine still has the thread (libscap's `scap_is_thread_alive`).
    public let isAlive: (ThreadInfo) -> Bool
    /// The event time of the last scan; 0 until the first event.
    private var lastScan: UInt64 = 0
    /// Threads removed by scans so far.
    public private(set) var removedCount = 0
    /// The event time of the last scan of the container table; 0 until the first event.
    private var lastContainerScan: UInt64 = 0
    /// Time between scans of the container table (libsinsp's `DEFAULT_INACTIVE_CONTAINER_SCAN_TIME_S`).
    public var containerScanInterval: UInt64 = 30 * 1_000_000_000

    /// sysdig's delay before the first scan, so that a bug shows without waiting tens of minutes.
    private static let firstScanDelay: UInt64 = 30 * 1_000_000_000

    /// A purge that asks `isAlive` about idle threads.
    public init(isAlive: @escaping (ThreadInfo) -> Bool) {
        self.isAlive = isAlive
    }

    /// Scans `state` when a scan is due at event time `now`.
    /// - Returns: whether a scan of the thread table ran.
    @inline(__always)
    public mutating func scanIfDue(at now: UInt64, in state: SystemState) -> Bool {
        // Per event: two comparisons, once the first event set the clocks.
        var scanned = false
        if lastScan == 0 || now > lastScan &+ scanInterval { scanned = scanSlowPath(at: now, in: state) }
        if lastContainerScan == 0 || now > lastContainerScan &+ containerScanInterval {
            scanContainers(at: now, in: state)
        }
        return scanned
    }

    /// libsinsp's `remove_inactive_containers`, which runs after the thread scan: every 30 s (the
    /// first 30 s in), the containers no thread is in are dropped.
    @inline(never)
    private mutating func scanContainers(at now: UInt64, in state: SystemState) {
        if lastContainerScan == 0 {
            lastContainerScan = now &- containerScanInterval &+ Self.firstScanDelay
            if now <= lastContainerScan &+ containerScanInterval { return }
        }
        lastContainerScan = now
        var inUse = Set<String>()
        for thread in state.threads.values where !thread.containerID.isEmpty { inUse.insert(thread.containerID) }
        state.containers.removeAll { inUse.contains($0) }
    }

    @inline(never)
    private mutating func scanSlowPath(at now: UInt64, in state: SystemState) -> Bool {
        if lastScan == 0 {
            // As libsinsp: the first scan 30 s in (the interval itself when shorter).
            lastScan = now &- scanInterval &+ (scanInterval > Self.firstScanDelay ? Self.firstScanDelay : 0)
            if now <= lastScan &+ scanInterval { return false }
        }
        lastScan = now
        var doomed: [(tid: Int64, closed: Bool)] = []
        for thread in state.threads.values {
            let closed = thread.flags & CloneFlag.closed != 0
            if closed || (now > thread.lastAccess &+ threadTimeout && !isAlive(thread)) {
                doomed.append((thread.tid, closed))
            }
        }
        for (tid, closed) in doomed { state.removeThread(tid, force: closed) }
        removedCount += doomed.count
        state.recreateChildDependencies()
        return true
    }
}
