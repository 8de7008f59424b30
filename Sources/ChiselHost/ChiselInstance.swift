// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// One running chisel: the chisel, its context, its filter and its interval clock. It is also the
/// chisel's ``ChiselHostServices``: what the context asks of the runner lands here.
final class ChiselInstance: ChiselHostServices {
    let name: String
    let chisel: any Chisel
    private(set) var context: ChiselContext!
    private(set) var filter: Filter?
    let source: HostEventSource
    let environment: ChiselEnvironment
    private var isFirstEvent = true
    private var lastSampleTime: UInt64 = 0
    private var lastIntervalTimestamp: UInt64 = 0
    /// The time of the last idle tick of a live capture (0: none): events stamped before it (still in
    /// flight when the clock was read) tick at it, so the intervals never run backwards.
    private var idleFloor: UInt64 = 0
    /// Where the chisel prints: flushed after each interval of a live capture, so that what an
    /// interval printed shows when it ends, not when the buffer fills.
    private let output: ChiselOutput

    init(plugin: ChiselPlugin, name: String, source: HostEventSource, environment: ChiselEnvironment, output: ChiselOutput) {
        self.name = name
        self.chisel = plugin.factory.make()
        self.fieldContextRef = Unmanaged.passUnretained(source.context)
        self.currentSource = source
        self.source = source
        self.environment = environment
        self.output = output
        self.context = ChiselContext(chiselName: name, host: self, output: output)
    }

    /// The one event object of the run (set by the runner once chisels are initialised).
    var event: ChiselEvent?

    /// The arguments the chisel was initialised with (after `exec`, those of the chisel exec'd).
    var arguments: [String] = []

    /// The first and last timestamps of the inputs merged partials cover: what the context reports
    /// in a merge, where no event is read.
    var coveredTimestamps: (first: UInt64, last: UInt64)?

    var firstEventTimestamp: UInt64 { coveredTimestamps?.first ?? source.inspector.firstTimestamp }
    var lastEventTimestamp: UInt64 { coveredTimestamps?.last ?? source.inspector.lastTimestamp }

    /// Whether an event reached the chisel: sysdig points Lua's `evt` at the first such event, so
    /// intervals that end before it have no event.
    private var hasEvent = false
    var currentEvent: ChiselEvent? { hasEvent && source.current != nil ? event : nil }

    func setFilter(_ text: String) throws {
        do {
            filter = try Filter(compiling: text)
        } catch {
            throw ChiselError("invalid filter in chisel \(name): \(error.description)")
        }
        filterRef = filter.map(Unmanaged.passUnretained)
        filterIsTypeTest = filter?.isDecidedByType ?? false
        watchEveryEvent()
    }

    /// Turns off the runner's skipping of the events no chisel's filter could pass, once the
    /// filters or the interval clocks change during the run.
    private func watchEveryEvent() {
        let inspector = source.inspector
        guard inspector.parser.skipsUnwatchedEvents else { return }
        inspector.parser.watchOnly(nil)
        inspector.deliversHiddenEvents = true
    }

    // Per event, the runner reads these copies instead of calling into the protocol library (and
    // holds the filter and field context without reference counting: `self` keeps them alive).
    private var filterRef: Unmanaged<Filter>?
    /// Whether the filter is an `evt.type` test alone (`evt.type=procinfo`): its type gate decides it.
    private var filterIsTypeTest = false
    private let fieldContextRef: Unmanaged<FieldContext>
    /// `source` without reference counting, for the per-event writes (`source` keeps it alive).
    private unowned(unsafe) let currentSource: HostEventSource
    /// The context's interval, as of its last change, in the runner's own (non-resilient) type.
    private(set) var interval: Clock? {
        didSet { hasInterval = interval != nil }
    }
    /// Whether ``interval`` is set: the per-event test.
    private(set) var hasInterval = false

    /// When a chisel's intervals end.
    enum Clock {
        /// At whole multiples of the period.
        case aligned(UInt64)
        /// Once per period since the first event.
        case precise(UInt64)
    }
    /// Whether the chisel asked to stop reading events.
    private(set) var endRequested = false

    /// The command line the chisel asked to run once this run ends (sysdig's `run_app`).
    private(set) var nextRun: [String]?

    func runAfterCapture(_ arguments: [String]) { nextRun = arguments }

    func requestsChanged() {
        guard let context else { return }  // during init: nothing asked yet
        switch context.interval {
        case .aligned(let period): interval = .aligned(period)
        case .precise(let period): interval = .precise(period)
        case nil: interval = nil
        @unknown default: interval = nil
        }
        endRequested = context.captureEndRequested
        if hasInterval { watchEveryEvent() }
    }

    func bindField(_ field: String, as kind: ChiselValueKind) throws -> Int {
        do {
            return try source.bind(field, as: kind)
        } catch {
            throw ChiselError("chisel requesting nonexistent field \(field): \(error.message)")
        }
    }

    func setBufferFormat(_ format: ChiselBufferFormat) {
        // sysdig's set_output_format: a format chosen on the command line wins, and the first chisel
        // to choose sets it for all.
        guard source.context.renderer.bufferFormat == .normal else { return }
        source.context.renderer.bufferFormat = BufferFormat(format)
    }

    /// The length live capture should keep of each buffer, when a chisel asked (read by live capture).
    private(set) var snapLength: Int?

    func setSnapLength(_ bytes: Int) { snapLength = bytes }

    /// Gives `event` to the chisel: intervals first, then its filter, then ``Chisel/handle(_:)``
    /// (sysdig's `sinsp_chisel::run`).
    @inline(__always) func process(_ event: Event, _ chiselEvent: ChiselEvent) throws {
        hasEvent = true
        if hasInterval { try tick(at: event) }
        if let filterRef {
            // The type gate first: most events are of types the filter cannot pass.
            let matched = try filterRef._withUnsafeGuaranteedRef { filter in
                try filter.mayMatch(event)
                    && ((filterIsTypeTest && event.type > EventCode.genericX)
                        || fieldContextRef._withUnsafeGuaranteedRef { try filter.matches(event, $0) })
            }
            if !matched { return }
        }
        // Set only for events a chisel sees: most events stop at the filter.
        currentSource.current = event
        // `chisel` is borrowed from `self`: an `unowned(unsafe)` copy would be retained per call.
        try chisel.handle(chiselEvent)
    }

    /// ``tick(_:)`` with `event` as the current one. Out of line: a call that builds a `ChiselTime`
    /// (a resilient type, sized at run time) makes its caller look up the type's metadata first.
    @inline(never) private func tick(at event: Event) throws {
        source.current = event
        try tick(event.timestamp)
    }

    /// A live capture waited and no event came: the wall clock, `now`, moves the interval clock as
    /// an event of that time would (with no current event: the fields read nothing), and what the
    /// chisel printed so far is written out.
    func idleTick(_ now: UInt64) throws {
        if hasInterval {
            idleFloor = max(idleFloor, now)
            try tick(idleFloor)
        }
        output.flush()
    }

    /// Calls ``Chisel/interval(_:)`` for the intervals that ended before `timestamp`; events the
    /// command line's filter hid move the clock too (sysdig's `do_timeout`).
    @inline(never) func tick(_ timestamp: UInt64) throws {
        guard let interval else { return }
        let timestamp = max(timestamp, idleFloor)
        if isFirstEvent {
            isFirstEvent = false
            switch interval {
            case .aligned(let period): lastSampleTime = timestamp - timestamp % max(period, 1)
            case .precise: lastSampleTime = timestamp
            }
            return
        }
        switch interval {
        case .aligned(let period):
            let sample = timestamp - timestamp % max(period, 1)
            guard sample != lastSampleTime else { return }
            var delta: Int64 = 0
            if lastIntervalTimestamp != 0 {
                delta = Int64(bitPattern: timestamp &- lastIntervalTimestamp)
                if delta == 0 { return }
            }
            try chisel.interval(ChiselTime(timestamp: timestamp, delta: delta))
            lastSampleTime = sample
            lastIntervalTimestamp = timestamp
            if environment.isLive { output.flush() }
        case .precise(let period):
            guard period > 0, timestamp - lastSampleTime >= period else { return }
            var t = lastSampleTime
            while t <= timestamp - period {
                try chisel.interval(ChiselTime(timestamp: t, delta: Int64(period)))
                t += period
            }
            lastSampleTime = t
            if environment.isLive { output.flush() }
        }
    }
}
