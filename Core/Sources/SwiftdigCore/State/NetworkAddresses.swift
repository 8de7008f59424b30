// SPDX-License-Identifier: Apache-2.0

/// The text forms of addresses, ports and connection tuples that sysdig prints.
enum NetworkAddresses {
    /// `a.b.c.d` of an address stored in network byte order.
    static func ipv4(_ ip: UInt32) -> String {
        let b = withUnsafeBytes(of: ip) { Array($0) }
        return "\(b[0]).\(b[1]).\(b[2]).\(b[3])"
    }

    /// The RFC 5952 text of a 16-byte IPv6 address, as `inet_ntop` writes it.
    static func ipv6<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let b = Array(bytes)
        guard b.count == 16 else { return "" }
        func word(_ i: Int) -> UInt16 { UInt16(b[2 * i]) << 8 | UInt16(b[2 * i + 1]) }
        // IPv4-mapped and IPv4-compatible forms, as glibc prints them.
        let zeroPrefix = (0..<5).allSatisfy { word($0) == 0 }
        if zeroPrefix && (word(5) == 0xFFFF || (word(5) == 0 && (word(6) != 0 || word(7) > 1))) {
            let v4 = "\(b[12]).\(b[13]).\(b[14]).\(b[15])"
            return word(5) == 0xFFFF ? "::ffff:" + v4 : "::" + v4
        }
        // The longest run of two or more zero words becomes "::".
        var bestStart = -1, bestLen = 0, curStart = -1, curLen = 0
        for i in 0..<8 {
            if word(i) == 0 {
                if curStart < 0 { curStart = i; curLen = 0 }
                curLen += 1
                if curLen > bestLen { bestStart = curStart; bestLen = curLen }
            } else {
                curStart = -1
            }
        }
        if bestLen < 2 { bestStart = -1 }
        // Written as bytes into the string's storage (fd names of IPv6 sockets are made on every
        // connect): at most 8 groups of 4 digits and 7 separators.
        return String(unsafeUninitializedCapacity: 39) { out in
            var n = 0
            var i = 0
            while i < 8 {
                if i == bestStart {
                    out[n] = UInt8(ascii: ":")
                    out[n + 1] = UInt8(ascii: ":")
                    n += 2
                    i += bestLen
                    continue
                }
                if n != 0 && out[n - 1] != UInt8(ascii: ":") {
                    out[n] = UInt8(ascii: ":")
                    n += 1
                }
                let value = word(i)
                var shift = value >= 0x1000 ? 12 : value >= 0x100 ? 8 : value >= 0x10 ? 4 : 0
                while shift >= 0 {
                    let digit = UInt8(truncatingIfNeeded: value >> UInt16(shift)) & 0xF
                    out[n] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
                    n += 1
                    shift -= 4
                }
                i += 1
            }
            return n
        }
    }

    /// Whether a 16-byte address is IPv4-mapped (or all zero, which sysdig takes for IPv4 too).
    static func isIPv4Mapped<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8, C.Index == Int {
        let b = bytes
        let s = b.startIndex
        for i in 0..<10 where b[s + i] != 0 { return false }
        if b[s + 10] == 0xFF && b[s + 11] == 0xFF { return true }
        return b[s + 10] == 0 && b[s + 11] == 0 && b[s + 12] == 0 && b[s + 13] == 0 && b[s + 14] == 0
            && b[s + 15] == 0
    }

    /// `ip:port` for an IPv4 server address.
    static func ipv4Server(_ ip: UInt32, _ port: UInt16) -> String { "\(ipv4(ip)):\(port)" }

    /// `sip:sport->dip:dport` for an IPv4 tuple.
    static func ipv4Tuple(_ sip: UInt32, _ sport: UInt16, _ dip: UInt32, _ dport: UInt16) -> String {
        "\(ipv4Server(sip, sport))->\(ipv4Server(dip, dport))"
    }

    /// The name sysdig gives a socket from its addresses (`sockinfo_to_str`).
    static func socketName(_ info: SocketInfo, type: FDType) -> String {
        if type == .ipv4Socket {
            let proto = info.v4l4proto
            if proto == L4Proto.tcp.rawValue || proto == L4Proto.udp.rawValue {
                return ipv4Tuple(info.v4sip, info.v4sport, info.v4dip, info.v4dport)
            } else if proto == L4Proto.icmp.rawValue || proto == L4Proto.raw.rawValue {
                return "\(ipv4(info.v4sip))->\(ipv4(info.v4dip))"
            }
            return "<unknown>"
        } else if type == .ipv6Socket {
            let sip6 = info.bytes16(0), dip6 = info.bytes16(16)
            let proto = info.v6l4proto
            if proto == L4Proto.tcp.rawValue || proto == L4Proto.udp.rawValue {
                if isIPv4Mapped(sip6) && isIPv4Mapped(dip6) {
                    // sysdig reads the ports through the IPv4 member here: the same bytes, other offsets.
                    let sip = sip6.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self) }
                    let dip = dip6.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self) }
                    return ipv4Tuple(sip, info.v4sport, dip, info.v4dport)
                }
                return "\(ipv6(sip6)):\(info.v6sport)->\(ipv6(dip6)):\(info.v6dport)"
            } else if proto == L4Proto.icmp.rawValue || proto == L4Proto.raw.rawValue {
                if isIPv4Mapped(sip6) && isIPv4Mapped(dip6) {
                    return "\(sip6[12]).\(sip6[13]).\(sip6[14]).\(sip6[15])->\(dip6[12]).\(dip6[13]).\(dip6[14]).\(dip6[15])"
                }
                return "\(ipv6(sip6))->\(ipv6(dip6))"
            }
            return "<unknown>"
        }
        return "<unknown>"
    }
}
