// SPDX-License-Identifier: Apache-2.0

/// The base of chisels that print the machine's state at one moment, as sysdig's `ps`, `lsof` and
/// `netstat` do: the first event the command line's filter lets through ends the capture, and
/// ``report()`` prints the state as of that event (with ``ChiselContext/threadTable(filter:fds:)``).
/// Subclass it, conform to ``Chisel`` with an `info` whose optional argument is `filter`, and
/// override ``report()``. Since protocol 1.2.
open class ChiselStateSnapshot {
    /// The chisel's context, set by ``initialize(_:_:)``.
    public private(set) var context: ChiselContext!
    /// The filter for the thread table: the `filter` argument, empty when not given. A subclass may
    /// change it in ``initialize(_:_:)`` after calling `super`.
    public var filter = ""
    private var sawEvent = false

    /// A chisel that has seen no event yet.
    public required init() {}

    /// Keeps the context and the `filter` argument.
    open func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        filter = arguments["filter"] ?? ""
    }

    /// Ends the capture: the state as of the first event is the picture.
    open func handle(_ event: ChiselEvent) throws {
        sawEvent = true
        context.endCapture()
    }

    /// Calls ``report()``, or says that no event came (sysdig's message).
    open func captureEnded(_ time: ChiselTime) throws {
        guard sawEvent else { return context.print("empty capture or no event matching the filter") }
        try report()
    }

    /// Prints the state: override it.
    open func report() throws {}
}
