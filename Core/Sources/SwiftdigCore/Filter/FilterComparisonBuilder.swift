// SPDX-License-Identifier: Apache-2.0

/// Chooses the ``FilterComparison`` for a type, an operator and its constants (libsinsp's `flt_compare`
/// switch, decided once instead of per event).
enum FilterComparisonBuilder {
    /// The message of `flt_compare_uint64` and friends for operators numbers do not have.
    static func numericFailure(_ op: FilterOperator) -> String {
        "\(op.quotedName) not supported for numeric filters"
    }

    /// The comparison of a value of `type` with `values` under `op` (`exists` takes no values; the
    /// set operators of strings take several).
    static func make(type: ParamType, op: FilterOperator, values: [FilterValue]) -> FilterComparison {
        if op == .exists { return .exists }
        let value = values.first ?? .number(0)
        switch type {
        case .int8: return integer(op, value, signedBits: 8)
        case .int16: return integer(op, value, signedBits: 16)
        case .int32: return integer(op, value, signedBits: 32)
        case .int64, .fd, .pid, .errno: return integer(op, value, signedBits: 64)
        case .flags8, .uint8, .sigtype: return integer(op, value, unsignedBits: 8)
        case .flags16, .uint16, .port, .syscallid: return integer(op, value, unsignedBits: 16)
        case .uint32, .flags32, .mode, .bool: return integer(op, value, unsignedBits: 32)
        case .uint64, .reltime, .abstime: return integer(op, value, unsignedBits: 64)
        case .double:
            // No constant of this type parses; only `exists` gets here in practice.
            return Order(op) == nil ? .fails(numericFailure(op)) : .never
        case .ipv4addr, .ipv4net, .ipv6addr, .ipv6net, .ipaddr, .ipnet:
            guard case .address(let storage) = value else { return .never }
            let network = type == .ipv4net || type == .ipv6net || type == .ipnet
            return .address(op, .init(storage), network: network)
        case .charbuf, .fspath, .fsrelpath:
            return .string(stringTest(op, values))
        case .bytebuf:
            return buffer(op, value)
        default:
            return .never
        }
    }

    private typealias Order = FilterComparison.Order

    private static func integer(_ op: FilterOperator, _ value: FilterValue, signedBits: Int) -> FilterComparison {
        guard let order = Order(op) else { return .fails(numericFailure(op)) }
        guard case .number(let n) = value else { return .never }
        let shift = UInt64(64 - signedBits)
        return .signed(order, Int64(bitPattern: n << shift) >> Int64(shift), shift: shift)
    }

    private static func integer(_ op: FilterOperator, _ value: FilterValue, unsignedBits: Int) -> FilterComparison {
        guard let order = Order(op) else { return .fails(numericFailure(op)) }
        guard case .number(let n) = value else { return .never }
        let mask: UInt64 = unsignedBits == 64 ? .max : (1 << UInt64(unsignedBits)) - 1
        return .unsigned(order, n & mask, mask: mask)
    }

    private static func stringTest(_ op: FilterOperator, _ values: [FilterValue]) -> FilterComparison.StringTest {
        let texts = values.map { v -> [UInt8] in
            switch v {
            case .text(let t), .bytes(let t): return t
            default: return []
            }
        }
        let c = texts.first ?? []
        switch op {
        case .contains, .bcontains: return .contains(c)
        case .icontains: return .containsIgnoringCase(c.map(ByteMatching.lower))
        case .startsWith, .bstartsWith: return .startsWith(c)
        case .endsWith: return .endsWith(c)
        case .glob: return .glob(GlobPattern(c))
        case .in, .intersects: return .member(SortedByteStrings(texts))
        case .pmatch: return .pathPrefix(PathPrefixSet(texts))
        default: return .order(Order(op) ?? .equal, c)
        }
    }

    private static func buffer(_ op: FilterOperator, _ value: FilterValue) -> FilterComparison {
        let c: [UInt8]
        switch value {
        case .bytes(let b), .text(let b): c = b
        default: c = []
        }
        switch op {
        case .equal: return .buffer(.equal(c))
        case .notEqual: return .buffer(.notEqual(c))
        case .contains, .bcontains: return .buffer(.contains(c))
        case .startsWith, .bstartsWith: return .buffer(.startsWith(c))
        case .endsWith: return .buffer(.endsWith(c))
        default: return .fails("\(op.quotedName) not supported for buffer filters")
        }
    }
}
