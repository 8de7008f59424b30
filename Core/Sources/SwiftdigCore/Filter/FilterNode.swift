// SPDX-License-Identifier: Apache-2.0

/// A compiled filter as a tree: checks joined by short-circuit `and`, `or` and `not`. The compiler
/// orders it and ``FilterProgram`` flattens it for evaluation.
indirect enum FilterNode {
    /// A field compared with constants.
    case field(FieldTest)
    /// `evt.type` compared with constants, decided per code in advance.
    case eventType(EventTypeSet)
    /// `evt.around[T]=D`: the event is within `delta` nanoseconds of `center`.
    case around(center: UInt64, delta: UInt64)
    case all([FilterNode])
    case any([FilterNode])
    case not(FilterNode)
    case constant(Bool)

    /// Whether evaluating the node can raise a run-time error (then its place in a chain matters).
    var mayFail: Bool {
        switch self {
        case .field(let test): return test.mayFail
        case .eventType, .around, .constant: return false
        case .all(let nodes), .any(let nodes): return nodes.contains { $0.mayFail }
        case .not(let node): return node.mayFail
        }
    }

    /// Whether evaluating the node can change what later evaluations see: a run-time error, or a
    /// field that keeps state from one extraction to the next (`evt.deltatime`). Such a node must be
    /// evaluated exactly when sysdig would evaluate it.
    var hasEffects: Bool {
        switch self {
        case .field(let test): return test.mayFail || test.isStateful
        case .eventType, .around, .constant: return false
        case .all(let nodes), .any(let nodes): return nodes.contains { $0.hasEffects }
        case .not(let node): return node.hasEffects
        }
    }

    /// Whether the node is cheap enough to run before its siblings (no field extraction).
    var isCheap: Bool {
        switch self {
        case .eventType, .around, .constant: return true
        case .not(let node): return node.isCheap
        default: return false
        }
    }

    /// The event types the node may hold for, as far as its `evt.type` tests tell; `nil` when they
    /// do not narrow it. Only meaningful for a node without effects (see ``hasEffects``).
    var possibleTypes: EventTypeSet? {
        switch self {
        case .eventType(let set): return set
        case .constant(false): return EventTypeSet(all: false)
        case .field, .around, .constant: return nil
        case .not(.eventType(let set)): return set.inverted()
        case .not: return nil
        case .all(let nodes):
            // Any failed member makes the chain fail: the chain holds only where all may.
            return nodes.compactMap(\.possibleTypes).reduce(nil) { $0?.intersection($1) ?? $1 }
        case .any(let nodes):
            var union = EventTypeSet(all: false)
            for node in nodes {
                guard let set = node.possibleTypes else { return nil }
                union = union.union(set)
            }
            return union
        }
    }
}

/// One field compared with constants. Fields with several values (`fd.ip`, `proc.aname`) pass when
/// one value does, except that `!=` on the fd address and port fields needs every value to differ.
final class FieldTest {
    let field: BoundField
    let comparison: FilterComparison
    /// `!=` of `fd.ip`, `fd.net`, `fd.port`, `fd.proto`: compiled as `=` and negated over all values.
    let everyValueDiffers: Bool
    /// Whether the field keeps state between extractions (see ``FilterNode/hasEffects``).
    let isStateful: Bool
    /// A string test of `proc.name`, run on the thread's name bytes without extracting them.
    private let commTest: FilterComparison.StringTest?

    init(field: BoundField, comparison: FilterComparison, everyValueDiffers: Bool) {
        self.field = field
        self.comparison = comparison
        self.everyValueDiffers = everyValueDiffers
        isStateful = Self.statefulFields.contains(field.definition.name)
        if field.definition.name == "proc.name", field.argument == nil, field.alternatives == nil,
            case .string(let test) = comparison
        {
            commTest = test
        } else {
            commTest = nil
        }
    }

    /// The fields whose extractors keep state per binding.
    private static let statefulFields = Set(EventFields.statefulExtractors.keys)
        .union(ThreadFields.statefulExtractors.keys)

    var mayFail: Bool {
        switch comparison {
        case .fails, .address: return true
        default: return false
        }
    }

    @inline(__always)
    func evaluate(_ event: Event, _ context: FieldContext) throws(FilterError) -> Bool {
        if let commTest {
            // `proc.name` is the thread's comm, already cut at its first NUL; no thread, no value.
            guard let t = context.parser.threadRef else { return false }
            return t._withUnsafeGuaranteedRef { commTest.holds($0.commUTF8) }
        }
        var failure: String?
        let found: Bool
        var sawValue = false
        if field.alternatives == nil {
            let value = field.extractor(event, context)
            if case .none = value { return false }
            sawValue = true
            found = comparison.holds(value, context, failure: &failure)
        } else {
            let comparison = self.comparison
            found = field.anyValue(event, context) { value in
                sawValue = true
                return comparison.holds(value, context, failure: &failure) || failure != nil
            }
        }
        if let failure { throw FilterError(position: nil, message: failure) }
        return everyValueDiffers ? sawValue && !found : found
    }
}
