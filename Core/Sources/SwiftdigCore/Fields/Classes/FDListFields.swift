// SPDX-License-Identifier: Apache-2.0

/// The `fdlist` field class: libsinsp's `sinsp_filter_check_fdlist`, the fds of `poll` and
/// `ppoll` events as comma-separated lists (fds a column does not apply to are left out).
struct FDListFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            guard let column = Self.columns[definition.name] else { return nil }
            return BoundField(definition, text: definition.name, extractor: Self.extractor(column))
        }
    }

    /// Appends one fd's entry of a column; false when the fd has none (no comma then).
    typealias Column = @Sendable (Int64, FDInfo?, inout OutputBuffer) -> Bool

    /// The parameter holding the fd list, by event code.
    static let listParameter: [UInt16: Int] = [80: 0, 81: 1, 254: 0, 255: 1]  // poll, ppoll: enter, exit

    /// The columns, by field name.
    static let columns: [String: Column] = [
        "fdlist.nums": { fd, _, out in
            out.append(decimal: fd)
            return true
        },
        "fdlist.names": { _, fdi, out in
            if let fdi, !fdi.name.isEmpty { out.append(fdi.name) } else { out.append("<NA>") }
            return true
        },
        "fdlist.cips": addresses(server: false),
        "fdlist.sips": addresses(server: true),
        "fdlist.cports": { _, fdi, out in
            guard let fdi, let port = FDFields.clientPort(fdi) else { return false }
            out.append(decimal: UInt64(port))
            return true
        },
        "fdlist.sports": { _, fdi, out in
            guard let fdi, fdi.type == .ipv4Socket || fdi.type == .ipv6Socket else { return false }
            out.append(decimal: UInt64(fdi.type == .ipv4Socket ? fdi.sockinfo.v4dport : fdi.sockinfo.v6dport))
            return true
        },
    ]

    /// The client or server addresses: of connected sockets, and of server sockets for `server`.
    static func addresses(server: Bool) -> Column {
        { _, fdi, out in
            guard let fdi else { return false }
            switch (fdi.type, server) {
            case (.ipv4Socket, _): appendIPv4(server ? fdi.sockinfo.v4dip : fdi.sockinfo.v4sip, into: &out)
            case (.ipv6Socket, _): appendIPv6(fdi.sockinfo, at: server ? 16 : 0, into: &out)
            case (.ipv4ServerSocket, true): appendIPv4(fdi.sockinfo.v4serverIP, into: &out)
            // libsinsp prints an IPv6 server address as IPv4: its first four bytes.
            case (.ipv6ServerSocket, true): appendIPv4(fdi.sockinfo.load(0, UInt32.self), into: &out)
            default: return false
            }
            return true
        }
    }

    /// The extractor of a column: each fd's entry followed by a comma, the last comma dropped, no
    /// value when nothing was written.
    static func extractor(_ column: @escaping Column) -> BoundField.Extractor {
        { event, context in
            guard let index = listParameter[event.type], let list = event.param(index), list.count >= 2,
                let t = context.parser.thread
            else { return .none }
            let count = Int(list.loadUnaligned(as: UInt16.self))
            context.text.removeAll()
            var offset = 2
            for _ in 0..<count where offset + 10 <= list.count {
                let fd = list.loadUnaligned(fromByteOffset: offset, as: Int64.self)
                if column(fd, fd >= 0 ? context.state.fd(fd, of: t) : nil, &context.text) {
                    context.text.append(UInt8(ascii: ","))
                }
                offset += 10
            }
            guard context.text.count > 0 else { return .none }
            if context.text.withUnsafeBytes({ $0.last }) == UInt8(ascii: ",") {
                context.text.truncate(to: context.text.count - 1)
            }
            return .text
        }
    }

    /// `a.b.c.d` of an address in network byte order.
    static func appendIPv4(_ ip: UInt32, into out: inout OutputBuffer) {
        for shift in stride(from: 0, to: 32, by: 8) {
            if shift > 0 { out.append(UInt8(ascii: ".")) }
            out.append(decimal: UInt64((ip >> UInt32(shift)) & 0xFF))
        }
    }

    /// The text of the IPv6 address at `offset` of a socket.
    static func appendIPv6(_ info: SocketInfo, at offset: Int, into out: inout OutputBuffer) {
        withUnsafeBytes(of: (info.load(offset, UInt64.self), info.load(offset + 8, UInt64.self))) {
            out.append(NetworkAddresses.ipv6($0))
        }
    }
}
