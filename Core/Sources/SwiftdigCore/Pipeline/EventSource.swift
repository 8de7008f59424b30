// SPDX-License-Identifier: Apache-2.0

/// Where an ``Inspector`` gets its blocks when they do not come from a capture file: a live
/// capture (the capture library builds one over the eBPF driver), or anything else that produces
/// scap blocks in order.
///
/// A source hands out the state blocks first (machine, interfaces, users, processes, fds), then
/// events. The core knows nothing of how they are made.
public protocol EventSource: AnyObject {
    /// What errors and summaries call the source (a path, or a description such as `live capture`).
    var name: String { get }

    /// The next block, or `nil` when the source has ended (a live capture ends when it is stopped).
    /// An event's bytes stay valid until the next call. A source that never ends by itself must
    /// end soon after ``RunInterruption/isRequested`` turns true.
    func nextBlock() throws -> ScapBlock?

    /// What the producer of the events counted: for a live capture, the driver's counters.
    var statistics: CaptureStatistics { get }

    /// Called from ``nextBlock()`` each time the source waited for events and none came (a live
    /// capture: a poll of the driver that found nothing, about every 50 ms while the machine is
    /// quiet), with the time now on the events' clock (nanoseconds since the epoch). Chisel runs
    /// use it to keep interval output on time when no event arrives. What it throws, `nextBlock()`
    /// throws.
    var idleObserver: ((UInt64) throws -> Void)? { get set }

    /// Whether the next ``nextBlock()`` may wait for events not produced yet (a live capture that
    /// has handed out everything it collected). Runs write out what they printed before such a
    /// call, so that a line shows as soon as its event was read rather than when the output
    /// buffer fills, while a busy capture still writes in large pieces.
    var mayWait: Bool { get }
}

extension EventSource {
    /// A source that never waits (one that reads what is already there) has no idle moments: it
    /// keeps no observer.
    public var idleObserver: ((UInt64) throws -> Void)? {
        get { nil }
        set {}
    }

    /// A source that reads what is already there never waits.
    public var mayWait: Bool { false }
}

/// What the producer of a run's events counted, as sysdig's `-v` reports it at the end.
public struct CaptureStatistics: Sendable, Equatable {
    /// Events the driver produced.
    public var events: UInt64
    /// Events the driver lost (its buffer was full).
    public var drops: UInt64
    /// Events suppressed on purpose (sysdig's suppressed comms); swiftdig suppresses none.
    public var suppressed: UInt64

    /// Counters with the given values (all zero by default: a capture file has no driver).
    public init(events: UInt64 = 0, drops: UInt64 = 0, suppressed: UInt64 = 0) {
        self.events = events
        self.drops = drops
        self.suppressed = suppressed
    }
}
