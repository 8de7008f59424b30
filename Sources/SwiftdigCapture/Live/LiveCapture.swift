// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// The live system as an ``EventSource``: the state snapshot from /proc first, then the driver's
/// records, encoded into the same scap events a capture file holds. An ``Inspector`` over it runs
/// the filter, the formatting, `-w` and chisels exactly as for a file.
///
/// ```swift
/// let live = try LiveCapture(options: .init())
/// let inspector = Inspector(source: live)
/// try inspector.run { event in print(event.info.name); return true }
/// ```
///
/// The driver starts before /proc is read, so nothing happening during the scan is lost (an event
/// of a process the scan also saw is harmless: the state takes both).
public final class LiveCapture: EventSource {
    /// What to capture.
    public struct Options: Sendable {
        /// Bytes of each I/O buffer to keep (`-s`).
        public var snaplen: UInt32 = 80
        /// Capture swiftdig's own events too (`-D`); by default they are hidden.
        public var includesOwnEvents = false
        /// Capture page faults (`--page-faults`).
        public var pageFaults = false
        /// Read users and groups into the state (`-E` turns it off).
        public var includesUsers = true
        /// The driver's ring buffer, in bytes.
        public var bufferBytes = 64 << 20
        /// The driver object to load instead of the one found next to the executable.
        public var objectPath: String?
        /// Everything at its default.
        public init() {}
    }

    /// "live capture", for messages.
    public let name = "live capture"

    private let probe: DriverProbe
    /// The snapshot's blocks still to hand out, last first (taken off the end).
    private var stateBlocks: [ScapBlock]
    private let batch: EventBatch
    private let encoder: RecordEncoder
    /// How late (ns) a record may reach the ring buffer after its time and still be written in
    /// timestamp order: an exit record carrying its enter is as late as the call ran on its cpu
    /// (2 ms), and a record then waits in its cpu's batch in the driver.
    static let orderMargin: UInt64 = 2_000_000 + DriverProbe.batchDelayNanoseconds
    private var stopped = false
    private var draining = false
    /// Wall-clock nanoseconds at boot: the driver's boot-relative times plus this are event times.
    private let bootTime: UInt64

    /// See ``EventSource/idleObserver``.
    public var idleObserver: ((UInt64) throws -> Void)?

    /// See ``EventSource/mayWait``: every collected event was handed out, the next call polls.
    public var mayWait: Bool { stateBlocks.isEmpty && batch.isEmpty }

    /// Loads and starts the driver, then reads the state of the machine.
    /// - Throws: ``CaptureError`` when live capture is not possible here (not root, no BTF, no
    ///   driver object), naming what is missing.
    public init(options: Options) throws {
        var settings = DriverSettings()
        settings.snaplen = options.snaplen
        settings.pageFaults = options.pageFaults
        settings.ignoredProcess = options.includesOwnEvents ? nil : getpid()
        probe = try DriverProbe(
            objectPath: options.objectPath, settings: settings, plans: CapturePlans.all(),
            bufferBytes: options.bufferBytes)
        bootTime = RecordEncoder.bootTime()
        encoder = RecordEncoder(bootTime: bootTime)
        batch = EventBatch(encoder: encoder)
        try probe.start()
        stateBlocks = try SystemSnapshot.take(includeUsers: options.includesUsers).blocks.reversed()
    }

    deinit { probe.stop() }

    /// The state blocks, then the events as the driver delivers them; `nil` once a stop was asked
    /// for (``RunInterruption``) or ``stop()`` was called.
    public func nextBlock() throws -> ScapBlock? {
        if let block = stateBlocks.popLast() { return block }
        while batch.isEmpty {
            if !draining && (stopped || RunInterruption.isRequested) {
                // Nothing new from here on; what the driver collected before the stop is still
                // handed out, so a capture that lags ends with everything up to the stop.
                probe.stop()
                draining = true
            }
            batch.reset()
            let count = try probe.poll(timeoutMs: draining ? 0 : 50, into: batch)
            // Every record stamped before `orderedUpTo` has been handed out, except those
            // submitted late (see EventBatch): the margin covers them.
            let ordered = encoder.bootTime &+ probe.orderedUpTo
            let watermark = draining && count == 0 ? UInt64.max : (ordered > Self.orderMargin ? ordered - Self.orderMargin : 0)
            batch.seal(upTo: watermark)
            if draining && count == 0 && batch.isEmpty { return nil }
            if count == 0 && batch.isEmpty, let idleObserver { try idleObserver(now()) }
        }
        return .event(try batch.next())
    }

    /// The time now as the events carry it: the boot clock (the driver's) plus the boot time.
    private func now() -> UInt64 {
        var boot = timespec()
        clock_gettime(CLOCK_BOOTTIME, &boot)
        return bootTime &+ UInt64(boot.tv_sec) &* 1_000_000_000 &+ UInt64(boot.tv_nsec)
    }

    /// Ends the capture: the driver stops collecting, and ``nextBlock()`` returns `nil` once the
    /// events it had collected are handed out. A ``RunInterruption`` request does the same.
    public func stop() { stopped = true }

    /// The driver's counters.
    public var statistics: CaptureStatistics {
        let counters = probe.counters()
        return CaptureStatistics(events: counters.events, drops: counters.drops)
    }
}
