// SPDX-License-Identifier: Apache-2.0

/// Builds one check from a bound field, its operator and its constants, with the rules some field
/// classes of libsinsp add to the common ones.
enum FilterChecks {
    /// Fields whose values are "either end of the connection" and whose `!=` means "neither end"
    /// (`sinsp_filter_check_fd::compare_ip`, `compare_net`, `compare_port`), with the operators they
    /// allow and the error for the others.
    private static let endpointFields: [String: (allowed: Set<FilterOperator>, error: String)] = {
        let ip = (Set<FilterOperator>([.equal, .notEqual, .in]), "filter error: IP filter only supports '=' and '!=' operators")
        let port = (
            Set<FilterOperator>([.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in]),
            "filter error: unsupported port comparison operator"
        )
        return ["fd.ip": ip, "fd.net": ip, "fd.port": port, "fd.proto": port]
    }()

    /// Parses one constant for `field` under `op`, and runs the checks of its class (event type names,
    /// `evt.around`'s operator).
    static func parseValue(_ raw: [UInt8], _ field: BoundField, _ op: FilterOperator) throws(FilterMessage) -> FilterValue {
        let value: FilterValue
        if op == .bcontains || op == .bstartsWith {
            value = .bytes(try FilterValueParser.hexBytes(raw))
        } else {
            value = try FilterValueParser.parse(raw, as: field.type)
        }
        switch field.definition.name {
        case "evt.type":
            if !EventTypeSet.isKnownName(raw) {
                throw FilterMessage("unknown event type " + FilterScanner.string(raw))
            }
        case "evt.around":
            if op != .equal { throw FilterMessage("evt.around supports only '=' comparison operator") }
        default:
            break
        }
        return value
    }

    /// The compiled check.
    static func make(_ field: BoundField, _ op: FilterOperator, _ values: [FilterValue]) -> FilterNode {
        switch field.definition.name {
        case "evt.type" where field.argument == nil:
            let comparison = FilterComparisonBuilder.make(type: .charbuf, op: op, values: values)
            return .eventType(EventTypeSet { name in
                switch comparison {
                case .string(let test): return test.holds(name)
                case .exists: return true
                default: return false
                }
            })
        case "evt.around":
            var delta: UInt64 = 0
            if case .number(let n) = values.first { delta = n &* 1_000_000 }
            let center = (try? FilterValueParser.unsigned(Array((field.argument ?? "").utf8), bits: 64)) ?? 0
            return .around(center: center, delta: delta)
        default:
            break
        }
        var compareOp = op
        var everyValueDiffers = false
        if let rules = endpointFields[field.definition.name] {
            if op == .notEqual {
                compareOp = .equal
                everyValueDiffers = true
            }
            if !rules.allowed.contains(op) {
                return .field(FieldTest(field: field, comparison: .fails(rules.error), everyValueDiffers: false))
            }
        }
        let comparison = FilterComparisonBuilder.make(type: field.type, op: compareOp, values: values)
        return .field(FieldTest(field: field, comparison: comparison, everyValueDiffers: everyValueDiffers))
    }
}
