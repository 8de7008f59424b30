// SPDX-License-Identifier: Apache-2.0

/// Addresses, ports and protocols of socket fds.
///
/// Client and server: for a connected socket the client is its source end; a server socket has
/// only a server end. Local and remote: which end of a connected socket is on this machine, by
/// the capture's interface list. A socket with no role yet (created, not connected) has no ends.
extension FDFields {
    /// Where an address is in a socket's ``SocketInfo``.
    enum Address {
        /// An IPv4 address (network byte order).
        case v4(UInt32)
        /// An IPv6 address: 16 bytes at this offset.
        case v6(Int)
    }

    /// The client address of a connected socket.
    static func clientAddress(_ fdi: FDInfo) -> Address? {
        guard !fdi.isRoleNone else { return nil }
        switch fdi.type {
        case .ipv4Socket: return .v4(fdi.sockinfo.v4sip)
        case .ipv6Socket: return .v6(0)
        default: return nil
        }
    }

    /// The server address of a connected or server socket.
    static func serverAddress(_ fdi: FDInfo) -> Address? {
        guard !fdi.isRoleNone else { return nil }
        switch fdi.type {
        case .ipv4Socket: return .v4(fdi.sockinfo.v4dip)
        case .ipv4ServerSocket: return .v4(fdi.sockinfo.v4serverIP)
        case .ipv6Socket: return .v6(16)
        case .ipv6ServerSocket: return .v6(0)
        default: return nil
        }
    }

    /// For a connected socket with a role, whether its source (client) end is local.
    static func sourceIsLocal(_ fdi: FDInfo, _ t: ThreadInfo, _ state: SystemState) -> Bool? {
        guard !fdi.isRoleNone else { return nil }
        switch fdi.type {
        case .ipv4Socket: return isLocal(.v4(fdi.sockinfo.v4sip), fdi, t, state)
        case .ipv6Socket: return isLocal(.v6(0), fdi, t, state)
        default: return nil
        }
    }

    /// Whether an address is one of this machine's (libsinsp's `is_ipv4addr_in_local_machine`: an
    /// interface address; IPv6: an interface in the same /64, never for a thread in a container).
    static func isLocal(_ address: Address, _ fdi: FDInfo, _ t: ThreadInfo, _ state: SystemState) -> Bool {
        switch address {
        case .v4(let ip):
            return state.interfaces.ipv4.contains { $0.address == ip }
        case .v6(let offset):
            guard t.containerID.isEmpty else { return false }
            let prefix = fdi.sockinfo.load(offset, UInt64.self)
            return state.interfaces.ipv6.contains { iface in
                iface.count >= 8 && iface.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) } == prefix
            }
        }
    }

    /// An address as a result: a number for IPv4, 16 bytes of text for IPv6.
    static func result(_ address: Address, _ fdi: FDInfo, _ c: FieldContext) -> FieldResult {
        switch address {
        case .v4(let ip):
            return .number(UInt64(ip))
        case .v6(let offset):
            return c.textResult { out in
                withUnsafeBytes(of: fdi.sockinfo.load(offset, UInt64.self)) { out.append($0) }
                withUnsafeBytes(of: fdi.sockinfo.load(offset + 8, UInt64.self)) { out.append($0) }
            }
        }
    }

    /// The client port of a connected socket with a role.
    static func clientPort(_ fdi: FDInfo) -> UInt16? {
        switch fdi.type {
        case .ipv4Socket: return fdi.sockinfo.v4sport
        case .ipv6Socket: return fdi.sockinfo.v6sport
        default: return nil
        }
    }

    /// The server port of a socket: a connected one needs a role, a server socket does not.
    static func serverPort(_ fdi: FDInfo) -> UInt16? {
        switch fdi.type {
        case .ipv4Socket: return fdi.isRoleNone ? nil : fdi.sockinfo.v4dport
        case .ipv4ServerSocket: return fdi.sockinfo.v4serverPort
        case .ipv6Socket: return fdi.isRoleNone ? nil : fdi.sockinfo.v6dport
        case .ipv6ServerSocket: return fdi.sockinfo.v6serverPort
        default: return nil
        }
    }

    /// The local (`local`) or remote end of a connected socket: an address or a port.
    static func localEnd<T>(
        _ local: Bool, _ fdi: FDInfo, _ t: ThreadInfo, _ c: FieldContext, source: T, destination: T
    ) -> T? {
        guard let sourceLocal = sourceIsLocal(fdi, t, c.state) else { return nil }
        return sourceLocal == local ? source : destination
    }

    /// `fd.lip`/`fd.rip` and the networks `fd.lnet`/`fd.rnet`.
    static func localAddress(_ local: Bool) -> FDExtractor {
        { _, c, t, fdi in
            guard let fdi, let client = clientAddress(fdi), let server = serverAddress(fdi),
                let address = localEnd(local, fdi, t, c, source: client, destination: server)
            else { return .none }
            return result(address, fdi, c)
        }
    }

    /// `fd.lport`/`fd.rport` (`text`: `fd.lproto`/`fd.rproto`, the port as text).
    static func localPort(_ local: Bool, text: Bool) -> FDExtractor {
        { _, c, t, fdi in
            guard let fdi, let source = clientPort(fdi), let destination = fdi.isRoleNone ? nil : serverPort(fdi),
                let port = localEnd(local, fdi, t, c, source: source, destination: destination)
            else { return .none }
            return text ? c.textResult { $0.append(decimal: UInt64(port)) } : .number(UInt64(port))
        }
    }

    /// `fd.cip`/`fd.cnet` (`client`) or `fd.sip`/`fd.snet`.
    static func endAddress(client: Bool) -> FDExtractor {
        { _, c, _, fdi in
            guard let fdi, let address = client ? clientAddress(fdi) : serverAddress(fdi) else { return .none }
            return result(address, fdi, c)
        }
    }

    /// The socket fields, by name.
    static let socketExtractors: [String: FDExtractor] = [
        "fd.cip": endAddress(client: true), "fd.cnet": endAddress(client: true),
        "fd.sip": endAddress(client: false), "fd.snet": endAddress(client: false),
        "fd.lip": localAddress(true), "fd.lnet": localAddress(true),
        "fd.rip": localAddress(false), "fd.rnet": localAddress(false),
        "fd.lport": localPort(true, text: false), "fd.rport": localPort(false, text: false),
        "fd.lproto": localPort(true, text: true), "fd.rproto": localPort(false, text: true),
        "fd.cport": { _, _, _, fdi in
            guard let fdi, !fdi.isRoleNone else { return .none }
            // libsinsp falls through to fd.cproto for other sockets and reads its empty text as a
            // port: 0.
            return .number(UInt64(clientPort(fdi) ?? 0))
        },
        "fd.cproto": { _, c, _, fdi in
            guard let fdi, !fdi.isRoleNone else { return .none }
            return c.textResult { out in clientPort(fdi).map { out.append(decimal: UInt64($0)) } }
        },
        "fd.sport": { _, _, _, fdi in fdi.flatMap(serverPort).map { .number(UInt64($0)) } ?? .none },
        "fd.sproto": { _, c, _, fdi in
            guard let fdi, let port = serverPort(fdi) else { return .none }
            // Server sockets have a port but libsinsp prints it only for connected ones.
            let connected = fdi.type == .ipv4Socket || fdi.type == .ipv6Socket
            return c.textResult { out in if connected { out.append(decimal: UInt64(port)) } }
        },
        "fd.is_server": { _, c, t, fdi in
            guard let fdi else { return .none }
            switch fdi.type {
            case .ipv4ServerSocket, .ipv6ServerSocket: return .flag(true)
            case .ipv4Socket: return .flag(isLocal(.v4(fdi.sockinfo.v4dip), fdi, t, c.state))
            case .ipv6Socket: return .flag(isLocal(.v6(16), fdi, t, c.state))
            default: return .flag(false)
            }
        },
        // Filter-only fields compare through their alternatives.
        "fd.ip": { _, _, _, _ in .none }, "fd.net": { _, _, _, _ in .none },
        "fd.port": { _, _, _, _ in .none }, "fd.proto": { _, _, _, _ in .none },
    ]

    /// The values a filter-only field offers: both ends of a connected socket, the one address or
    /// port of a server socket, regardless of role.
    typealias Values = @Sendable (FDInfo, FieldContext, (FieldResult) -> Bool) -> Bool

    /// The filter-only fields that match either end: `fd.ip`, `fd.net` (addresses), `fd.port`,
    /// `fd.proto` (ports).
    ///
    /// For `!=` libsinsp requires that no end equal the value (and, as for every operator, that
    /// the event have such an fd); for every other operator one end is enough. Filters evaluate
    /// `!=` as "anyValue { _ in true } && !anyValue(==)".
    static let alternatives: [String: Values] = [
        "fd.ip": addresses, "fd.net": addresses, "fd.port": ports, "fd.proto": ports,
    ]

    /// Offers both addresses of a socket.
    static let addresses: Values = { fdi, c, matches in
        switch fdi.type {
        case .ipv4Socket: return matches(.number(UInt64(fdi.sockinfo.v4sip))) || matches(.number(UInt64(fdi.sockinfo.v4dip)))
        case .ipv4ServerSocket: return matches(.number(UInt64(fdi.sockinfo.v4serverIP)))
        case .ipv6Socket: return matches(result(.v6(0), fdi, c)) || matches(result(.v6(16), fdi, c))
        case .ipv6ServerSocket: return matches(result(.v6(0), fdi, c))
        default: return false
        }
    }

    /// Offers both ports of a socket.
    static let ports: Values = { fdi, _, matches in
        switch fdi.type {
        case .ipv4Socket: return matches(.number(UInt64(fdi.sockinfo.v4sport))) || matches(.number(UInt64(fdi.sockinfo.v4dport)))
        case .ipv4ServerSocket: return matches(.number(UInt64(fdi.sockinfo.v4serverPort)))
        case .ipv6Socket: return matches(.number(UInt64(fdi.sockinfo.v6sport))) || matches(.number(UInt64(fdi.sockinfo.v6dport)))
        case .ipv6ServerSocket: return matches(.number(UInt64(fdi.sockinfo.v6serverPort)))
        default: return false
        }
    }

    /// Wraps the values of a filter-only field into an alternatives extractor over the event's fd.
    static func offer(_ values: @escaping Values) -> BoundField.AlternativesExtractor {
        { event, context, matches in
            guard let (_, fdi) = target(event, context), let fdi else { return false }
            return values(fdi, context, matches)
        }
    }
}
