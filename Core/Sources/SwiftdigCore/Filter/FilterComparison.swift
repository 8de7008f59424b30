// SPDX-License-Identifier: Apache-2.0

/// One comparison of an extracted value with its constants, chosen once by the field's type and the
/// operator as libsinsp's `flt_compare` dispatches them.
enum FilterComparison: Equatable {
    /// The six orderings, by their sign test.
    enum Order: Equatable {
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

        init?(_ op: FilterOperator) {
            switch op {
            case .equal: self = .equal
            case .notEqual: self = .notEqual
            case .less: self = .less
            case .lessOrEqual: self = .lessOrEqual
            case .greater: self = .greater
            case .greaterOrEqual: self = .greaterOrEqual
            default: return nil
            }
        }

        @inline(__always) func holds<T: Comparable>(_ a: T, _ b: T) -> Bool {
            switch self {
            case .equal: return a == b
            case .notEqual: return a != b
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            }
        }
    }

    /// The string tests of `flt_compare_string`, on the operand up to its first NUL.
    enum StringTest: Equatable {
        case order(Order, [UInt8])
        case contains([UInt8])
        case containsIgnoringCase([UInt8])
        case startsWith([UInt8])
        case endsWith([UInt8])
        case glob(GlobPattern)
        case member(SortedByteStrings)
        case pathPrefix(PathPrefixSet)

        func holds(_ s: UnsafeRawBufferPointer) -> Bool {
            switch self {
            case .order(.equal, let c):
                return s.count == c.count && ByteMatching.equal(s, at: 0, c)
            case .order(.notEqual, let c):
                return !(s.count == c.count && ByteMatching.equal(s, at: 0, c))
            case .order(let order, let c): return order.holds(ByteMatching.compare(s, c), 0)
            case .contains(let c): return ByteMatching.contains(s, c)
            case .containsIgnoringCase(let c): return ByteMatching.containsIgnoringCase(s, c)
            case .startsWith(let c): return ByteMatching.startsWith(s, c)
            case .endsWith(let c): return ByteMatching.endsWith(s, c)
            case .glob(let g): return g.matches(s)
            case .member(let set): return set.contains(s)
            case .pathPrefix(let set): return set.matches(s)
            }
        }
    }

    /// The buffer tests of `flt_compare_buffer`, on every byte of the operand.
    enum BufferTest: Equatable {
        case equal([UInt8]), notEqual([UInt8]), contains([UInt8]), startsWith([UInt8]), endsWith([UInt8])

        func holds(_ b: UnsafeRawBufferPointer) -> Bool {
            switch self {
            case .equal(let c): return b.count == c.count && ByteMatching.equal(b, at: 0, c)
            case .notEqual(let c): return !(b.count == c.count && ByteMatching.equal(b, at: 0, c))
            case .contains(let c): return ByteMatching.contains(b, c)
            case .startsWith(let c): return ByteMatching.startsWith(b, c)
            case .endsWith(let c): return ByteMatching.endsWith(b, c)
            }
        }
    }

    /// Any value at all (`exists`).
    case exists
    /// Unsigned integers of `mask`'s width.
    case unsigned(Order, UInt64, mask: UInt64)
    /// Signed integers of `64 - shift` bits (the operand is sign-extended by shifting).
    case signed(Order, Int64, shift: UInt64)
    case string(StringTest)
    case buffer(BufferTest)
    /// An `IPADDR`/`IPNET` family field: the operand's size picks IPv4 or IPv6 at run time.
    case address(FilterOperator, AddressConstant, network: Bool)
    /// A comparison sysdig rejects when it meets a value (`'contains' not supported for numeric filters`).
    case fails(String)
    /// A type `flt_compare` does not handle: never true.
    case never

    /// The views of an address constant's storage that comparisons read.
    struct AddressConstant: Equatable {
        /// The first four bytes (an IPv4 address) as stored.
        let ipv4: UInt32
        /// The next four (an IPv4 network's mask).
        let mask: UInt32
        /// All sixteen (an IPv6 address; a network compares the first eight).
        let high: UInt64, low: UInt64

        init(_ storage: [UInt8]) {
            func load<T: FixedWidthInteger>(_ at: Int, _: T.Type) -> T {
                storage.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: T.self) }
            }
            ipv4 = load(0, UInt32.self)
            mask = load(4, UInt32.self)
            high = load(0, UInt64.self)
            low = load(8, UInt64.self)
        }
    }

    /// Whether `value` (not `.none`) passes; sets `failure` for comparisons sysdig aborts on.
    @inline(__always)
    func holds(_ value: FieldResult, _ context: FieldContext, failure: inout String?) -> Bool {
        switch self {
        case .exists:
            return true
        case .unsigned(let order, let c, let mask):
            return order.holds(Self.number(value, context) & mask, c)
        case .signed(let order, let c, let shift):
            let v = Int64(bitPattern: Self.number(value, context) << shift) >> Int64(shift)
            return order.holds(v, c)
        case .string(let test):
            return context.withBytes(value) { test.holds(ByteMatching.cString($0)) }
        case .buffer(let test):
            return context.withBytes(value) { test.holds($0) }
        case .address(let op, let c, let network):
            return Self.compareAddress(value, context, op, c, network: network, failure: &failure)
        case .fails(let message):
            failure = message
            return false
        case .never:
            return false
        }
    }

    /// A numeric operand: the number, or the first bytes of a byte result (little endian).
    @inline(__always) static func number(_ value: FieldResult, _ context: FieldContext) -> UInt64 {
        if case .number(let v) = value { return v }
        return context.withBytes(value) { raw in
            var v: UInt64 = 0
            for i in 0..<min(raw.count, 8) { v |= UInt64(raw[i]) << UInt64(8 * i) }
            return v
        }
    }

    private static func compareAddress(
        _ value: FieldResult, _ context: FieldContext, _ op: FilterOperator, _ c: AddressConstant, network: Bool,
        failure: inout String?
    ) -> Bool {
        var v4: UInt32 = 0
        var high: UInt64 = 0, low: UInt64 = 0
        var size = 4
        switch value {
        case .number(let v): v4 = UInt32(truncatingIfNeeded: v)
        default:
            size = context.withBytes(value) { raw in
                if raw.count == 4 { v4 = raw.loadUnaligned(as: UInt32.self) }
                if raw.count == 16 {
                    high = raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
                    low = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                }
                return raw.count
            }
        }
        let what = network ? "network" : "address"
        let plural = network ? "networks" : "addresses"
        switch (size, network) {
        case (4, false):
            guard let order = Order(op) else {
                failure = FilterComparisonBuilder.numericFailure(op)
                return false
            }
            return order.holds(v4, c.ipv4)
        case (4, true):
            switch op {
            case .equal, .in: return v4 & c.mask == c.ipv4 & c.mask
            case .notEqual: return v4 & c.mask != c.ipv4 & c.mask
            case .contains, .icontains, .startsWith, .endsWith, .glob:
                failure = FilterComparisonBuilder.numericFailure(op)
            default: failure = "comparison operator not supported for ipv4 networks"
            }
            return false
        case (16, _):
            let same = network ? high == c.high : high == c.high && low == c.low
            switch op {
            case .equal, .in: return same
            case .notEqual: return !same
            case .contains, .icontains, .startsWith, .glob:
                failure = "\(op.quotedName) not supported for ipv6 \(plural)"
            default: failure = "comparison operator not supported for ipv6 \(plural)"
            }
            return false
        default:
            failure = "rawval_to_string called with IP \(what) of incorrect size \(size)"
            return false
        }
    }
}
