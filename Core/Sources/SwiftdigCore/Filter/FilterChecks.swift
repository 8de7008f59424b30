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

    /// The bool fields that test the flags of the event's schema entry.
    private static let flagFields: [String: EventFlags] = [
        "evt.is_io": [.readsFromFD, .writesToFD], "evt.is_io_read": .readsFromFD, "evt.is_io_write": .writesToFD,
        "evt.is_wait": .waits,
    ]

    /// `= B` or `!= B` on a flag field as a set of codes; `nil` for other comparisons, and when a
    /// generic event without its system call id (outside every set) would pass the comparison.
    private static func flagSet(_ flags: EventFlags, _ op: FilterOperator, _ values: [FilterValue]) -> EventTypeSet? {
        guard op == .equal || op == .notEqual, values.count == 1, case .number(let n) = values[0] else { return nil }
        let wanted = (n != 0) != (op == .notEqual)
        let matchAll = flags == [.readsFromFD, .writesToFD]
        func value(_ f: EventFlags) -> Bool { matchAll ? !f.isDisjoint(with: flags) : f.contains(flags) }
        let set = EventTypeSet(flags: { value($0) == wanted })
        // Generic events are tested by their system call (every call answers as the generic exit).
        let generic = [EventCode.genericE, EventCode.genericX].map { EventSchema.info($0).map { value($0.flags) == wanted } ?? true }
        return generic.contains(true) ? nil : set
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
        case let name where field.argument == nil && flagFields[name] != nil:
            // `evt.is_io=true` and the like depend on the event's code alone: a set of codes, which
            // also bounds the filter's types (its gate) like `evt.type` does.
            if let set = flagSet(flagFields[name]!, op, values) { return .eventType(set) }
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
