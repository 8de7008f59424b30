// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import SwiftdigDriverABI

/// The recipe table parsed once: one ``EventRecipe`` per event code that sysdig 0.29.3's drivers
/// emit, with its capture steps resolved.
enum RecipeBook {
    /// Recipes by event code (`nil` for codes without one), ``EventSchema/legacyCount`` entries.
    static let recipes: [EventRecipe?] = parseRecipes(recipeTableText)

    /// The recipe of `code`, or `nil`.
    static func recipe(_ code: UInt16) -> EventRecipe? {
        Int(code) < recipes.count ? recipes[Int(code)] : nil
    }

    /// The recipes flattened for the hot path, with the schema's parameter types: plain memory,
    /// built once and never freed, so reading an entry costs no reference counting.
    nonisolated(unsafe) static let compiled: UnsafePointer<CompiledRecipe> = {
        let table = UnsafeMutablePointer<CompiledRecipe>.allocate(capacity: EventSchema.legacyCount)
        for code in 0..<EventSchema.legacyCount {
            let info = EventSchema.events[code]
            let params = recipes[code]?.params ?? []
            let types = info.params.prefix(info.legacyParamCount).map(\.type)
            (table + code).initialize(
                to: CompiledRecipe(
                    exists: recipes[code] != nil, params: permanent(params), types: permanent(types),
                    large: info.flags.contains(.largePayload)))
        }
        return UnsafePointer(table)
    }()

    /// The compiled recipe of `code` (``CompiledRecipe/exists`` false when there is none).
    @inline(__always) static func compiledRecipe(_ code: UInt16) -> UnsafePointer<CompiledRecipe>? {
        Int(code) < EventSchema.legacyCount && compiled[Int(code)].exists ? compiled + Int(code) : nil
    }

    private static func permanent<T>(_ items: [T]) -> UnsafeBufferPointer<T> {
        let p = UnsafeMutablePointer<T>.allocate(capacity: max(items.count, 1))
        p.initialize(from: items, count: items.count)
        return UnsafeBufferPointer(start: p, count: items.count)
    }
}

/// What the encoder needs of one event code: its recipe's parameters, their schema types, and
/// whether parameter lengths are 32-bit.
struct CompiledRecipe {
    let exists: Bool
    let params: UnsafeBufferPointer<RecipeParam>
    let types: UnsafeBufferPointer<ParamType>
    let large: Bool
}

private func parseRecipes(_ text: String) -> [EventRecipe?] {
    var recipes = [EventRecipe?](repeating: nil, count: EventSchema.legacyCount)
    let opsByName = Dictionary(uniqueKeysWithValues: RecipeOp.allCases.map { ($0.recipeName, $0) })
    let conversionsByName = Dictionary(uniqueKeysWithValues: Conversion.allCases.map { ($0.recipeName, $0) })
    for entry in schemaLines(text) {
        let words = entry.split(separator: " ")
        guard let code = Int(words[0]), code < recipes.count, recipes[code] == nil else {
            fatalError("recipe table: bad or repeated code in \(entry)")
        }
        var params: [RecipeParam] = []
        var steps: [sd_capture_step] = []
        for word in words.dropFirst() where word != "-" {
            var param = parseToken(word, ops: opsByName, conversions: conversionsByName, entry: entry)
            for (i, step) in param.op.captureSteps(param.x, param.y, param.z).enumerated() {
                let index: Int
                if let found = steps.firstIndex(where: { sameStep($0, step) }) {
                    index = found
                } else {
                    steps.append(step)
                    index = steps.count - 1
                }
                if i == 0 { param.chunk0 = Int8(index) } else { param.chunk1 = Int8(index) }
            }
            params.append(param)
        }
        guard steps.count <= Int(SD_MAX_STEPS) else { fatalError("recipe table: too many capture steps in \(entry)") }
        guard let info = EventSchema.info(UInt16(code)), params.count == info.legacyParamCount else {
            fatalError("recipe table: \(params.count) parameters for code \(code) in \(entry)")
        }
        recipes[code] = EventRecipe(params: params, steps: steps)
    }
    return recipes
}

private func parseToken(
    _ word: Substring, ops: [String: RecipeOp], conversions: [String: Conversion], entry: String
) -> RecipeParam {
    func operand(_ text: Substring) -> UInt8 {
        if text == "ret" { return UInt8(SD_ARG_RET) }
        if text.first == "#", let n = UInt8(text.dropFirst()) { return n }
        guard text.first == "a", let n = UInt8(text.dropFirst()), n < 6 else {
            fatalError("recipe table: bad operand \(text) in \(entry)")
        }
        return n
    }
    if word.first == "a", let n = UInt8(word.dropFirst()), n < 6 { return RecipeParam(op: .arg, x: n) }
    let parts = word.split(separator: ":")
    let operands = parts.dropFirst().map(operand)
    var param: RecipeParam
    if let conversion = conversions[String(parts[0])] {
        param = RecipeParam(op: .convert)
        param.z = conversion.rawValue
    } else if let op = ops[String(parts[0])] {
        param = RecipeParam(op: op)
    } else {
        fatalError("recipe table: unknown op \(parts[0]) in \(entry)")
    }
    if operands.count > 0 { param.x = operands[0] }
    if operands.count > 1 { param.y = operands[1] }
    if operands.count > 2 { param.z = operands[2] }
    return param
}

private func sameStep(_ a: sd_capture_step, _ b: sd_capture_step) -> Bool {
    a.kind == b.kind && a.arg == b.arg && a.len_arg == b.len_arg && a.size == b.size
}

/// The entries of a table: lines joined with their continuation lines (which start with spaces).
func schemaLines(_ text: String) -> [String] {
    var entries: [String] = []
    for line in text.split(separator: "\n") {
        if line.first == " ", !entries.isEmpty {
            entries[entries.count - 1] += " " + line.drop { $0 == " " }
        } else {
            entries.append(String(line))
        }
    }
    return entries
}
