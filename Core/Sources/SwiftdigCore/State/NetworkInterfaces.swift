// SPDX-License-Identifier: Apache-2.0

/// The machine's network interfaces, from the capture's interface list. sysdig uses them to fill
/// in the local address of a datagram socket that was never bound.
public struct NetworkInterfaces: Sendable {
    /// IPv4 interfaces: address and netmask in network byte order.
    public var ipv4: [(address: UInt32, netmask: UInt32)] = []
    /// IPv6 interface addresses, 16 bytes each.
    public var ipv6: [[UInt8]] = []

    /// No interfaces.
    public init() {}

    private static let loopback4: UInt32 = 0x0100_007F
    private static let loopback6: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]

    private func inferIPv4(_ destination: UInt32) -> UInt32 {
        if let exact = ipv4.first(where: { $0.address == destination }) { return exact.address }
        if let same = ipv4.first(where: { $0.address & $0.netmask == destination & $0.netmask }) { return same.address }
        return ipv4.first { $0.address != Self.loopback4 }?.address ?? 0
    }

    private func inferIPv6(_ destination: [UInt8]) -> [UInt8] {
        if let exact = ipv6.first(where: { $0 == destination }) { return exact }
        if let same = ipv6.first(where: { $0.prefix(8) == destination.prefix(8) }) { return same }
        return ipv6.first { $0 != Self.loopback6 } ?? [UInt8](repeating: 0, count: 16)
    }

    /// Fills in the missing local or remote address of a socket fd (`update_fd` in sysdig).
    func update(_ fdi: FDInfo) {
        if fdi.type == .ipv4Socket {
            let s = fdi.sockinfo
            if s.v4sip != 0 && s.v4dip != 0 { return }
            if s.v4sip == 0 {
                let address = inferIPv4(s.v4dip)
                if address == s.v4dip && s.v4sport == s.v4dport { return }
                fdi.sockinfo.v4sip = address
            } else {
                let address = inferIPv4(s.v4sip)
                if address == s.v4sip && s.v4sport == s.v4dport { return }
                fdi.sockinfo.v4dip = address
            }
        } else if fdi.type == .ipv6Socket {
            let s = fdi.sockinfo
            let sip = s.bytes16(0), dip = s.bytes16(16)
            let empty = [UInt8](repeating: 0, count: 16)
            if sip != empty && dip != empty { return }
            if sip == empty {
                let address = inferIPv6(dip)
                if address == dip && s.v6sport == s.v6dport { return }
                address.withUnsafeBytes { fdi.sockinfo.setBytes(0, $0) }
            } else {
                let address = inferIPv6(sip)
                if address == sip && s.v6sport == s.v6dport { return }
                address.withUnsafeBytes { fdi.sockinfo.setBytes(16, $0) }
            }
        }
    }
}
