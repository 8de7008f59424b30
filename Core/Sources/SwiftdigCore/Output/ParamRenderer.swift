// SPDX-License-Identifier: Apache-2.0

/// Renders event parameters as sysdig does: a value (`3`, `-2`, `4097`) and, when there is one, a
/// resolved form (`<f>/etc/ld.so.cache`, `ENOENT`, `O_RDONLY|O_CLOEXEC`) that `evt.info` prints in
/// parentheses.
///
/// Rendering reads the state the ``EventParser`` keeps, so it must run after the event was parsed.
public struct ParamRenderer {
    /// How byte buffers render.
    public var bufferFormat: BufferFormat
    /// The length past which a buffer is cut and ends in `...` (0: never), in the default format.
    public var maxBufferLength: Int
    /// The rendered value of the last parameter.
    public internal(set) var value = OutputBuffer(capacity: 4096)
    /// The resolved form of the last parameter, empty when it has none.
    public private(set) var resolved = OutputBuffer(capacity: 4096)

    /// Creates a renderer.
    public init(bufferFormat: BufferFormat = .normal, maxBufferLength: Int = 0) {
        self.bufferFormat = bufferFormat
        self.maxBufferLength = maxBufferLength
    }

    /// A parameter rendered with the reduced format, as a string (sysdig names fds this way).
    static func simpleString(_ event: Event, index: Int, parser: EventParser) -> String {
        var r = ParamRenderer(bufferFormat: .simple)
        r.render(event, index, parser: parser)
        return String(decoding: r.value.bytes, as: UTF8.self)
    }

    /// Renders parameter `index` of `event` into ``value`` and ``resolved``.
    public mutating func render(_ event: Event, _ index: Int, parser: EventParser) {
        value.removeAll()
        resolved.removeAll()
        let params = event.layout.pointee.params
        guard index < params.count, let payload = event.param(index) else { return }
        renderAppending(event, index, payload, params.baseAddress! + index, parser: parser)
    }

    /// Appends parameter `index` (its bytes `payload`, its schema entry `outer`) to ``value`` and
    /// renders its resolved form into ``resolved``, which it empties first.
    @inline(__always) mutating func renderAppending(
        _ event: Event, _ index: Int, _ whole: UnsafeRawBufferPointer, _ outer: UnsafePointer<ParamLayout>,
        parser: EventParser
    ) {
        resolved.removeAll()
        var payload = whole
        var info = outer
        if outer.pointee.hasChoices, payload.count != 0 {
            let choice = Int(payload[0])
            let choices = outer.pointee.choices
            if choice < choices.count {
                payload = UnsafeRawBufferPointer(rebasing: payload[1...])
                info = choices.baseAddress! + choice
            }
        }
        let format = outer.pointee.format
        let type = info.pointee.type
        switch type {
        case .int8: signed(payload.count >= 1 ? Int64(Int8(bitPattern: payload[0])) : 0, width: 32, format)
        case .int16: signed(Int64(read(payload, Int16.self)), width: 32, format)
        case .int32: signed(Int64(read(payload, Int32.self)), width: 32, format)
        case .int64: signed(read(payload, Int64.self), width: 64, format)
        case .uint8: signed(Int64(payload.count >= 1 ? payload[0] : 0), width: 32, format)
        case .uint16: signed(Int64(read(payload, UInt16.self)), width: 32, format)
        case .uint32: signed(Int64(Int32(bitPattern: read(payload, UInt32.self))), width: 32, format)
        case .uint64: signed(Int64(bitPattern: read(payload, UInt64.self)), width: 64, format)
        case .fd: renderFD(read(payload, Int64.self), parser: parser)
        case .pid:
            let pid = read(payload, Int64.self)
            value.append(decimal: pid)
            if let t = parser.state.thread(pid) { resolved.append(t.commBytes.raw) }
        case .errno:
            let v = read(payload, Int64.self)
            value.append(decimal: v)
            if v < 0, let name = ErrnoNames.name(for: -Int64(Int32(truncatingIfNeeded: v))) { resolved.append(name) }
        case .charbuf:
            appendCString(payload, sanitize: false, into: &value)
        case .fspath, .fsrelpath:
            renderPath(event, index, payload, info.pointee, parser: parser)
        case .bytebuf:
            renderBuffer(payload)
        case .sockaddr: renderSockaddr(payload, parser: parser)
        case .socktuple: renderSocktuple(payload, parser: parser)
        case .fdlist: renderFDList(payload, parser: parser)
        case .syscallid:
            let id = Int(read(payload, UInt16.self))
            if let name = SyscallNames.name(forPPMSC: UInt16(id)) {
                value.append(decimal: UInt64(id))
                resolved.append(name)
            } else {
                value.append("<unknown syscall>")
            }
        case .sigtype:
            let sig = payload.count >= 1 ? payload[0] : 0
            value.append(decimal: UInt64(sig))
            if let name = SignalNames.name(for: sig) { resolved.append(name) }
        case .reltime:
            let v = read(payload, UInt64.self)
            if v == UInt64.max {
                value.append("none")
            } else {
                value.append(decimal: v)
                resolved.append(CFormat.g(Double(v) / 1_000_000_000))
                resolved.append(UInt8(ascii: "s"))
            }
        case .flags8, .flags16, .flags32:
            let v: UInt32 = type == .flags8
                ? UInt32(payload.count >= 1 ? payload[0] : 0)
                : type == .flags16 ? UInt32(read(payload, UInt16.self)) : read(payload, UInt32.self)
            value.append(decimal: UInt64(v))
            renderFlags(v, outer.pointee)
        case .mode:
            let v = read(payload, UInt32.self)
            signed(Int64(Int32(bitPattern: v)), width: 32, format)
            renderFlags(v, outer.pointee)
        case .abstime, .dyn:
            value.append("INVALID DYNAMIC PARAMETER")
        case .uid, .gid:
            let v = read(payload, UInt32.self)
            if v < UInt32.max {
                value.append(decimal: Int64(Int32(bitPattern: v)))
                let name = type == .uid ? parser.state.users[v]?.name : parser.state.groups[v]?.name
                if let name { resolved.append(PathResolution.sanitized(name)) } else { resolved.append("<NA>") }
            } else {
                value.append("-1")
                resolved.append("<NONE>")
            }
        case .sigset:
            let v = read(payload, UInt32.self)
            var first = true
            for sig in 0..<32 where v & (1 << UInt32(sig)) != 0 {
                guard let name = SignalNames.name(for: UInt8(sig + 1)) else { continue }
                if !first { value.append(UInt8(ascii: " ")) }
                value.append(name)
                first = false
            }
        case .charbufarray:
            // Only tracer events have one (their tags), each string ended by a NUL.
            appendStrings(payload, pairs: false)
        case .charbufPairArray:
            appendStrings(payload, pairs: true)
        default:
            value.append("(n.a.)")
        }
    }

    /// Appends NUL-ended strings as sysdig renders a tracer's tags (`a.b.c`) or, as `pairs`, its
    /// arguments (`name:value,name:value`).
    private mutating func appendStrings(_ p: UnsafeRawBufferPointer, pairs: Bool) {
        var index = 0
        var start = 0
        for (i, byte) in p.enumerated() where byte == 0 {
            if index > 0 {
                let separator = pairs ? (index % 2 == 1 ? UInt8(ascii: ":") : UInt8(ascii: ",")) : UInt8(ascii: ".")
                value.append(separator)
            }
            value.append(UnsafeRawBufferPointer(rebasing: p[start..<i]))
            index += 1
            start = i + 1
        }
    }

    @inline(__always) private func read<T: FixedWidthInteger>(_ p: UnsafeRawBufferPointer, _: T.Type) -> T {
        p.count >= MemoryLayout<T>.size ? T(littleEndian: p.loadUnaligned(as: T.self)) : 0
    }

    /// A number as `printf` would print it with sysdig's format for `format` (`%d`, `%X`, `%#o`,
    /// `%09d`), `width` being the bits the C vararg carries.
    private mutating func signed(_ v: Int64, width: Int, _ format: PrintFormat) {
        let bits = width == 32 ? UInt64(UInt32(truncatingIfNeeded: v)) : UInt64(bitPattern: v)
        switch format {
        case .oct: value.append(octal: bits)
        case .hex: value.append(hex: bits)
        case .paddedDec:
            if v < 0 {
                value.append(decimal: v)
            } else {
                value.append(decimal: UInt64(v), zeroPaddedTo: 9)
            }
        default: value.append(decimal: v)
        }
    }

    /// Appends a NUL-terminated string, optionally without the bytes sysdig considers unprintable.
    private func appendCString(_ p: UnsafeRawBufferPointer, sanitize: Bool, into out: inout OutputBuffer) {
        var i = 0
        while i < p.count {
            let c = p[i]
            if c == 0 { break }
            if !sanitize || !PathResolution.isInvalid(c) { out.append(c) }
            i += 1
        }
    }

    private mutating func renderFD(_ fd: Int64, parser: EventParser) {
        value.append(decimal: fd)
        guard let t = parser.threadRef else { return }
        if fd >= 0 {
            guard let found = t._withUnsafeGuaranteedRef({ parser.state.fdRef(fd, of: $0) }) else { return }
            found._withUnsafeGuaranteedRef { renderFDName($0) }
        } else if fd == EventParser.atFDCWD {
            resolved.append("AT_FDCWD")
        } else if let name = ErrnoNames.name(for: -Int64(Int32(truncatingIfNeeded: fd))) {
            resolved.append(name)
        }
    }

    /// `<type>name` of an fd, as the resolved form of an fd parameter.
    private mutating func renderFDName(_ info: FDInfo) {
        resolved.append(UInt8(ascii: "<"))
        if bufferFormat != .simple { resolved.append(info.type.typeChar) }
        if info.type == .ipv4Socket || info.type == .ipv6Socket || info.type == .ipv4ServerSocket
            || info.type == .ipv6ServerSocket
        {
            switch info.l4proto {
            case .tcp: resolved.append(UInt8(ascii: "t"))
            case .udp: resolved.append(UInt8(ascii: "u"))
            case .icmp: resolved.append(UInt8(ascii: "i"))
            case .raw: resolved.append(UInt8(ascii: "r"))
            default: break
            }
        }
        resolved.append(UInt8(ascii: ">"))
        resolved.append(info.nameBytes.raw)
    }

    private mutating func renderPath(
        _ event: Event, _ index: Int, _ payload: UnsafeRawBufferPointer, _ info: ParamLayout, parser: EventParser
    ) {
        appendCString(payload, sanitize: true, into: &value)
        guard let t = parser.thread, payload.count > 0 else { return }
        if payload.starts(with: "<NA>".utf8) { return }
        let params = event.layout.pointee.params
        let dirIndex = info.dirfdIndex
        if info.type == .fsrelpath, dirIndex >= 0, dirIndex < params.count, params[dirIndex].type == .fd,
            let dirfd = event.int64(dirIndex), dirfd != EventParser.atFDCWD
        {
            // Relative to a directory fd: its name and a slash, or nothing when unknown.
            if let dir = parser.state.fd(dirfd, of: t), !dir.name.isEmpty {
                resolved.append(dir.nameBytes.raw)
                resolved.append(UInt8(ascii: "/"))
            }
        } else {
            resolved.append(parser.state.cwdUTF8(of: t))
        }
        if !PathResolution.concatenate(into: &resolved, payload) { resolved.removeAll() }
    }

    private mutating func renderBuffer(_ p: UnsafeRawBufferPointer) {
        guard p.count > 0 else { return }
        let start = value.count
        let limit = maxBufferLength
        guard limit != 0 && bufferFormat == .normal else {
            BufferEncoding.encode(p, format: bufferFormat, into: &value)
            return
        }
        // One output byte per input byte: encode no more than can show.
        BufferEncoding.dots(UnsafeRawBufferPointer(rebasing: p.prefix(limit + 1)), into: &value)
        if value.count - start > limit {
            value.truncate(to: start + (limit > 3 ? limit - 3 : limit))
            if limit > 3 { value.append("...") }
        }
    }

    private func l4(_ parser: EventParser) -> L4Proto { parser.fdInfo?.l4proto ?? .unknown }

    private mutating func renderSockaddr(_ p: UnsafeRawBufferPointer, parser: EventParser) {
        guard p.count > 0 else {
            value.append("NULL")
            return
        }
        switch p[0] {
        case 1:
            appendCString(UnsafeRawBufferPointer(rebasing: p[1...]), sanitize: true, into: &value)
        case 2:
            if p.count == 7 {
                value.append(NetworkAddresses.ipv4Server(
                    p.loadUnaligned(fromByteOffset: 1, as: UInt32.self), p.loadUnaligned(fromByteOffset: 5, as: UInt16.self)))
            } else {
                value.append("INVALID IPv4")
            }
        case 10:
            if p.count == 19 {
                value.append(NetworkAddresses.ipv6(p[1..<17]))
                value.append(UInt8(ascii: ":"))
                value.append(decimal: UInt64(p.loadUnaligned(fromByteOffset: 17, as: UInt16.self)))
            } else {
                value.append("INVALID IPv6")
            }
        default:
            value.append("family ")
            value.append(decimal: Int64(Int8(bitPattern: p[0])))
        }
    }

    private mutating func renderSocktuple(_ p: UnsafeRawBufferPointer, parser: EventParser) {
        guard p.count > 0 else {
            value.append("NULL")
            return
        }
        switch p[0] {
        case 2:
            if p.count == 13 {
                value.append(NetworkAddresses.ipv4Tuple(
                    p.loadUnaligned(fromByteOffset: 1, as: UInt32.self), p.loadUnaligned(fromByteOffset: 5, as: UInt16.self),
                    p.loadUnaligned(fromByteOffset: 7, as: UInt32.self), p.loadUnaligned(fromByteOffset: 11, as: UInt16.self)))
            } else {
                value.append("INVALID IPv4")
            }
        case 10:
            guard p.count == 37 else {
                value.append("INVALID IPv6")
                return
            }
            let sip = p[1..<17], dip = p[19..<35]
            let sport = p.loadUnaligned(fromByteOffset: 17, as: UInt16.self)
            let dport = p.loadUnaligned(fromByteOffset: 35, as: UInt16.self)
            if NetworkAddresses.isIPv4Mapped(Array(sip)) && NetworkAddresses.isIPv4Mapped(Array(dip)) {
                value.append(NetworkAddresses.ipv4Tuple(
                    p.loadUnaligned(fromByteOffset: 13, as: UInt32.self), sport,
                    p.loadUnaligned(fromByteOffset: 31, as: UInt32.self), dport))
            } else {
                value.append(NetworkAddresses.ipv6(sip))
                value.append(UInt8(ascii: ":"))
                value.append(decimal: UInt64(sport))
                value.append("->")
                value.append(NetworkAddresses.ipv6(dip))
                value.append(UInt8(ascii: ":"))
                value.append(decimal: UInt64(dport))
            }
        case 1:
            guard p.count >= 17 else { return }
            value.append(hex: p.loadUnaligned(fromByteOffset: 1, as: UInt64.self), uppercase: false)
            value.append("->")
            value.append(hex: p.loadUnaligned(fromByteOffset: 9, as: UInt64.self), uppercase: false)
            value.append(UInt8(ascii: " "))
            appendCString(UnsafeRawBufferPointer(rebasing: p[17...]), sanitize: true, into: &value)
        default:
            value.append("family ")
            value.append(decimal: Int64(Int8(bitPattern: p[0])))
        }
    }

    private mutating func renderFDList(_ p: UnsafeRawBufferPointer, parser: EventParser) {
        guard let t = parser.thread, p.count >= 2 else { return }
        let count = Int(p.loadUnaligned(as: UInt16.self))
        var pos = 2
        for j in 0..<count {
            guard pos + 10 <= p.count else { break }
            let fd = p.loadUnaligned(fromByteOffset: pos, as: Int64.self)
            let flags = p.loadUnaligned(fromByteOffset: pos + 8, as: Int16.self)
            value.append(decimal: UInt64(bitPattern: fd))
            value.append(UInt8(ascii: ":"))
            value.append(parser.state.fd(fd, of: t)?.type.typeChar ?? UInt8(ascii: "?"))
            value.append(hex: UInt64(UInt32(bitPattern: Int32(flags))), uppercase: false)
            if j < count - 1 { value.append(UInt8(ascii: " ")) }
            pos += 10
        }
    }

    /// Flag names joined by `|`, walking the table in order as sysdig does; an exact match of a table
    /// entry ends the walk with that name.
    private mutating func renderFlags(_ v: UInt32, _ param: ParamLayout) {
        guard param.hasNames else { return }
        var remaining = v
        var separator = false
        for entry in param.flagNames {
            if entry.value == v {
                if separator { resolved.append(UInt8(ascii: "|")) }
                resolved.append(entry.name.raw)
                return
            }
            if (entry.value == 0 && v == 0) || (entry.value != 0 && remaining & entry.value == entry.value && remaining != 0) {
                if separator { resolved.append(UInt8(ascii: "|")) }
                resolved.append(entry.name.raw)
                separator = true
                remaining &= ~entry.value
            }
        }
    }
}
