// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// The driver's family-byte layouts of socket addresses (PT_SOCKADDR) and connection tuples
/// (PT_SOCKTUPLE), as sysdig 0.29.3's `pack_addr` and `fd_to_socktuple` write them:
/// - sockaddr: family, then IPv4 addr (4) + port (2), IPv6 addr (16) + port (2), or a unix path
///   with its NUL (`@name` for abstract sockets);
/// - tuple: family, then source addr + port and destination addr + port (IPv4, IPv6), or for
///   unix sockets the two kernel socket addresses (8 + 8) and a path with its NUL.
/// Ports are host order; other families pack to nothing.
enum SocketPacking {
    private static let afUnix: UInt16 = 1, afInet: UInt16 = 2, afInet6: UInt16 = 10

    /// Packs a user `struct sockaddr` (raw bytes as the caller passed them).
    static func packSockaddr(_ raw: UnsafeRawBufferPointer, into out: inout EventWriter) {
        let family = raw.integer(at: 0, as: UInt16.self)
        switch family {
        case afInet where raw.count >= 8:
            out.appendByte(familyByte(family))
            out.appendBytes(UnsafeRawBufferPointer(rebasing: raw[4..<8]))
            out.appendInteger(UInt64(UInt16(bigEndian: raw.integer(at: 2, as: UInt16.self))), width: 2)
        case afInet6 where raw.count >= 24:
            out.appendByte(familyByte(family))
            out.appendBytes(UnsafeRawBufferPointer(rebasing: raw[8..<24]))
            out.appendInteger(UInt64(UInt16(bigEndian: raw.integer(at: 2, as: UInt16.self))), width: 2)
        case afUnix where raw.count >= 2:
            out.appendByte(familyByte(family))
            appendUnixPath(UnsafeRawBufferPointer(rebasing: raw[2...]), into: &out)
        default:
            break
        }
    }

    /// Packs the tuple of socket `socket` (an `sd_socket_info` chunk). `user`, when given, is the
    /// caller's address and stands for the peer; `inbound` puts the peer first.
    static func packTuple(
        socket: UnsafeRawBufferPointer, user: UnsafeRawBufferPointer?, inbound: Bool, into out: inout EventWriter
    ) {
        guard socket.count >= MemoryLayout<sd_socket_info>.size else { return }
        let family = socket.integer(at: 0, as: UInt16.self)
        let localPort = socket.integer(at: 6, as: UInt16.self)
        let remotePort = socket.integer(at: 8, as: UInt16.self)
        switch family {
        case afInet, afInet6:
            let width = family == afInet ? 4 : 16
            let local = UnsafeRawBufferPointer(rebasing: socket[16..<(16 + width)])
            var peer = UnsafeRawBufferPointer(rebasing: socket[32..<(32 + width)])
            var peerPort = remotePort
            if let user {
                // The caller's sockaddr: IPv4 address at 4, IPv6 at 8, port at 2 (network order).
                let at = family == afInet ? 4 : 8
                guard user.count >= at + width else { return }
                peer = UnsafeRawBufferPointer(rebasing: user[at..<(at + width)])
                peerPort = UInt16(bigEndian: user.integer(at: 2, as: UInt16.self))
            } else if peerPort == 0 && peer.allSatisfy({ $0 == 0 }) {
                // No peer (getpeername fails): the driver writes zeros for both ends.
                out.appendByte(familyByte(family))
                for _ in 0..<(2 * (width + 2)) { out.appendByte(0) }
                return
            }
            out.appendByte(familyByte(family))
            if inbound {
                out.appendBytes(peer)
                out.appendInteger(UInt64(peerPort), width: 2)
                out.appendBytes(local)
                out.appendInteger(UInt64(localPort), width: 2)
            } else {
                out.appendBytes(local)
                out.appendInteger(UInt64(localPort), width: 2)
                out.appendBytes(peer)
                out.appendInteger(UInt64(peerPort), width: 2)
            }
        case afUnix:
            let sk = socket.integer(at: 48, as: UInt64.self)
            let peer = socket.integer(at: 56, as: UInt64.self)
            out.appendByte(familyByte(family))
            out.appendInteger(inbound ? sk : peer, width: 8)
            out.appendInteger(inbound ? peer : sk, width: 8)
            if let user, !inbound, user.count >= 2 {
                appendUnixPath(UnsafeRawBufferPointer(rebasing: user[2...]), into: &out)
            } else {
                appendUnixPath(UnsafeRawBufferPointer(rebasing: socket[64..<172]), into: &out)
            }
        default:
            break
        }
    }

    /// The PPM family byte of kernel family `family`.
    @inline(__always) static func familyByte(_ family: UInt16) -> UInt8 {
        UInt8(truncatingIfNeeded: Conversion.socketFamily.convert(UInt64(family)))
    }

    /// A unix socket path and its NUL; an abstract name (leading NUL) becomes `@name`.
    private static func appendUnixPath(_ path: UnsafeRawBufferPointer, into out: inout EventWriter) {
        let path = UnsafeRawBufferPointer(rebasing: path.prefix(108))
        if path.first == 0 {
            out.appendByte(UInt8(ascii: "@"))
            out.appendCString(UnsafeRawBufferPointer(rebasing: path.dropFirst()))
        } else {
            out.appendCString(path)
        }
    }
}
