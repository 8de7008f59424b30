// SPDX-License-Identifier: Apache-2.0
import CLibBPF
import SwiftdigDriverABI
#if canImport(Glibc)
import Glibc
#endif

/// The eBPF driver, loaded: its programs attached to the syscall, scheduler, process, signal
/// (and on request page fault) tracepoints, its records read from one ring buffer shared by all
/// cpus.
///
/// The driver submits without waking anyone (waking a reader per record doubles the cost of
/// tracing), so `poll` does not sleep on the ring buffer: it drains it, and when it is empty
/// naps a millisecond at a time until something arrives or the timeout passes.
///
/// Not thread-safe: one thread polls; `counters()` may be read from anywhere.
public final class DriverProbe {
    /// How long `poll` naps between looks at an empty ring buffer.
    static let napNanoseconds = 1_000_000

    private let object: DriverObject
    private let settings: DriverSettings
    private var ring: OpaquePointer?
    private var links: [OpaquePointer] = []
    /// Where `poll` hands records, set only while `poll` runs. Unowned: the per-record call must
    /// not retain and release it (at millions of records a second that was a tenth of the time).
    fileprivate unowned(unsafe) var sink: DriverRecordSink?
    /// Records handed to `body` in the current `poll`.
    fileprivate var delivered = 0

    /// The most records one `poll` hands out: under a flood the ring buffer never empties, and
    /// the caller still needs control back (to write, to notice Ctrl-C).
    public var pollBatchLimit = 1 << 18

    /// What the record callback returns to make libbpf stop (the record itself is consumed).
    fileprivate static let stopConsuming = -ECANCELED

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
        ring = ring_buffer__new(object.ringFD, deliverRecord, Unmanaged.passUnretained(self).toOpaque(), nil)
        guard ring != nil else {
            throw .system("cannot map the driver's ring buffer", errno: errno)
        }
    }

    deinit {
        stop()
        ring_buffer__free(ring)
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

    /// Turns capture off and detaches the programs. Records already in the ring buffer stay
    /// there for `poll`.
    public func stop() {
        try? object.writeSettings(settings.mapValue(enabled: false))
        for link in links {
            bpf_link__destroy(link)
        }
        links = []
    }

    /// Consumes whatever the ring buffer holds (waiting at most `timeoutMs` when it is empty),
    /// calling `body` with each record's bytes (valid during the call). Returns the number of
    /// records consumed.
    public func poll(timeoutMs: Int32, _ body: (UnsafeRawBufferPointer) -> Void) throws(CaptureError) -> Int {
        try withoutActuallyEscaping(body) { (body) throws(CaptureError) -> Int in
            try poll(timeoutMs: timeoutMs, into: ClosureRecordSink(body))
        }
    }

    /// Consumes whatever the ring buffer holds (waiting at most `timeoutMs` when it is empty),
    /// handing each record's bytes (valid during the call) to `sink`. Returns the number of
    /// records consumed. The fast form of ``poll(timeoutMs:_:)``: no reference counting per record.
    public func poll(timeoutMs: Int32, into sink: DriverRecordSink) throws(CaptureError) -> Int {
        guard let ring else { return 0 }
        let result: Int32 = withExtendedLifetime(sink) {
            self.sink = sink
            delivered = 0
            defer { self.sink = nil }
            var naps = max(0, Int(timeoutMs)) * 1_000_000 / Self.napNanoseconds
            while true {
                var n = ring_buffer__consume(ring)
                if n == Self.stopConsuming {
                    n = Int32(clamping: delivered)
                }
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

    /// The driver's counters summed over all cpus.
    public func counters() -> DriverCounters {
        object.counters()
    }
}

/// Hands one ring buffer record to the polling probe's body.
private let deliverRecord: ring_buffer_sample_fn = { context, data, size in
    guard let context, let data else { return 0 }
    return Unmanaged<DriverProbe>.fromOpaque(context)._withUnsafeGuaranteedRef { probe in
        probe.sink?.take(UnsafeRawBufferPointer(start: data, count: size))
        probe.delivered += 1
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
