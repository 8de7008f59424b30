// SPDX-License-Identifier: Apache-2.0

/// The filter compiler of libsinsp 0.29.3 (`sinsp_filter_compiler::compile_` and `parse_check`): a
/// character-driven state machine, ported move for move so that filters parse alike and errors carry
/// the same positions. Quirks kept: `and`/`or`/`not` are recognised by their first letter (so `n o t`
/// and `andevt.num=1` work), a `not` between two checks with no `and`/`or` is ignored, `not not` is
/// `not`, and an `and` or `or` stays in force after a parenthesis closes.
struct FilterParser {
    /// Stands for `std::out_of_range`, which the compiler reports as a bare "error parsing the filter string".
    static let outOfRangeMarker = "\u{0}out of range"

    private enum State { case needExpression, expressionDone }

    private var scanner: FilterScanner
    private var state = State.needExpression
    private var lastBoolOp = BoolOp.none
    private var nestLevel = 0
    private let root = SyntaxGroup(op: .none)
    /// The open expressions, innermost last; empty once a `)` too many closed the root (where sysdig
    /// goes on with a null expression and crashes at its next use).
    private var open: [SyntaxGroup]

    private init(_ text: String) {
        scanner = FilterScanner(text)
        open = [root]
    }

    /// Parses `text` into its expression tree.
    static func parse(_ text: String) throws(FilterError) -> SyntaxGroup {
        var parser = FilterParser(text)
        do {
            return try parser.compile()
        } catch {
            if error.text == outOfRangeMarker { throw FilterError(position: nil, message: "error parsing the filter string") }
            throw FilterError(position: parser.scanner.position, message: error.text)
        }
    }

    private mutating func compile() throws(FilterMessage) -> SyntaxGroup {
        while true {
            let c = scanner.next()
            switch c {
            case 0:
                if nestLevel != 0 || state != .expressionDone {
                    throw FilterMessage("filter error: unexpected end of filter")
                }
                if root.isAmbiguous { throw Self.ambiguous }
                return root
            case UInt8(ascii: "("):
                if state != .needExpression {
                    throw FilterMessage("unexpected '(' after " + FilterScanner.string(scanner.text[..<scanner.position]))
                }
                try push(lastBoolOp)
                lastBoolOp = .none
                nestLevel += 1
            case UInt8(ascii: ")"):
                try pop()
                nestLevel -= 1
            case UInt8(ascii: "o") where scanner.position != 0 && state != .needExpression:
                guard scanner.next() == UInt8(ascii: "r") else { throw Self.syntaxError }
                lastBoolOp = .or
                state = .needExpression
            case UInt8(ascii: "a") where scanner.position != 0 && state != .needExpression:
                guard scanner.next() == UInt8(ascii: "n"), scanner.next() == UInt8(ascii: "d") else {
                    throw Self.syntaxError
                }
                lastBoolOp = .and
                state = .needExpression
            case UInt8(ascii: "n"):
                guard scanner.next() == UInt8(ascii: "o"), scanner.next() == UInt8(ascii: "t") else {
                    throw Self.syntaxError
                }
                lastBoolOp = lastBoolOp.negated()
                state = .needExpression
            default:
                guard state == .needExpression else { throw Self.syntaxError }
                try parseCheck()
                state = .expressionDone
            }
        }
    }

    private static let syntaxError = FilterMessage("syntax error in filter")
    private static let ambiguous = FilterMessage(
        "expression mixes 'and' and 'or' in an ambiguous way. Please use brackets.")
    /// Where sysdig dereferences the null expression left by a `)` too many.
    private static let unbalanced = FilterMessage("filter error: unexpected ')'")

    private func add(_ item: SyntaxGroup.Item, op: BoolOp) throws(FilterMessage) {
        guard let current = open.last else { throw Self.unbalanced }
        current.add(item, op: op)
    }

    private mutating func push(_ op: BoolOp) throws(FilterMessage) {
        let group = SyntaxGroup(op: op)
        try add(.group(group), op: op)
        open.append(group)
    }

    private mutating func pop() throws(FilterMessage) {
        guard let current = open.last else { throw Self.unbalanced }
        if current.isAmbiguous { throw Self.ambiguous }
        open.removeLast()
    }

    /// One check: a field, an operator and its value or values.
    private mutating func parseCheck() throws(FilterMessage) {
        let start = scanner.position
        let name = FilterScanner.string(try scanner.operand(first: true, inList: false))
        let joinOp = lastBoolOp
        let bound: (field: BoundField, length: Int)?
        do {
            bound = try FieldCatalog.bind(Substring(name), exact: true, forFiltering: true)
        } catch {
            throw FilterMessage(error.message)
        }
        guard let field = bound?.field else {
            throw FilterMessage("filter error: unrecognized field \(name) at pos \(start)")
        }
        let op = try scanner.comparisonOperator()
        guard op.takesList else {
            if op == .exists {
                // The next read must see the byte right after `exists`.
                scanner.position -= 1
                try add(.check(FilterChecks.make(field, op, [])), op: joinOp)
            } else {
                let value = try FilterChecks.parseValue(try scanner.operand(first: false, inList: false), field, op)
                try add(.check(FilterChecks.make(field, op, [value])), op: joinOp)
            }
            return
        }
        scanner.skipBlank()
        guard scanner.current == UInt8(ascii: "(") else {
            throw FilterMessage("expected '(' after 'in/intersects/pmatch' operand")
        }
        scanner.position += 1
        if field.definition.type == .charbuf {
            // Strings: one check against the set of values.
            var values: [FilterValue] = []
            try readList(clause: "in/pmatch") { (parser: inout FilterParser, raw: [UInt8]) throws(FilterMessage) in
                values.append(try FilterChecks.parseValue(raw, field, op))
            }
            try add(.check(FilterChecks.make(field, op, values)), op: joinOp)
        } else if op == .pmatch {
            throw FilterMessage("pmatch requires all charbuf arguments")
        } else {
            // Other types: a nested `field=v1 or field=v2 ...`.
            try push(joinOp)
            lastBoolOp = .none
            nestLevel += 1
            var itemOp = BoolOp.none
            try readList(clause: "in") { (parser: inout FilterParser, raw: [UInt8]) throws(FilterMessage) in
                let value = try FilterChecks.parseValue(raw, field, .equal)
                try parser.add(.check(FilterChecks.make(field, .equal, [value])), op: itemOp)
                itemOp = .or
            }
            try pop()
            nestLevel -= 1
        }
    }

    /// Reads `v1, v2, ...)` handing each value to `body` as soon as it is read (its errors then carry
    /// the position right after it).
    private mutating func readList(
        clause: String, _ body: (inout FilterParser, [UInt8]) throws(FilterMessage) -> Void
    ) throws(FilterMessage) {
        while true {
            let raw = try scanner.operand(first: false, inList: true)
            try body(&self, raw)
            switch scanner.next() {
            case UInt8(ascii: ")"): return
            case UInt8(ascii: ","): scanner.position += 1
            default:
                throw FilterMessage("expected either ')' or ',' after a value inside the '\(clause)' clause")
            }
        }
    }
}
