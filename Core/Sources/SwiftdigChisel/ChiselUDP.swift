// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// A UDP socket aimed at one IPv4 peer: sysdig's `sysdig.udp_setpeername` and `sysdig.udp_send`,
/// for chisels that export what they see (`tracers_2_statsd`). Since protocol 1.5.
///
/// ```swift
/// let udp = try ChiselUDPSender(host: "127.0.0.1", port: 8125)
/// try udp.send("requests:1|c")
/// ```
public final class ChiselUDPSender {
    private let socket: Int32
    private var peer = sockaddr_in()

    /// Opens a socket for datagrams to `host` (a dotted IPv4 address) and `port`.
    /// - Throws: ``ChiselError`` with sysdig's message when the socket cannot be made or `host` is
    ///   not an address.
    public init(host: String, port: UInt16) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard socket >= 0 else { throw ChiselError("udp_setpeername error: unable to create the socket") }
        peer.sin_family = sa_family_t(AF_INET)
        peer.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &peer.sin_addr) > 0 else {
            close(socket)
            throw ChiselError("inet_pton error occurred")
        }
    }

    deinit { close(socket) }

    /// Sends `message` as one datagram.
    /// - Throws: ``ChiselError`` when the system refuses it.
    public func send(_ message: String) throws {
        var text = message
        let sent = text.withUTF8 { bytes in
            withUnsafePointer(to: &peer) { address in
                address.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(socket, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
        if sent < 0 { throw ChiselError("udp_send error: cannot send the buffer: ") }
    }
}

/// A statsd client over ``ChiselUDPSender``, as sysdig's `statsd.lua` chisel library writes
/// metrics: `NAMESPACE.STAT:VALUE|KIND`, with `:`, `|` and `@` in the name made `_`. Since protocol
/// 1.5.
public struct ChiselStatsd {
    /// Where the metrics go.
    public let sender: ChiselUDPSender
    /// The prefix of every name (none by default).
    public var namespace: String?

    /// A client sending to `host` and `port` (statsd's default is `127.0.0.1:8125`).
    public init(host: String = "127.0.0.1", port: UInt16 = 8125, namespace: String? = nil) throws {
        sender = try ChiselUDPSender(host: host, port: port)
        self.namespace = namespace
    }

    /// The datagram for `stat` with `value` of `kind` (`ms`, `c`, `g`, ...).
    public func message(_ stat: String, _ value: Double, kind: String) -> String {
        let name = String(stat.map { $0 == ":" || $0 == "|" || $0 == "@" ? "_" : $0 })
        return (namespace.map { $0 + "." } ?? "") + name + ":" + ChiselFormat.number(value) + "|" + kind
    }

    /// A duration in milliseconds (statsd's timer).
    public func timer(_ stat: String, milliseconds: Double) throws {
        try sender.send(message(stat, milliseconds, kind: "ms"))
    }

    /// An instantaneous value.
    public func gauge(_ stat: String, _ value: Double) throws {
        try sender.send(message(stat, value, kind: "g"))
    }

    /// Adds `value` to a counter.
    public func increment(_ stat: String, by value: Double = 1) throws {
        try sender.send(message(stat, value, kind: "c"))
    }
}
