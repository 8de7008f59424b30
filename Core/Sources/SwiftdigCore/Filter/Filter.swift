// SPDX-License-Identifier: Apache-2.0

/// A compiled filter of sysdig's filter language: compile once, then test each event.
///
/// ```swift
/// let filter = try Filter(compiling: "proc.name=curl and evt.type=read")
/// if try filter.matches(event, context) { ... }
/// ```
///
/// The syntax, the error messages and their positions are sysdig 0.29.3's; so are the comparison
/// semantics of each type. Evaluation allocates nothing.
///
/// A filter never changes after it is compiled (what an evaluation needs lives in the `FieldContext`
/// it is given), so it may be shared; each thread brings its own context.
public final class Filter: @unchecked Sendable {
    /// The filter as written.
    public let text: String
    private let program: FilterProgram

    /// Compiles `text`.
    /// - Throws: ``FilterError`` with sysdig's message and position (`unknown event type x` at 20).
    public init(compiling text: String) throws(FilterError) {
        self.text = text
        program = FilterProgram(FilterCompiler.lower(try FilterParser.parse(text)))
    }

    /// Whether `event` passes the filter, given the state in `context` as of the event.
    /// - Throws: ``FilterError`` without a position when sysdig would abort on this event (a comparison
    ///   its types do not support, such as `evt.num contains 1`, met a value).
    @inline(__always)
    public func matches(_ event: Event, _ context: FieldContext) throws(FilterError) -> Bool {
        try program.evaluate(event, context)
    }

    /// Whether the filter may pass `event`, judged on its type alone: when false, ``matches(_:_:)``
    /// would return false and evaluating it would change nothing, so the caller may skip it (and
    /// whatever work only a passing event needs).
    public func mayMatch(_ event: Event) -> Bool {
        typeGate?.admits(event) ?? true
    }

    /// Whether ``mayMatch(_:)`` decides the filter alone (it is an `evt.type` test and nothing more):
    /// an event it admits passes, and ``matches(_:_:)`` need not run. Not for generic events
    /// (``EventCode/genericE``, ``EventCode/genericX``): one without its system call id may be
    /// admitted and still fail.
    public var isDecidedByType: Bool { program.isTypeTestOnly }

    /// ``mayMatch(_:)`` as values to keep (valid while the filter lives); `nil` when every type may pass.
    var typeGate: EventTypeGate? { program.typeGate }
}
