// SPDX-License-Identifier: Apache-2.0

/// What one extraction of a field yields. No allocation: numbers travel by value, text is written to
/// the context's scratch buffer, and byte ranges point into the event.
public enum FieldResult {
    /// The field has no value for this event (sysdig's `NULL`): `-p` without `*` skips the event,
    /// filters compare false.
    case none
    /// A number, bool (0 or 1), IPv4 address (in memory order, first octet in the low byte) or double
    /// (its bit pattern); signed values are stored as their bit pattern. The field's type tells which.
    case number(UInt64)
    /// Bytes now in ``FieldContext/text``.
    case text
    /// Bytes valid while the event is (a parameter's payload, an IPv6 address in the state, the
    /// bytes of a name the state keeps: `proc.name`, `fd.name`).
    case bytes(UnsafeRawBufferPointer)
}

/// What extractors may read besides the event: the state as of the event, the capture's clock, and
/// scratch space. One context serves every field of a pipeline; it is not shared across threads.
public final class FieldContext {
    /// The parser, which knows the current event's thread and fd and holds the state.
    public private(set) var parser: EventParser
    /// The timestamp of the capture's first event (for relative times).
    public var firstTimestamp: UInt64 = 0
    /// Scratch space for text results; an extractor clears it before writing.
    public var text = OutputBuffer(capacity: 4096)
    /// How `evt.outputtime` prints (`-t`).
    public var timeFormat: TimeFormat = .human
    /// Renders event parameters for `evt.arg.*`, `evt.info` and friends, with the display options.
    public var renderer: ParamRenderer

    /// Creates a context over `parser`'s state.
    public init(parser: EventParser, bufferFormat: BufferFormat = .normal, maxBufferLength: Int = 0) {
        self.parser = parser
        self.renderer = ParamRenderer(bufferFormat: bufferFormat, maxBufferLength: maxBufferLength)
    }

    /// Points the context at `parser`: the next capture of a batch read by one process, each with
    /// its own state, for fields bound once (a chisel's).
    public func rebind(to parser: EventParser) {
        self.parser = parser
        firstTimestamp = 0
    }

    /// The state of the machine as of the current event.
    @inline(__always) public var state: SystemState { parser.state }

    /// Calls `body` with the bytes of a text or byte-range result (empty for numbers and `.none`).
    @inline(__always) public func withBytes<R>(_ result: FieldResult, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        switch result {
        case .bytes(let raw): return body(raw)
        case .text: return body(text.unsafeBytes)
        case .none, .number: return body(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }
}

/// A field bound to its argument, ready to extract: what the filter compiler, the `-p` formatter and
/// chisels hold.
public final class BoundField {
    /// Extracts the field's value from an event.
    public typealias Extractor = (Event, FieldContext) -> FieldResult
    /// Offers each of several values to `matches` until one matches (fields that compare as "either":
    /// `fd.ip` is the client or the server address); returns whether one did.
    public typealias AlternativesExtractor = (Event, FieldContext, (FieldResult) -> Bool) -> Bool

    /// The field's table entry.
    public let definition: FieldDefinition
    /// The argument as written (`fd` in `evt.arg.fd`, `2` in `proc.aname[2]`), or `nil`.
    public let argument: String?
    /// The type of the extracted values (differs from the definition's for `evt.rawarg`).
    public let type: ParamType
    /// How extracted numbers print.
    public let format: PrintFormat
    /// The text the user wrote for the field (`evt.arg.fd`), used in `-j` keys and errors.
    public let text: String
    @usableFromInline let extractor: Extractor
    @usableFromInline let alternatives: AlternativesExtractor?
    /// For fields that `-j` prints as a signed JSON integer rather than their text (`evt.time` is the
    /// timestamp in JSON): extracts that integer as ``FieldResult/number(_:)`` (libsinsp's `extract_as_js`).
    public let jsonNumber: Extractor?
    /// ``jsonNumber`` when the field has one, else ``extractor`` (a closure that is not optional
    /// calls without retaining its context), and which of the two it is.
    @usableFromInline let jsonExtractor: Extractor
    @usableFromInline let hasJSONNumber: Bool
    /// Whether the extraction `-j` makes (``jsonNumber`` when the field has one, else
    /// ``extract(_:_:)``) leaves nothing behind that a later extraction could see: no counter, no
    /// remembered timestamp, no change of the event's fd. sysdig's `-j` extracts every field twice;
    /// for such a field the second extraction would give the first's value, so `-j` makes one.
    public let jsonExtractionIsPure: Bool

    /// Binds a field.
    /// - Parameters:
    ///   - type: the type of the values, when it differs from the definition's.
    ///   - format: the print format, when it differs from the definition's.
    ///   - alternatives: for fields that compare as "any of several values" in filters.
    ///   - jsonNumber: for fields that `-j` prints as an integer of their own (see ``jsonNumber``).
    ///   - pure: whether that extraction keeps no state (see ``jsonExtractionIsPure``); when unsure,
    ///     `false`, which is always right, only slower.
    public init(
        _ definition: FieldDefinition, text: String, argument: String? = nil, type: ParamType? = nil,
        format: PrintFormat? = nil, alternatives: AlternativesExtractor? = nil, jsonNumber: Extractor? = nil,
        pure: Bool = false, extractor: @escaping Extractor
    ) {
        self.definition = definition
        self.text = text
        self.argument = argument
        self.type = type ?? definition.type
        self.format = format ?? definition.format
        self.extractor = extractor
        self.alternatives = alternatives
        self.jsonNumber = jsonNumber
        self.jsonExtractor = jsonNumber ?? extractor
        self.hasJSONNumber = jsonNumber != nil
        self.jsonExtractionIsPure = pure
    }

    /// The field's value for `event`.
    @inline(__always) public func extract(_ event: Event, _ context: FieldContext) -> FieldResult {
        extractor(event, context)
    }

    /// Whether any value of the field for `event` satisfies `matches` (the one value, for most fields).
    @inline(__always) public func anyValue(
        _ event: Event, _ context: FieldContext, matches: (FieldResult) -> Bool
    ) -> Bool {
        if let alternatives { return alternatives(event, context, matches) }
        let value = extractor(event, context)
        if case .none = value { return false }
        return matches(value)
    }
}

/// A field name that cannot be used.
public struct FieldError: Error, Sendable, CustomStringConvertible {
    /// What is wrong, in sysdig's words where sysdig has them.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
