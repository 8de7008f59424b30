// SPDX-License-Identifier: Apache-2.0

/// A compiled filter: checks joined by short-circuit `and`, `or` and `not`, evaluated per event.
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

    @inline(__always)
    func evaluate(_ event: Event, _ context: FieldContext) throws(FilterError) -> Bool {
        switch self {
        case .eventType(let set):
            return set.matches(event)
        case .field(let test):
            return try test.evaluate(event, context)
        case .all(let nodes):
            for node in nodes where try !node.evaluate(event, context) { return false }
            return true
        case .any(let nodes):
            for node in nodes where try node.evaluate(event, context) { return true }
            return false
        case .not(let node):
            return try !node.evaluate(event, context)
        case .constant(let value):
            return value
        case .around(let center, let delta):
            let ts = event.timestamp
            return center >= ts &- delta && center <= ts &+ delta
        }
    }

    /// Whether evaluating the node can raise a run-time error (then its place in a chain matters).
    var mayFail: Bool {
        switch self {
        case .field(let test): return test.mayFail
        case .eventType, .around, .constant: return false
        case .all(let nodes), .any(let nodes): return nodes.contains { $0.mayFail }
        case .not(let node): return node.mayFail
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
}

/// One field compared with constants. Fields with several values (`fd.ip`, `proc.aname`) pass when
/// one value does, except that `!=` on the fd address and port fields needs every value to differ.
final class FieldTest {
    let field: BoundField
    let comparison: FilterComparison
    /// `!=` of `fd.ip`, `fd.net`, `fd.port`, `fd.proto`: compiled as `=` and negated over all values.
    let everyValueDiffers: Bool

    init(field: BoundField, comparison: FilterComparison, everyValueDiffers: Bool) {
        self.field = field
        self.comparison = comparison
        self.everyValueDiffers = everyValueDiffers
    }

    var mayFail: Bool {
        switch comparison {
        case .fails, .address: return true
        default: return false
        }
    }

    @inline(__always)
    func evaluate(_ event: Event, _ context: FieldContext) throws(FilterError) -> Bool {
        var failure: String?
        let comparison = self.comparison
        var sawValue = false
        let found = field.anyValue(event, context) { value in
            sawValue = true
            return comparison.holds(value, context, failure: &failure) || failure != nil
        }
        if let failure { throw FilterError(position: nil, message: failure) }
        return everyValueDiffers ? sawValue && !found : found
    }
}
