// SPDX-License-Identifier: Apache-2.0

/// Turns the parsed expression tree into the evaluation tree, keeping libsinsp's left-to-right
/// short-circuit semantics, and puts cheap checks first where that cannot change the outcome.
enum FilterCompiler {
    static func lower(_ group: SyntaxGroup) -> FilterNode {
        // libsinsp folds the items left to right: the first sets the result (a first item joined by
        // `and`/`or` is skipped, leaving `true`), then each `and`/`or` item combines with it; items joined
        // by nothing or a bare `not` after the first are ignored.
        var chain: [FilterNode] = []
        var chainIsAnd = true
        var result: FilterNode?
        func close() {
            guard !chain.isEmpty else { return }
            result = chainIsAnd ? .all(ordered(chain)) : .any(ordered(chain))
            chain = []
        }
        for (index, entry) in group.items.enumerated() {
            var node: FilterNode
            switch entry.item {
            case .check(let check): node = check
            case .group(let inner): node = lower(inner)
            }
            if entry.op.isNegated { node = .not(node) }
            let join = entry.op.join
            if index == 0 {
                result = join == .none ? node : .constant(true)
                continue
            }
            guard join == .and || join == .or else { continue }
            let isAnd = join == .and
            if chain.isEmpty || isAnd != chainIsAnd {
                close()
                chain = [result ?? .constant(true)]
                chainIsAnd = isAnd
            }
            chain.append(node)
        }
        close()
        return result ?? .constant(true)
    }

    /// An `and`/`or` chain with its cheap checks (`evt.type` bit tests) first, when no check of the
    /// chain has effects (run-time errors, stateful fields); otherwise the written order, so errors
    /// surface and field state evolves as in sysdig.
    private static func ordered(_ nodes: [FilterNode]) -> [FilterNode] {
        guard !nodes.contains(where: { $0.hasEffects }) else { return nodes }
        return nodes.filter(\.isCheap) + nodes.filter { !$0.isCheap }
    }
}
