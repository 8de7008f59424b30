// SPDX-License-Identifier: Apache-2.0

/// A comparison operator of the filter language (libsinsp's `cmpop`).
public enum FilterOperator: Sendable, Hashable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
    case contains, icontains, startsWith, endsWith, glob
    case `in`, intersects, pmatch, exists
    /// From newer libs: the value is hex digits naming bytes.
    case bcontains, bstartsWith

    /// The spellings in the order sysdig 0.29.3 tries them against the filter text (a prefix match, no
    /// word boundary: `==` is `=` then a value starting `=`, and `intersects` is `in` then `tersects`).
    /// The `b` operators of newer libs come last so that nothing sysdig accepts parses differently.
    static let spellings: [(text: [UInt8], op: FilterOperator)] = ([
        ("=", .equal), ("!=", .notEqual), ("<=", .lessOrEqual), ("<", .less), (">=", .greaterOrEqual),
        (">", .greater), ("contains", .contains), ("icontains", .icontains), ("startswith", .startsWith),
        ("endswith", .endsWith), ("glob", .glob), ("in", .in), ("intersects", .intersects),
        ("pmatch", .pmatch), ("exists", .exists), ("bcontains", .bcontains), ("bstartswith", .bstartsWith),
    ] as [(String, FilterOperator)]).map { (Array($0.0.utf8), $0.1) }

    /// How sysdig names the operator in "not supported" errors (`'contains' not supported for ...`).
    var quotedName: String {
        switch self {
        case .equal: return "'='"
        case .notEqual: return "'!='"
        case .less: return "'<'"
        case .lessOrEqual: return "'<='"
        case .greater: return "'>'"
        case .greaterOrEqual: return "'>='"
        case .contains: return "'contains'"
        case .icontains: return "'icontains'"
        case .startsWith: return "'startswith'"
        case .endsWith: return "'endswith'"
        case .glob: return "'glob'"
        case .bcontains: return "'bcontains'"
        case .bstartsWith: return "'bstartswith'"
        case .in, .intersects, .pmatch, .exists: return "'unknown'"
        }
    }

    /// Whether the operator takes a parenthesised list of values.
    var takesList: Bool { self == .in || self == .intersects || self == .pmatch }

    /// Whether it is one of the ordering operators.
    var isOrdering: Bool {
        self == .less || self == .lessOrEqual || self == .greater || self == .greaterOrEqual
    }
}
