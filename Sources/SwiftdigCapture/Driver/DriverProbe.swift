// SPDX-License-Identifier: Apache-2.0
import CLibBPF
import SwiftdigDriverABI
#if canImport(Glibc)
import Glibc
#endif

/// The eBPF driver, loaded: its programs attached to the syscall, scheduler, process, signal
/// (and on request page fault) tracepoints, its records read from one ring buffer per cpu.
///
/// The driver submits without waking anyone (waking a reader per record doubles the cost of
/// tracing), so `poll` does not sleep on the ring buffers: it drains them, and when they are
/// empty naps a millisecond at a time until something arrives or the timeout passes.
///
/// Each cpu's ring buffer is in that cpu's order; `poll` hands out the records of one ring
/// buffer after another, and says up to when it has all of them (``orderedUpTo``), so that the
/// caller can merge them by timestamp. The driver batches records per cpu: a record reaches its
/// ring buffer at most ``batchDelayNanoseconds`` after it was made, which ``orderedUpTo`` does
/// not account for.
///
/// Not thread-safe: one thread polls; `counters()` may be read from anywhere.
public final class DriverProbe {
    /// How long `poll` naps between looks at an empty ring buffer.
    static let napNanoseconds = 1_000_000
    /// How long a record may wait in its cpu's batch in the driver (batch.h: the flush timer's
    /// 1 ms, and the timer's own lateness), besides the time a record is submitted after its
    /// timestamp.
    public static let batchDelayNanoseconds: UInt64 = 2_000_000

    private let object: DriverObject
    private let settings: DriverSettings
    /// libbpf's readers of the ring buffers, one per cpu.
    private var rings: [OpaquePointer] = []
    /// The ring buffer a poll starts with: each poll starts with the next, so that under a flood
    /// that stops polls at their limit no cpu waits for the others.
    private var firstRing = 0
    /// Per ring buffer, the driver's time (boot ns) up to which its records were handed out.
    private var ringMarks: [UInt64] = []
    /// The time of the last record handed out.
    fileprivate var lastRecordTime: UInt64 = 0
    private var links: [OpaquePointer] = []
    /// Where `poll` hands records, set only while `poll` runs. Unowned: the per-record call must
    /// not retain and release it (at millions of records a second that was a tenth of the time).
    fileprivate unowned(unsafe) var sink: DriverRecordSink?
    /// Records handed to `body` in the current `poll`.
    fileprivate var delivered = 0

    /// The records after which one `poll` stops (at the end of the ring-buffer sample that
    /// reaches it: a cpu's batch holds up to 170 records): under a flood the ring buffer never
    /// empties, and the caller still needs control back (to write, to notice Ctrl-C).
    public var pollBatchLimit = 1 << 18

    /// What the record callback returns to make libbpf stop (the record itself is consumed).
    fileprivate static let stopConsuming = -ECANCELED
    /// The bytes of a record's header (`struct sd_record`).
    fileprivate static let recordHeaderSize = MemoryLayout<sd_record>.size

    /// The driver's time (`CLOCK_BOOTTIME` ns) up to which every record has been handed out, as
    /// of the last `poll`: records stamped earlier come only if they were submitted late (an exit
    /// record carrying its enter is as late as its call ran). 0 before a poll drained them all.
    public private(set) var orderedUpTo: UInt64 = 0

    /// The driver object's path: $SWIFTDIG_BPF_OBJECT, next to the executable, in the build's
    /// resource bundle for SwiftdigCapture, or `<prefix>/lib/swiftdig/` (prefix = the
    /// executable's folder's parent). Nil when none of them exists.
    public static func locateObject() -> String? {
        DriverObjectLocator.locate()
    }

    /// What stops live capture on this machine, checked without loading the driver: no BTF, no
    /// driver object, or BPF refused (not root, no CAP_BPF). Nil when nothing does.
    public static func preflight(objectPath: String? = nil) -> CaptureError? {
        guard access("/sys/kernel/btf/vmlinux", R_OK) == 0 else {
            return .noBTF
        }
        guard objectPath ?? locateObject() != nil else {
            return .objectNotFound(searched: DriverObjectLocator.candidates())
        }
        // The smallest thing BPF does: create a one-entry array map.
        let fd = bpf_map_create(BPF_MAP_TYPE_ARRAY, nil, 4, 4, 1, nil)
        guard fd >= 0 else {
            return .system("cannot use BPF", errno: -fd)
        }
        close(fd)
        return nil
    }

    /// Opens and loads the driver (nothing is attached yet): checks BTF, finds the object,
    /// sizes the ring buffer (`bufferBytes`, rounded up to a power of two), writes the settings
    /// (capture off) and the capture plans (syscalls without a plan get arguments only).
    public init(
        objectPath: String? = nil, settings: DriverSettings,
        plans: [(syscall: Int, plan: sd_syscall_plan)], bufferBytes: Int = 64 << 20
    ) throws(CaptureError) {
        guard access("/sys/kernel/btf/vmlinux", R_OK) == 0 else {
            throw .noBTF
        }
        guard let path = objectPath ?? Self.locateObject() else {
            throw .objectNotFound(searched: DriverObjectLocator.candidates())
        }
        let object = try DriverObject(path: path, ringBytes: bufferBytes, pageFaults: settings.pageFaults)
        try object.writeSettings(settings.mapValue(enabled: false))
        for (syscall, plan) in plans {
            try object.writePlan(plan, for: syscall)
        }
        self.object = object
        self.settings = settings
        for fd in object.ringFDs {
            guard let ring = ring_buffer__new(fd, deliverRecord, Unmanaged.passUnretained(self).toOpaque(), nil) else {
                throw .system("cannot map the driver's ring buffers", errno: errno)
            }
            rings.append(ring)
        }
        ringMarks = Array(repeating: 0, count: rings.count)
    }

    deinit {
        stop()
        rings.forEach { ring_buffer__free($0) }
    }

    /// Attaches every program and turns capture on.
    public func start() throws(CaptureError) {
        guard links.isEmpty else { return }
        do {
            links = try object.attachAll()
            try object.writeSettings(settings.mapValue(enabled: true))
        } catch {
            stop()
            throw error
        }
    }

    /// Turns capture off, detaches the programs and flushes the cpus' batches. Records already
    /// in the ring buffers stay there for `poll`.
    public func stop() {
        try? object.writeSettings(settings.mapValue(enabled: false))
        guard !links.isEmpty else { return }
        for link in links {
            bpf_link__destroy(link)
        }
        links = []
        object.flushBatches()
    }

    /// Consumes whatever the ring buffer holds (waiting at most `timeoutMs` when it is empty),
    /// calling `body` with each record's bytes (valid during the call). Returns the number of
    /// records consumed.
    public func poll(timeoutMs: Int32, _ body: (UnsafeRawBufferPointer) -> Void) throws(CaptureError) -> Int {
        try withoutActuallyEscaping(body) { (body) throws(CaptureError) -> Int in
            try poll(timeoutMs: timeoutMs, into: ClosureRecordSink(body))
        }
    }

    /// Consumes whatever the ring buffers hold (waiting at most `timeoutMs` when they are empty),
    /// handing each record's bytes (valid during the call) to `sink`, one ring buffer after
    /// another. Returns the number of records consumed. The fast form of
    /// ``poll(timeoutMs:_:)``: no reference counting per record.
    public func poll(timeoutMs: Int32, into sink: DriverRecordSink) throws(CaptureError) -> Int {
        guard !rings.isEmpty else { return 0 }
        let result: Int32 = withExtendedLifetime(sink) {
            self.sink = sink
            delivered = 0
            defer { self.sink = nil }
            var naps = max(0, Int(timeoutMs)) * 1_000_000 / Self.napNanoseconds
            while true {
                let n = consumeRings()
                if n != 0 || naps == 0 {
                    return n
                }
                naps -= 1
                var nap = timespec(tv_sec: 0, tv_nsec: Self.napNanoseconds)
                nanosleep(&nap, nil)
            }
        }
        if result < 0 && result != -EINTR {
            throw .system("cannot read the driver's ring buffer", errno: -result)
        }
        return Int(max(result, 0))
    }

    /// One pass over the ring buffers, stopping at the batch limit; moves their marks and
    /// ``orderedUpTo``. The number of records handed out, or libbpf's error.
    private func consumeRings() -> Int32 {
        let started = Self.driverClock()
        let count = rings.count
        let first = firstRing
        firstRing = (firstRing + 1) % count
        for step in 0..<count {
            let index = (first + step) % count
            let before = delivered
            let n = ring_buffer__consume(rings[index])
            if n == Self.stopConsuming {
                // Handed out up to its last record; the rest of it, and the rings not reached,
                // keep their marks.
                if delivered > before { ringMarks[index] = max(ringMarks[index], lastRecordTime) }
                break
            }
            if n < 0 { return n }
            ringMarks[index] = started
        }
        orderedUpTo = ringMarks.min() ?? 0
        return Int32(clamping: delivered)
    }

    /// The driver's clock, `CLOCK_BOOTTIME`, in ns.
    static func driverClock() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_BOOTTIME, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }

    /// The driver's counters summed over all cpus.
    public func counters() -> DriverCounters {
        object.counters()
    }
}

/// Hands the records of one ring buffer sample to the polling probe's sink. A sample is a cpu's
/// batch of records back to back, each `len` bytes (a multiple of 8), or one record reserved
/// alone, whose reservation may end with slack shorter than a header.
private let deliverRecord: ring_buffer_sample_fn = { context, data, size in
    guard let context, let data else { return 0 }
    return Unmanaged<DriverProbe>.fromOpaque(context)._withUnsafeGuaranteedRef { probe in
        let sample = UnsafeRawBufferPointer(start: data, count: size)
        var offset = 0
        while size - offset >= DriverProbe.recordHeaderSize {
            let len = Int(sample.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
            // A length that cannot be right: the rest goes as one record, which the encoder refuses.
            let end = len >= DriverProbe.recordHeaderSize && len <= size - offset ? offset + len : size
            probe.sink?.take(UnsafeRawBufferPointer(rebasing: sample[offset..<end]))
            probe.delivered += 1
            probe.lastRecordTime = sample.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset = end
        }
        return probe.delivered >= probe.pollBatchLimit ? DriverProbe.stopConsuming : 0
    }
}

/// What ``DriverProbe/poll(timeoutMs:into:)`` hands the driver's records to.
public protocol DriverRecordSink: AnyObject {
    /// Takes one record: its header and chunks, valid only during the call.
    func take(_ record: UnsafeRawBufferPointer)
}

/// A closure as a record sink (for callers that do not mind its per-record cost).
private final class ClosureRecordSink: DriverRecordSink {
    let body: (UnsafeRawBufferPointer) -> Void
    init(_ body: @escaping (UnsafeRawBufferPointer) -> Void) { self.body = body }
    func take(_ record: UnsafeRawBufferPointer) { body(record) }
}
