// SPDX-License-Identifier: Apache-2.0

/// How a check joins the ones before it in its expression (libsinsp's `boolop` bits).
struct BoolOp: Equatable {
    var rawValue: UInt8
    static let none = BoolOp(rawValue: 0)
    static let not = BoolOp(rawValue: 1)
    static let or = BoolOp(rawValue: 2)
    static let and = BoolOp(rawValue: 4)

    var isNegated: Bool { rawValue & 1 != 0 }
    /// The operator without its `not`.
    var join: BoolOp { BoolOp(rawValue: rawValue & ~1) }
    func negated() -> BoolOp { BoolOp(rawValue: rawValue | 1) }
}

/// An expression as libsinsp's compiler builds it: a flat list of items, each with the operator that
/// joins it to the result so far; parentheses and non-string `in` lists make nested expressions.
final class SyntaxGroup {
    enum Item {
        case check(FilterNode)
        case group(SyntaxGroup)
    }

    /// How the group itself joins its parent's items.
    let op: BoolOp
    private(set) var items: [(op: BoolOp, item: Item)] = []

    init(op: BoolOp) { self.op = op }

    func add(_ item: Item, op: BoolOp) { items.append((op, item)) }

    /// Whether the group mixes `and` and `or` (libsinsp's `get_expr_boolop() == -1`): the operators of
    /// all items but the first must agree, `not` aside.
    var isAmbiguous: Bool {
        guard items.count > 2 else { return false }
        let join = items[1].op.join
        return items.dropFirst(2).contains { $0.op.join != join }
    }
}
