// SPDX-License-Identifier: Apache-2.0

/// A chisel's link to the runner: ask for a filter, fields, an interval; run another chisel; print.
/// The runner makes one per chisel and hands it to ``Chisel/initialize(_:_:)``; keep it for later.
public final class ChiselContext {
    /// The name the chisel runs under (error messages use it).
    public let chiselName: String
    /// Where the chisel's output goes (standard output, buffered).
    public let output: ChiselOutput
    /// The runner's side (internal: the context's extensions in other files call it).
    let host: any ChiselHostServices

    /// The interval asked for, if any (read by the runner).
    public private(set) var interval: ChiselIntervalRequest? {
        didSet { host.requestsChanged() }
    }
    /// The chisel to run instead of this one after ``Chisel/initialize(_:_:)``, if any (read by the runner).
    public private(set) var execRequest: ChiselExecRequest?
    /// Whether the chisel asked to stop reading events (read by the runner).
    public private(set) var captureEndRequested = false {
        didSet { host.requestsChanged() }
    }

    /// A context for the chisel `chiselName` (made by the runner).
    public init(chiselName: String, host: any ChiselHostServices, output: ChiselOutput) {
        self.chiselName = chiselName
        self.host = host
        self.output = output
    }

    /// How the runner was started (live or not, JSON, container columns).
    public var environment: ChiselEnvironment { host.environment }
    /// The timestamp of the capture's first event, in nanoseconds since the epoch.
    public var firstEventTimestamp: UInt64 { host.firstEventTimestamp }
    /// The timestamp of the latest event read, in nanoseconds since the epoch.
    public var lastEventTimestamp: UInt64 { host.lastEventTimestamp }

    /// The event being handled, or, in ``Chisel/interval(_:)``, the event whose time ended the interval
    /// (Lua's `evt` in `on_interval`): `context.currentEvent?[time]`. `nil` in other callbacks, and in
    /// intervals that end before the command line's filter let any event through (sysdig's `evt` is
    /// not set yet then). The object is reused: do not keep it. Since protocol 1.1.
    public var currentEvent: ChiselEvent? { host.currentEvent }

    /// Only events `filter` matches reach ``Chisel/handle(_:)`` (`chisel.set_filter`).
    /// - Throws: the filter's syntax error.
    public func setFilter(_ filter: String) throws { try host.setFilter(filter) }

    /// The field `name` (`proc.name`, `evt.arg.fd`, `fd.sip`…), to be read from events as `Value`
    /// (`chisel.request_field`): `event[field]`.
    /// - Throws: when the field is unknown or cannot be read as `Value`.
    public func field<Value: ChiselFieldValue>(_ name: String, as type: Value.Type = Value.self) throws -> ChiselField<Value> {
        ChiselField(name: name, slot: try host.bindField(name, as: Value.kind))
    }

    /// Calls ``Chisel/interval(_:)`` every `seconds` seconds of capture time, at whole multiples of it
    /// (`chisel.set_interval_s`).
    public func setInterval(seconds: UInt64) { interval = .aligned(nanoseconds: seconds * 1_000_000_000) }

    /// Calls ``Chisel/interval(_:)`` every `nanoseconds`, at whole multiples of it (`chisel.set_interval_ns`).
    public func setInterval(nanoseconds: UInt64) { interval = .aligned(nanoseconds: nanoseconds) }

    /// Calls ``Chisel/interval(_:)`` once per `nanoseconds` since the first event, catching up on
    /// intervals without events (`chisel.set_precise_interval_ns`).
    public func setPreciseInterval(nanoseconds: UInt64) { interval = .precise(nanoseconds: nanoseconds) }

    /// Replaces this chisel by `chisel` with `arguments` once ``Chisel/initialize(_:_:)`` returns
    /// (`chisel.exec`): `topprocs_net` is `table_generator` with arguments of its own.
    public func exec(_ chisel: String, _ arguments: [String]) {
        execRequest = ChiselExecRequest(chisel: chisel, arguments: arguments)
    }

    /// Stops reading events after the current one; ``Chisel/captureEnded(_:)`` still runs
    /// (`sysdig.end_capture`).
    public func endCapture() { captureEndRequested = true }

    /// Runs swiftdig again once this run has ended, with `arguments` as its whole command line, as
    /// sysdig's `sysdig.run_app` does: `["-F", "-r", capture, "-w", file, filter]` writes what a
    /// filter built from this run's events matches to a file. The last chisel to ask wins. Since 1.4.
    public func runAfterCapture(_ arguments: [String]) { host.runAfterCapture(arguments) }

    /// Prints `line` and a line end on standard output.
    public func print(_ line: String) { output.print(line) }
}

/// How often a chisel wants ``Chisel/interval(_:)``.
public enum ChiselIntervalRequest: Sendable, Equatable {
    /// At each whole multiple of the period, when an event shows it was crossed (sysdig's
    /// `set_interval_ns`).
    case aligned(nanoseconds: UInt64)
    /// Once per period since the first event, including periods without events
    /// (`set_precise_interval_ns`).
    case precise(nanoseconds: UInt64)
}

/// A chisel to run in place of the one that asked.
public struct ChiselExecRequest: Sendable {
    /// Its name.
    public let chisel: String
    /// Its arguments, in order.
    public let arguments: [String]
}
