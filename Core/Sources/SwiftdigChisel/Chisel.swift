// SPDX-License-Identifier: Apache-2.0

/// A chisel: a small program that watches the events of a capture and reports on them.
///
/// The runner creates the chisel with `init()`, gives it its arguments and a ``ChiselContext`` in
/// ``initialize(_:_:)`` (where it asks for fields, a filter and an interval), calls
/// ``captureStarted()``, then ``handle(_:)`` for each event its filter keeps, ``interval(_:)`` when an
/// interval it asked for has passed, and ``captureEnded(_:)`` at the end. Every callback but `init`
/// has a default that does nothing.
///
/// ```swift
/// final class CountReads: Chisel {
///     static let info = ChiselInfo(name: "countreads", category: "I/O", shortDescription: "Count reads")
///     private var context: ChiselContext!
///     private var reads = 0
///     init() {}
///     func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
///         self.context = context
///         try context.setFilter("evt.type=read and evt.dir=<")
///     }
///     func handle(_ event: ChiselEvent) throws { reads += 1 }
///     func captureEnded(_ time: ChiselTime) throws { context.print("\(reads) reads") }
/// }
/// ```
///
/// Throwing from a callback stops the run: the runner prints the error with the chisel's name and
/// exits with a failure status.
public protocol Chisel: AnyObject {
    /// Name, category, descriptions and arguments: what `-cl` and `-i` print.
    static var info: ChiselInfo { get }

    /// Creates the chisel. Work that can fail belongs in ``initialize(_:_:)``.
    init()

    /// Receives the arguments and the context before the capture is read (sysdig's `on_set_arg` and
    /// `on_init`): the place to call ``ChiselContext/setFilter(_:)``, ``ChiselContext/field(_:as:)``,
    /// ``ChiselContext/setInterval(seconds:)`` or ``ChiselContext/exec(_:_:)``.
    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws

    /// Called once, after every chisel was initialised and before the first event (`on_capture_start`).
    func captureStarted() throws

    /// Called for each event that passes the command line's filter and the chisel's (`on_event`).
    func handle(_ event: ChiselEvent) throws

    /// Called when an interval asked for with ``ChiselContext/setInterval(seconds:)`` has passed
    /// (`on_interval`).
    func interval(_ time: ChiselTime) throws

    /// Called once at the end of the capture with the last event's time and the capture's length
    /// (`on_capture_end`).
    func captureEnded(_ time: ChiselTime) throws
}

extension Chisel {
    /// Does nothing.
    public func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {}
    /// Does nothing.
    public func captureStarted() throws {}
    /// Does nothing.
    public func handle(_ event: ChiselEvent) throws {}
    /// Does nothing.
    public func interval(_ time: ChiselTime) throws {}
    /// Does nothing.
    public func captureEnded(_ time: ChiselTime) throws {}
}
