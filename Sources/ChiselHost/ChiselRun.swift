// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// The job of `swiftdig -r FILE -c NAME …`: read a capture and hand its events to chisels instead of
/// printing them, as sysdig's main loop does when chisels are given.
public enum ChiselRun {
    /// How to run.
    public struct Options {
        /// The command line's filter: events it rejects reach no chisel.
        public var filter: Filter?
        /// Stop after this many events.
        public var eventLimit: UInt64?
        /// Stop once the events span this many nanoseconds (`-M`).
        public var duration: UInt64?
        /// What chisels are told about the command line.
        public var environment = ChiselEnvironment()
        /// Where chisels print.
        public var outputFD: Int32 = 1
        /// How buffers render in text fields (`-A`, `-x`, `-X`, `-b`, `-j`); chisels may choose
        /// another while it is ``BufferFormat/normal``.
        public var bufferFormat: BufferFormat = .normal

        /// Write a colour reset (`ESC[00m`) when the events end, before chisels print their results,
        /// as sysdig does when its event format has colours (on a terminal, without `-p`).
        public var resetsColours = false

        /// Write the chisel's partial result to this file instead of its output (`--partial-out`):
        /// one chisel, which must be a ``MergeableChisel``. The file's inputs list the capture read.
        public var partialOutput: String?

        /// The defaults: every event, standard output.
        public init() {}
    }

    /// Runs `requests` over the capture at `path`. Output printed before an error is flushed.
    /// - Returns: the command line a chisel asked to run next (``ChiselContext/runAfterCapture(_:)``;
    ///   the last chisel's when several asked), or `nil`.
    /// - Throws: ``ChiselRunError`` naming the chisel that failed; the core's errors for the capture.
    @discardableResult
    public static func run(path: String, requests: [ChiselRequest], loader: ChiselLoader, options: Options) throws -> [String]? {
        try run(inspector: Inspector(path: path), requests: requests, loader: loader, options: options).nextRun
    }

    /// Runs `requests` over the events of `inspector` (a file or a live capture).
    /// - Returns: the number of events that reached the chisels (past the filter), and the command
    ///   line a chisel asked to run once this run has ended (sysdig's `run_app`), if any.
    @discardableResult
    public static func run(
        inspector: Inspector, requests: [ChiselRequest], loader: ChiselLoader, options: Options
    ) throws -> (delivered: UInt64, nextRun: [String]?) {
        let outcome = try run(first: inspector, next: { nil }, requests: requests, loader: loader, options: options)
        return (outcome.delivered, outcome.nextRun)
    }

    /// What a run over several captures did.
    public struct BatchOutcome {
        /// The number of events that reached the chisels, over all captures.
        public var delivered: UInt64 = 0
        /// The command line a chisel asked to run once the run has ended, if any.
        public var nextRun: [String]?
        /// The captures that could not be read to their end, each with its one-line error, in order.
        public var failures: [(path: String, error: String)] = []
        /// The events read from all the captures (``run(captures:requests:loader:options:captureStarted:)``).
        public var eventsRead: UInt64 = 0
    }

    /// Runs `requests` over the independent captures at `paths`, one after the other, in this
    /// process: one instance of each chisel sees every capture's events, and each capture is read
    /// with a state of its own, from scratch, as if it were run alone (its own event numbers,
    /// relative times, `-n` and `-M` limits). A capture that cannot be opened or is damaged is
    /// listed in the outcome and the next one is read; a chisel's error ends the run.
    /// - Parameter captureStarted: told the index of each capture as its reading starts, and how
    ///   many events the captures before it held.
    public static func run(
        captures paths: [String], requests: [ChiselRequest], loader: ChiselLoader, options: Options,
        captureStarted: ((_ index: Int, _ eventsBefore: UInt64) -> Void)? = nil
    ) throws -> BatchOutcome {
        let queue = CaptureQueue(paths: paths, captureStarted: captureStarted)
        guard let first = queue.next() else { return BatchOutcome(failures: queue.failures) }
        var outcome = try run(
            first: first, next: { queue.next() }, requests: requests, loader: loader, options: options,
            failed: { queue.failures.append(($0, $1.description)) })
        outcome.failures = queue.failures
        outcome.eventsRead = queue.eventsRead
        return outcome
    }

    /// The captures of a batch not read yet, opened one at a time; those that cannot be opened are
    /// noted as failures and passed over.
    private final class CaptureQueue {
        private var remaining: EnumeratedSequence<[String]>.Iterator
        private let captureStarted: ((Int, UInt64) -> Void)?
        var failures: [(path: String, error: String)] = []
        /// The capture being read, counted into ``eventsRead`` when the next one starts.
        private var current: Inspector?
        /// The events of the captures already read to their end (or to their damage).
        private(set) var eventsRead: UInt64 = 0

        init(paths: [String], captureStarted: ((Int, UInt64) -> Void)?) {
            remaining = paths.enumerated().makeIterator()
            self.captureStarted = captureStarted
        }

        /// The next capture that opens, or `nil` after the last.
        func next() -> Inspector? {
            if let current { eventsRead &+= current.eventCount }
            current = nil
            while let (index, path) = remaining.next() {
                do throws(ScapError) {
                    let inspector = try Inspector(path: path)
                    current = inspector
                    captureStarted?(index, eventsRead)
                    return inspector
                } catch {
                    failures.append((path, error.description))
                }
            }
            return nil
        }
    }

    /// Runs `requests` over `first`, then over each capture `next` hands out until it returns
    /// `nil`, each read with its own state. `failed` is told of a capture whose reading ended with an
    /// error; without it, the error ends the run.
    private static func run(
        first: Inspector, next: () -> Inspector?, requests: [ChiselRequest], loader: ChiselLoader, options: Options,
        failed: ((String, ScapError) -> Void)? = nil
    ) throws -> BatchOutcome {
        let source = HostEventSource(inspector: first, bufferFormat: options.bufferFormat)
        // A partial run prints nothing: what a chisel prints along the way (a header) belongs to the
        // merge's output. Writes to fd -1 fail and are dropped.
        let output = ChiselOutput(fd: options.partialOutput == nil ? options.outputFD : -1)
        defer { output.flush() }
        var options = options
        if options.partialOutput != nil { options.environment.writesPartial = true }
        var chisels: [ChiselInstance] = []
        for request in requests {
            chisels.append(try start(request, loader: loader, source: source, options: options, output: output))
        }
        // Refused before any event is read: the run would be wasted.
        let partialWriter = try options.partialOutput.map { try PartialOutput(path: $0, requests: requests, chisels: chisels) }
        let event = ChiselEvent(source: source)
        for c in chisels { c.event = event }
        for c in chisels { try guarded(c, "captureStarted") { try c.chisel.captureStarted() } }
        var outcome = BatchOutcome()
        var inspector = first
        while true {
            if let filter = options.filter { inspector.parser.setFilter(filter, context: source.context) }
            do {
                outcome.delivered += try deliver(
                    inspector, to: chisels, through: source, event: event, output: output, limit: options.eventLimit,
                    duration: options.duration)
            } catch let error as ScapError {
                guard let failed else { throw error }
                failed(error.file, error)
            }
            if chisels.contains(where: \.endRequested) { break }
            guard let following = next() else { break }
            source.switchTo(following)
            inspector = following
        }
        if options.resetsColours { output.write("\u{1B}[00m") }
        let end = ChiselTime(
            timestamp: inspector.lastTimestamp, delta: Int64(bitPattern: inspector.lastTimestamp &- first.firstTimestamp))
        if let partialWriter {
            var payload = ChiselPartialWriter()
            try guarded(chisels[0], "writePartial") { try partialWriter.chisel.writePartial(to: &payload) }
            try partialWriter.write(payload.bytes, inspector: inspector, delivered: outcome.delivered, options: options)
            return outcome
        }
        for c in chisels { try guarded(c, "captureEnded") { try c.chisel.captureEnded(end) } }
        outcome.nextRun = chisels.compactMap(\.nextRun).last
        return outcome
    }

    /// The loop over the capture: each event the command line's filter keeps goes to every chisel;
    /// the others move the chisels' interval clocks. Per event it touches only the runner's own
    /// copies (no call into the protocol library, no reference counting) until a chisel's filter
    /// lets the event through; what a chisel throws is named after the loop, not per event.
    /// Returns the number of events delivered.
    private static func deliver(
        _ inspector: Inspector, to chisels: [ChiselInstance], through source: HostEventSource, event: ChiselEvent,
        output: ChiselOutput, limit: UInt64?, duration: UInt64?
    ) throws -> UInt64 {
        // `inspector`, `source` and `chisels` keep these alive for the whole loop. (`event` is
        // borrowed as it is: an `unowned(unsafe)` copy would be retained at each call it is passed to.)
        unowned(unsafe) let parser = inspector.parser
        unowned(unsafe) let source = source
        let instances = chisels.map(Unmanaged.passUnretained)
        let clocked = chisels.contains { $0.hasInterval }
        // The events no chisel's filter can pass need no parsing beyond sysdig's bookkeeping, and no
        // delivery, unless every event counts (-n, -M, the interval clocks) or goes on (-w). A chisel
        // that sets a filter or an interval later turns this off (`ChiselInstance`).
        let filters = chisels.compactMap(\.filter)
        if !clocked, limit == nil, duration == nil, parser.filter == nil, !parser.isDumping, filters.count == chisels.count {
            parser.watchOnly(filters)
            inspector.deliversHiddenEvents = !parser.skipsUnwatchedEvents
        }
        var delivered: UInt64 = 0
        var durationLimit = duration.map(DurationLimit.init)
        // The chisel being called and in which callback, for the error (`nil`: not in a chisel).
        var calling: (index: Int, callback: Callback)?
        defer { source.current = nil }
        // A live capture with no event to hand out: the wall clock ticks the intervals, as the
        // machine's events would (sysdig's chisels tick on every event, filtered out or not).
        // (Named by `guarded`: capturing `calling` would move it off the stack of the event loop.)
        inspector.source?.idleObserver = { now in
            source.current = nil
            for c in chisels { try guarded(c, "interval") { try c.idleTick(now) } }
        }
        defer { inspector.source?.idleObserver = nil }
        do {
            // Live, what the chisels printed goes out before the capture waits for more.
            try inspector.run(beforeWaiting: { output.flush(); return true }) { current in
                if parser.filteredOut {
                    if let filterFailure = parser.filterFailure { throw filterFailure }
                    // sysdig's chisels read the filtered-out event in on_interval (its one event object).
                    guard clocked || chisels.contains(where: { $0.hasInterval }) else { return true }
                    source.current = current
                    defer { source.current = nil }
                    for (i, c) in chisels.enumerated() where c.hasInterval {
                        calling = (i, .interval)
                        try c.tick(current.timestamp)
                    }
                    calling = nil
                    return true
                }
                if let limit, delivered >= limit { return false }
                // -M: counted from the first event delivered, as sysdig does.
                if durationLimit?.isReached(at: current.timestamp) == true { return false }
                delivered &+= 1
                if delivered == 1 { source.context.firstTimestamp = inspector.firstTimestamp }
                var stopRequested = false
                for i in instances.indices {
                    calling = (i, .handle)
                    try instances[i]._withUnsafeGuaranteedRef { c in
                        try c.process(current, event)
                        stopRequested = stopRequested || c.endRequested
                    }
                }
                calling = nil
                return !stopRequested
            }
        } catch {
            guard let calling else { throw error }
            try guarded(chisels[calling.index], calling.callback.rawValue) { throw error }
        }
        return delivered
    }

    /// The callbacks the loop makes, as error messages name them.
    private enum Callback: String {
        case handle, interval
    }

    /// Creates and initialises the chisel of `request`, following `exec` requests to the chisel that
    /// finally runs (`topprocs_net` runs as `table_generator`).
    static func start(
        _ request: ChiselRequest, loader: ChiselLoader, source: HostEventSource, options: Options, output: ChiselOutput
    ) throws -> ChiselInstance {
        var plugin = request.plugin, name = request.name, arguments = request.arguments
        while true {
            let instance = ChiselInstance(
                plugin: plugin, name: name, source: source, environment: options.environment, output: output)
            let values = ChiselArguments(arguments, for: plugin.info)
            try guarded(name, "initialize") { try instance.chisel.initialize(instance.context, values) }
            instance.arguments = arguments
            guard let exec = instance.context.execRequest else { return instance }
            do {
                plugin = try loader.load(exec.chisel)
                try ChiselCommandLine.validate(exec.arguments, against: plugin.info, chisel: exec.chisel)
            } catch {
                throw ChiselRunError(chisel: name, message: error.message)
            }
            name = exec.chisel
            arguments = exec.arguments
        }
    }

    /// Runs a chisel's callback, naming the chisel in what it throws.
    @inline(__always)
    static func guarded(_ instance: ChiselInstance, _ callback: String, _ body: () throws -> Void) throws {
        // The name is read only when the chisel threw: not per event.
        try guarded(name: { instance.name }, callback, body)
    }

    /// ``guarded(_:_:_:)`` for a chisel known by name.
    @inline(__always)
    private static func guarded(_ chisel: String, _ callback: String, _ body: () throws -> Void) throws {
        try guarded(name: { chisel }, callback, body)
    }

    @inline(__always)
    private static func guarded(name chisel: () -> String, _ callback: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ChiselRunError {
            throw error
        } catch let error as ChiselError {
            throw ChiselRunError(chisel: chisel(), message: error.message)
        } catch {
            throw ChiselRunError(chisel: chisel(), message: "\(callback) threw \(error)")
        }
    }
}

/// A chisel failed while running: the message names it.
public struct ChiselRunError: Error, CustomStringConvertible {
    /// The chisel's name.
    public let chisel: String
    /// What went wrong.
    public let message: String

    /// `chisel NAME: MESSAGE`.
    public var description: String { "chisel \(chisel): \(message)" }
}
