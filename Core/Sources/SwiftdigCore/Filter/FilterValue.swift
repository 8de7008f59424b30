// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// A constant of a comparison, parsed once by the field's type as libsinsp's `string_to_rawval` does.
enum FilterValue: Equatable {
    /// An integer or bool, already cut to the type's width (its bit pattern).
    case number(UInt64)
    /// A string: the value up to its first NUL.
    case text([UInt8])
    /// A byte buffer: the value as written.
    case bytes([UInt8])
    /// An address or network, as the 16 bytes of libsinsp's storage: an IPv4 address in the first 4,
    /// an IPv4 network as address then mask, an IPv6 address or network in all 16; the rest zero.
    /// Comparisons read the view their operand's size asks for, as the C code casts the storage.
    case address([UInt8])
}

/// Parses constants by type (libsinsp 0.29.3's `sinsp_filter_value_parser::string_to_rawval` and
/// `sinsp_numparser`), with its error messages.
enum FilterValueParser {
    /// libsinsp keeps each constant in a 256-byte buffer.
    static let storageSize = 256

    static func parse(_ raw: [UInt8], as type: ParamType) throws(FilterMessage) -> FilterValue {
        let str = Array(raw.prefix { $0 != 0 })  // what the C code sees as `str`
        let text = FilterScanner.string(str)
        switch type {
        case .bytebuf:
            if raw.count >= storageSize { throw FilterMessage("filter parameter too long:" + text) }
            return .bytes(raw)
        case .int8: return .number(try signed(str, bits: 8))
        case .int16: return .number(try signed(str, bits: 16))
        case .int32: return .number(try signed(str, bits: 32))
        case .int64, .fd, .errno: return .number(try signed(str, bits: 64))
        case .l4proto, .flags8, .uint8: return .number(try unsigned(str, bits: 32) & 0xFF)
        case .flags16, .uint16: return .number(try unsigned(str, bits: 32) & 0xFFFF)
        case .flags32, .uint32, .mode: return .number(try unsigned(str, bits: 32))
        case .uint64, .reltime, .abstime: return .number(try unsigned(str, bits: 64))
        case .port: return .number(try port(str))
        case .charbuf, .sockaddr, .sockfamily, .fspath, .fsrelpath:
            if str.count >= storageSize { throw FilterMessage("filter parameter too long:" + text) }
            return .text(str)
        case .bool:
            if text == "true" { return .number(1) }
            if text == "false" { return .number(0) }
            throw FilterMessage("filter error: unrecognized boolean value " + text)
        case .ipaddr:
            return try parse(raw, as: raw.contains(UInt8(ascii: ".")) ? .ipv4addr : .ipv6addr)
        case .ipnet:
            return try parse(raw, as: raw.contains(UInt8(ascii: ".")) ? .ipv4net : .ipv6net)
        case .ipv4addr:
            guard let a = address(text, family: AF_INET) else {
                throw FilterMessage("unrecognized IPv4 address " + text)
            }
            return .address(a)
        case .ipv6addr, .ipv6net:
            guard let a = address(text, family: AF_INET6) else {
                throw FilterMessage("unrecognized IPv6 address " + text)
            }
            return .address(a)
        case .ipv4net:
            return .address(try ipv4Network(str))
        default:
            throw FilterMessage("wrong parameter type \(type.rawValue)")
        }
    }

    /// `a.b.c.d/n`: the address then the mask, both in network byte order.
    private static func ipv4Network(_ str: [UInt8]) throws(FilterMessage) -> [UInt8] {
        let text = FilterScanner.string(str)
        guard let slash = str.firstIndex(of: UInt8(ascii: "/")) else {
            throw FilterMessage("unrecognized IP network " + text)
        }
        // getline(ss, mask) stops at a line end.
        let maskBytes = str[(slash + 1)...].prefix { $0 != 0x0A }
        guard var storage = address(FilterScanner.string(str[..<slash]), family: AF_INET) else {
            throw FilterMessage("unrecognized IP address " + text)
        }
        let maskText = FilterScanner.string(maskBytes)
        let bits = try unsigned(Array(maskBytes), bits: 32) & 0xFF
        if bits > 32 { throw FilterMessage("invalid netmask " + maskText) }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - UInt32(bits))
        storage[4] = UInt8(mask >> 24)
        storage[5] = UInt8((mask >> 16) & 0xFF)
        storage[6] = UInt8((mask >> 8) & 0xFF)
        storage[7] = UInt8(mask & 0xFF)
        return storage
    }

    /// `inet_pton` into a zeroed 16-byte storage.
    private static func address(_ text: String, family: Int32) -> [UInt8]? {
        var storage = [UInt8](repeating: 0, count: 16)
        let ok = storage.withUnsafeMutableBytes { inet_pton(family, text, $0.baseAddress) }
        return ok == 1 ? storage : nil
    }

    /// A port: digits, a service name from the services database, or nothing (0).
    private static func port(_ str: [UInt8]) throws(FilterMessage) -> UInt64 {
        if str.isEmpty { return 0 }
        let text = FilterScanner.string(str)
        if str.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            // std::stoi: an int, or std::out_of_range, which the compiler reports without a position.
            let value = str.reduce(UInt64(0)) { min($0 &* 10 &+ UInt64($1 - UInt8(ascii: "0")), 1 << 40) }
            if value > UInt64(Int32.max) { throw FilterMessage(FilterParser.outOfRangeMarker) }
            return value & 0xFFFF
        }
        guard let entry = getservbyname(text, nil) else { throw FilterMessage("unrecognized protocol " + text) }
        return UInt64(UInt16(bigEndian: UInt16(truncatingIfNeeded: entry.pointee.s_port)))
    }

    /// `sscanf("%u%c")` into `bits` bits: blanks, a sign, digits, and nothing after; strtoul's wrap of
    /// negative values and saturation.
    static func unsigned(_ str: [UInt8], bits: Int) throws(FilterMessage) -> UInt64 {
        guard let (negative, magnitude, overflow) = scan(str) else {
            throw FilterMessage(FilterScanner.string(str) + " is not a valid number")
        }
        let value = overflow ? UInt64.max : negative ? 0 &- magnitude : magnitude
        return bits == 64 ? value : value & ((1 << UInt64(bits)) - 1)
    }

    /// `sscanf("%d%c")` into `bits` bits (as a bit pattern): strtol's saturation, then the cast.
    static func signed(_ str: [UInt8], bits: Int) throws(FilterMessage) -> UInt64 {
        guard let (negative, magnitude, overflow) = scan(str) else {
            throw FilterMessage(FilterScanner.string(str) + " is not a valid number")
        }
        let value: Int64
        if negative {
            value = overflow || magnitude > UInt64(Int64.max) + 1 ? Int64.min : Int64(truncatingIfNeeded: 0 &- magnitude)
        } else {
            value = overflow || magnitude > UInt64(Int64.max) ? Int64.max : Int64(magnitude)
        }
        let pattern = UInt64(bitPattern: value)
        return bits == 64 ? pattern : pattern & ((1 << UInt64(bits)) - 1)
    }

    /// The parts of a decimal number as scanf reads it, or `nil` when it is not one alone.
    private static func scan(_ str: [UInt8]) -> (negative: Bool, magnitude: UInt64, overflow: Bool)? {
        var i = 0
        while i < str.count, isCSpace(str[i]) { i += 1 }
        var negative = false
        if i < str.count, str[i] == UInt8(ascii: "+") || str[i] == UInt8(ascii: "-") {
            negative = str[i] == UInt8(ascii: "-")
            i += 1
        }
        var magnitude: UInt64 = 0
        var overflow = false
        let digitsStart = i
        while i < str.count, str[i] >= UInt8(ascii: "0"), str[i] <= UInt8(ascii: "9") {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(str[i] - UInt8(ascii: "0")))
            overflow = overflow || o1 || o2
            magnitude = s
            i += 1
        }
        guard i > digitsStart, i == str.count else { return nil }
        return (negative, magnitude, overflow)
    }

    private static func isCSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    /// The bytes named by hex digits (`bcontains 414243`), as newer libs read them.
    static func hexBytes(_ raw: [UInt8]) throws(FilterMessage) -> [UInt8] {
        let text = FilterScanner.string(raw)
        guard raw.count % 2 == 0 else { throw FilterMessage("invalid hex string: " + text) }
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            guard let hi = ASCIIHex.value(raw[i]), let lo = ASCIIHex.value(raw[i + 1]) else {
                throw FilterMessage("invalid hex string: " + text)
            }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }
}
