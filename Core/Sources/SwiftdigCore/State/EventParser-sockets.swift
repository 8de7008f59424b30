// SPDX-License-Identifier: Apache-2.0

/// Socket bookkeeping: socket, bind, connect, accept, socketpair and the tuples that reads and
/// writes on unconnected sockets reveal.
extension EventParser {
    /// Address families as the driver encodes them (`PPM_AF_*`).
    enum Family {
        static let unix: UInt8 = 1, inet: UInt8 = 2, inet6: UInt8 = 10, netlink: UInt32 = 16
    }

    func addSocket(fd: Int64, domain: UInt32, type: UInt32, proto: UInt32) {
        guard let t = thread else { return }
        let info = FDInfo(type: .unknown)
        info.sockinfo.v4l4proto = L4Proto.unknown.rawValue
        if domain == UInt32(Family.unix) {
            info.type = .unixSocket
        } else if domain == UInt32(Family.inet) || domain == UInt32(Family.inet6) {
            info.type = domain == UInt32(Family.inet) ? .ipv4Socket : .ipv6Socket
            let sockRaw: UInt32 = 3, sockStream: UInt32 = 1, sockDgram: UInt32 = 2
            var l4 = L4Proto.unknown
            switch proto {
            case 6: l4 = type == sockRaw ? .raw : .tcp
            case 17: l4 = type == sockRaw ? .raw : .udp
            case 0:
                if type & 0xFF == sockStream { l4 = .tcp } else if type & 0xFF == sockDgram { l4 = .udp }
            case 1: l4 = type == sockRaw ? .raw : .icmp
            case 255: l4 = .raw
            default: break
            }
            if domain == UInt32(Family.inet) {
                info.sockinfo.v4l4proto = l4.rawValue
            } else {
                info.sockinfo = SocketInfo()
                info.sockinfo.v6l4proto = l4.rawValue
            }
        } else if domain == Family.netlink {
            info.type = .netlink
        }
        guard info.type != .unknown else { return }
        fdInfo = state.addFD(fd, info, to: t)
    }

    func parseSocketExit(_ event: Event) {
        guard let fd = event.int64(0), fd >= 0, thread != nil else { return }
        withEnterEvent(of: event) { enter in
            addSocket(
                fd: fd, domain: enter.integer(0, as: UInt32.self) ?? 0, type: enter.integer(1, as: UInt32.self) ?? 0,
                proto: enter.integer(2, as: UInt32.self) ?? 0)
        }
    }

    func inferSendtoFD(_ event: Event) {
        guard let fd = event.int64(0), fd >= 0, let tuple = event.param(2), tuple.count > 0 else { return }
        let family = tuple[0]
        if family == Family.inet || family == Family.inet6 {
            addSocket(fd: fd, domain: UInt32(family), type: 2, proto: 17)
        }
    }

    func parseBindExit(_ event: Event) {
        guard let fdi = fdInfo, let res = event.int64(0), res >= 0, let addr = event.param(1), addr.count > 0 else {
            return
        }
        let family = addr[0]
        if family == Family.inet, addr.count >= 7 {
            let ip = addr.loadUnaligned(fromByteOffset: 1, as: UInt32.self)
            let port = addr.loadUnaligned(fromByteOffset: 5, as: UInt16.self)
            if port > 0 {
                let proto = fdi.sockinfo.v4l4proto
                fdi.type = .ipv4ServerSocket
                fdi.sockinfo.v4serverIP = ip
                fdi.sockinfo.v4serverPort = port
                fdi.sockinfo.v4serverL4proto = proto
                fdi.setRoleServer()
            }
        } else if family == Family.inet6, addr.count >= 19 {
            let ip = UnsafeRawBufferPointer(rebasing: addr[1..<17])
            let port = addr.loadUnaligned(fromByteOffset: 17, as: UInt16.self)
            if port > 0 {
                if NetworkAddresses.isIPv4Mapped(Array(ip)) {
                    let proto = fdi.sockinfo.v6l4proto
                    fdi.type = .ipv4ServerSocket
                    fdi.sockinfo.v4serverL4proto = proto
                    fdi.sockinfo.v4serverIP = addr.loadUnaligned(fromByteOffset: 13, as: UInt32.self)
                    fdi.sockinfo.v4serverPort = port
                } else {
                    fdi.type = .ipv6ServerSocket
                    fdi.sockinfo.v6serverPort = port
                    fdi.sockinfo.setBytes(0, ip)
                    fdi.sockinfo.v6serverL4proto = fdi.sockinfo.v6l4proto
                }
                fdi.setRoleServer()
            }
        }
        fdi.name = ParamRenderer.simpleString(event, index: 1, parser: self)
    }

    func parseConnectEnter(_ event: Event) {
        guard let fdi = fdInfo, event.paramCount >= 2, let addr = event.param(1), addr.count > 0 else { return }
        let family = addr[0]
        if family == Family.inet, addr.count >= 7 {
            fdi.type = .ipv4Socket
            fdi.sockinfo.v4dip = addr.loadUnaligned(fromByteOffset: 1, as: UInt32.self)
            fdi.sockinfo.v4dport = addr.loadUnaligned(fromByteOffset: 5, as: UInt16.self)
        } else if family == Family.inet6, addr.count >= 19 {
            let port = addr.loadUnaligned(fromByteOffset: 17, as: UInt16.self)
            let ip = UnsafeRawBufferPointer(rebasing: addr[1..<17])
            if NetworkAddresses.isIPv4Mapped(Array(ip)) {
                fdi.type = .ipv4Socket
                fdi.sockinfo.v4dip = addr.loadUnaligned(fromByteOffset: 13, as: UInt32.self)
                fdi.sockinfo.v4dport = port
            } else {
                fdi.type = .ipv6Socket
                fdi.sockinfo.v6dport = port
                fdi.sockinfo.setBytes(16, ip)
            }
        } else {
            fdi.name = ParamRenderer.simpleString(event, index: 1, parser: self)
            setUnixInfo(fdi, addr)
        }
    }

    func parseConnectExit(_ event: Event) {
        guard let fdi = fdInfo, let res = event.int64(0) else { return }
        if res < 0 && res != -115 { return }  // EINPROGRESS still connects
        fdi.flags.insert(.socketConnected)
        guard let tuple = event.param(1), tuple.count > 0 else { return }
        fillClientSocketInfo(event, fdi, tuple)
    }

    private func fillClientSocketInfo(_ event: Event, _ fdi: FDInfo, _ packed: UnsafeRawBufferPointer) {
        let family = packed[0]
        if family == Family.inet || family == Family.inet6 {
            var changed: Bool
            if family == Family.inet6 {
                guard packed.count >= 37 else { return }
                let sip = Array(packed[1..<17]), dip = Array(packed[19..<35])
                if !(NetworkAddresses.isIPv4Mapped(sip) && NetworkAddresses.isIPv4Mapped(dip)) {
                    fdi.type = .ipv6Socket
                    changed = setIPv6Tuple(fdi, packed)
                } else {
                    fdi.type = .ipv4Socket
                    changed = setIPv4MappedTuple(fdi, packed)
                }
            } else {
                guard packed.count >= 13 else { return }
                fdi.type = .ipv4Socket
                changed = setIPv4Tuple(fdi, packed)
            }
            if changed && fdi.flags.contains(.roleServer) && fdi.isUDPSocket { swapAddresses(fdi) }
            fdi.name = NetworkAddresses.socketName(fdi.sockinfo, type: fdi.type)
        } else {
            if fdi.type != .unixSocket {
                fdi.type = .unixSocket  // what was taken for another kind turns out a unix socket
            }
            fdi.name = ParamRenderer.simpleString(event, index: 1, parser: self)
            setUnixInfo(fdi, packed)
        }
        if fdi.isRoleNone { fdi.setRoleClient() }
    }

    func parseAcceptExit(_ event: Event) {
        guard let t = thread, let fd = event.int64(0), fd >= 0 else { return }
        t.lastEventFD = fd
        guard let packed = event.param(1), packed.count > 0 else { return }
        let info = FDInfo(type: .unknown)
        switch packed[0] {
        case Family.inet where packed.count >= 13:
            _ = setIPv4Tuple(info, packed)
            info.type = .ipv4Socket
            info.sockinfo.v4l4proto = L4Proto.tcp.rawValue
        case Family.inet6 where packed.count >= 37:
            let sip = Array(packed[1..<17]), dip = Array(packed[19..<35])
            if NetworkAddresses.isIPv4Mapped(sip) && NetworkAddresses.isIPv4Mapped(dip) {
                _ = setIPv4MappedTuple(info, packed)
                info.type = .ipv4Socket
                info.sockinfo.v4l4proto = L4Proto.tcp.rawValue
            } else {
                _ = setIPv6Tuple(info, packed)
                info.type = .ipv6Socket
                info.sockinfo.v6l4proto = L4Proto.tcp.rawValue
            }
        case Family.unix:
            info.type = .unixSocket
            setUnixInfo(info, packed)
        default:
            return
        }
        // The name is the tuple as the accept event itself renders it.
        fdInfo = info
        info.name = ParamRenderer.simpleString(event, index: 1, parser: self)
        info.flags = []
        info.setRoleServer()
        info.flags.insert(.socketConnected)
        fdInfo = state.addFD(fd, info, to: t)
    }

    func parseSocketpairExit(_ event: Event) {
        guard let res = event.int64(0), res >= 0, let t = thread, let fd1 = event.int64(1), let fd2 = event.int64(2)
        else { return }
        let source = event.integer(3, as: UInt64.self) ?? 0
        let peer = event.integer(4, as: UInt64.self) ?? 0
        let make = { () -> FDInfo in
            let info = FDInfo(type: .unixSocket)
            info.sockinfo.unixSource = source
            info.sockinfo.unixDest = peer
            return info
        }
        fdInfo = state.addFD(fd1, make(), to: t)
        state.addFD(fd2, make(), to: t)
    }

    /// Reads and writes on datagram sockets reveal the peer: sysdig updates the fd's tuple and name.
    func parseReadWriteExit(_ event: Event) {
        guard let fdRef = fdInfoRef else {
            // A tracer written to a capture: its fd is not known (the capture holds the write alone).
            if event.dumpFlags & Self.tracerDumpFlag != 0 { parseTracer(event) }
            return
        }
        if fdRef._withUnsafeGuaranteedRef({ detectTracerWrite(event, $0) }) { return }
        guard let threadRef, let res = event.int64(0), res >= 0 else { return }
        // Borrowed, not retained: the fd and thread stay in their tables during the event.
        fdRef._withUnsafeGuaranteedRef { fdi in
            threadRef._withUnsafeGuaranteedRef { t in parseReadWriteExit(event, fd: fdi, thread: t) }
        }
    }

    private func parseReadWriteExit(_ event: Event, fd fdi: FDInfo, thread t: ThreadInfo) {
        let type = event.type
        if fdi.type == .ipv4Socket || fdi.type == .ipv6Socket { fdi.flags.insert(.socketConnected) }
        let isTCP = (fdi.type == .ipv4Socket && fdi.sockinfo.v4l4proto == L4Proto.tcp.rawValue)
            || (fdi.type == .ipv6Socket && fdi.sockinfo.v6l4proto == L4Proto.tcp.rawValue)
        let needsTuple = fdi.nameIsEmpty || !isTCP
        if event.layout.pointee.flags.contains(.readsFromFD) {
            let tupleIndex = type == EventCode.recvfromX ? 2 : type == EventCode.recvmsgX ? 3 : -1
            guard tupleIndex >= 0, needsTuple, let tuple = event.param(tupleIndex) else { return }
            if updateFD(fdi, tuple) { renameAfterTupleChange(fdi, thread: t, incoming: true, event, tupleIndex) }
        } else {
            let tupleIndex = type == EventCode.sendtoX || type == EventCode.sendmsgX ? 2 : -1
            guard tupleIndex >= 0, needsTuple else { return }
            withEnterEvent(of: event) { enter in
                guard let tuple = enter.param(tupleIndex) else { return }
                if updateFD(fdi, tuple) {
                    renameAfterTupleChange(fdi, thread: t, incoming: false, enter, tupleIndex)
                }
            }
        }
    }

    private func renameAfterTupleChange(
        _ fdi: FDInfo, thread t: ThreadInfo, incoming: Bool, _ source: Event, _ index: Int
    ) {
        if fdi.type == .ipv4Socket || fdi.type == .ipv6Socket {
            if fdi.isRoleNone { guessRole(fdi, thread: t, incoming: incoming) }
            if incoming ? fdi.flags.contains(.roleClient) : fdi.flags.contains(.roleServer) { swapAddresses(fdi) }
            fdi.name = NetworkAddresses.socketName(fdi.sockinfo, type: fdi.type)
        } else {
            fdi.name = ParamRenderer.simpleString(source, index: index, parser: self)
        }
    }

    /// sysdig's guess: a socket whose destination port this process is bound to is a server's.
    private func guessRole(_ fdi: FDInfo, thread t: ThreadInfo, incoming: Bool) {
        let dport = fdi.sockinfo.v4dport
        var bound = false
        var usesClientPort = false
        if let owner = state.fdOwner(of: t) {
            for other in owner.fds.values {
                if other.type == .ipv4ServerSocket && other.sockinfo.v4serverPort == dport { bound = true }
                if other.type == .ipv6ServerSocket && other.sockinfo.v6serverPort == dport { bound = true }
                if other.type == .ipv4Socket && other.sockinfo.v4sport == fdi.sockinfo.v4sport { usesClientPort = true }
            }
        }
        if !bound {
            fdi.setRoleClient()
        } else if !usesClientPort {
            fdi.setRoleServer()
        } else if incoming {
            fdi.setRoleServer()
        } else {
            fdi.setRoleClient()
        }
    }

    private func updateFD(_ fdi: FDInfo, _ packed: UnsafeRawBufferPointer) -> Bool {
        guard packed.count > 0 else { return false }
        let family = packed[0]
        if family == Family.inet {
            guard packed.count >= 13 else { return false }
            if fdi.type == .ipv4ServerSocket { fdi.sockinfo.v4l4proto = fdi.sockinfo.v4serverL4proto }
            fdi.type = .ipv4Socket
            if !setIPv4Tuple(fdi, packed) { return false }
        } else if family == Family.inet6 {
            guard packed.count >= 37 else { return false }
            let sip = Array(packed[1..<17]), dip = Array(packed[19..<35])
            if NetworkAddresses.isIPv4Mapped(sip) && NetworkAddresses.isIPv4Mapped(dip) {
                fdi.type = .ipv4Socket
                if !setIPv4MappedTuple(fdi, packed) { return false }
            } else {
                if !setIPv6Tuple(fdi, packed) { return false }
            }
        } else if family == Family.unix {
            fdi.type = .unixSocket
            setUnixInfo(fdi, packed)
            if packed.count > 17 {
                var end = 17
                while end < packed.count && packed[end] != 0 { end += 1 }
                fdi.name = String(decoding: UnsafeRawBufferPointer(rebasing: packed[17..<end]), as: UTF8.self)
            } else {
                fdi.name = ""
            }
            return true
        }
        if fdi.type == .ipv4Socket && fdi.sockinfo.v4l4proto == L4Proto.unknown.rawValue {
            fdi.sockinfo.v4l4proto = L4Proto.udp.rawValue
        } else if fdi.type == .ipv6Socket && fdi.sockinfo.v6l4proto == L4Proto.unknown.rawValue {
            fdi.sockinfo.v6l4proto = L4Proto.udp.rawValue
        }
        state.interfaces.update(fdi)
        return true
    }

    private func updateIPv4(_ fdi: FDInfo, sip: UInt32, sport: UInt16, dip: UInt32, dport: UInt16) -> Bool {
        let s = fdi.sockinfo
        if fdi.type == .ipv4Socket {
            if (sip == s.v4sip && sport == s.v4sport && dip == s.v4dip && dport == s.v4dport)
                || (dip == s.v4sip && dport == s.v4sport && sip == s.v4dip && sport == s.v4dport)
            {
                return false
            }
        }
        var changed = false
        if fdi.sockinfo.v4sip != sip { fdi.sockinfo.v4sip = sip; changed = true }
        if fdi.sockinfo.v4sport != sport { fdi.sockinfo.v4sport = sport; changed = true }
        if fdi.sockinfo.v4dip == 0 { fdi.sockinfo.v4dip = dip; changed = true }
        if fdi.sockinfo.v4dport == 0 { fdi.sockinfo.v4dport = dport; changed = true }
        return changed
    }

    func setIPv4Tuple(_ fdi: FDInfo, _ p: UnsafeRawBufferPointer) -> Bool {
        updateIPv4(
            fdi, sip: p.loadUnaligned(fromByteOffset: 1, as: UInt32.self),
            sport: p.loadUnaligned(fromByteOffset: 5, as: UInt16.self),
            dip: p.loadUnaligned(fromByteOffset: 7, as: UInt32.self),
            dport: p.loadUnaligned(fromByteOffset: 11, as: UInt16.self))
    }

    func setIPv4MappedTuple(_ fdi: FDInfo, _ p: UnsafeRawBufferPointer) -> Bool {
        updateIPv4(
            fdi, sip: p.loadUnaligned(fromByteOffset: 13, as: UInt32.self),
            sport: p.loadUnaligned(fromByteOffset: 17, as: UInt16.self),
            dip: p.loadUnaligned(fromByteOffset: 31, as: UInt32.self),
            dport: p.loadUnaligned(fromByteOffset: 35, as: UInt16.self))
    }

    func setIPv6Tuple(_ fdi: FDInfo, _ p: UnsafeRawBufferPointer) -> Bool {
        let sip = UnsafeRawBufferPointer(rebasing: p[1..<17])
        let dip = UnsafeRawBufferPointer(rebasing: p[19..<35])
        let sport = p.loadUnaligned(fromByteOffset: 17, as: UInt16.self)
        let dport = p.loadUnaligned(fromByteOffset: 35, as: UInt16.self)
        var s = fdi.sockinfo
        if fdi.type == .ipv6Socket {
            if (s.equalBytes(0, sip) && sport == s.v6sport && s.equalBytes(16, dip) && dport == s.v6dport)
                || (s.equalBytes(0, dip) && dport == s.v6sport && s.equalBytes(16, sip) && sport == s.v6dport)
            {
                return false
            }
        }
        var changed = false
        if !s.equalBytes(0, sip) { s.setBytes(0, sip); changed = true }
        if s.v6sport != sport { s.v6sport = sport; changed = true }
        if s.isZero(16, count: 16) { s.setBytes(16, dip); changed = true }
        if s.v6dport == 0 { s.v6dport = dport; changed = true }
        fdi.sockinfo = s
        return changed
    }

    func setUnixInfo(_ fdi: FDInfo, _ p: UnsafeRawBufferPointer) {
        guard p.count >= 17 else { return }
        fdi.sockinfo.unixSource = p.loadUnaligned(fromByteOffset: 1, as: UInt64.self)
        fdi.sockinfo.unixDest = p.loadUnaligned(fromByteOffset: 9, as: UInt64.self)
    }

    func swapAddresses(_ fdi: FDInfo) {
        var s = fdi.sockinfo
        if fdi.type == .ipv4Socket {
            let ip = s.v4sip, port = s.v4sport
            s.v4sip = s.v4dip
            s.v4sport = s.v4dport
            s.v4dip = ip
            s.v4dport = port
        } else {
            let sip = s.bytes16(0), dip = s.bytes16(16)
            let sport = s.v6sport
            sip.withUnsafeBytes { s.setBytes(16, $0) }
            dip.withUnsafeBytes { s.setBytes(0, $0) }
            s.v6sport = s.v6dport
            s.v6dport = sport
        }
        fdi.sockinfo = s
    }
}
