// SPDX-License-Identifier: Apache-2.0

/// What a file descriptor refers to (the `SCAP_FD_*` codes of the capture format).
public enum FDType: Int8, Sendable {
    case uninitialized = -1
    case unknown = 0, file = 1, directory = 2, ipv4Socket = 3, ipv6Socket = 4, ipv4ServerSocket = 5
    case ipv6ServerSocket = 6, fifo = 7, unixSocket = 8, event = 9, unsupported = 10, signalfd = 11
    case eventpoll = 12, inotify = 13, timerfd = 14, netlink = 15, fileV2 = 16
    case bpf = 17, userfaultfd = 18, ioUring = 19, memfd = 20, pidfd = 21

    /// The one-letter code sysdig prints between angle brackets (`<f>`, `<4t>`, ...).
    public var typeChar: UInt8 {
        switch self {
        case .file, .fileV2: return UInt8(ascii: "f")
        case .ipv4Socket, .ipv4ServerSocket: return UInt8(ascii: "4")
        case .ipv6Socket, .ipv6ServerSocket: return UInt8(ascii: "6")
        case .directory: return UInt8(ascii: "d")
        case .fifo: return UInt8(ascii: "p")
        case .unixSocket: return UInt8(ascii: "u")
        case .event: return UInt8(ascii: "e")
        case .unknown: return UInt8(ascii: "o")
        case .unsupported: return UInt8(ascii: "X")
        case .signalfd: return UInt8(ascii: "s")
        case .eventpoll: return UInt8(ascii: "l")
        case .inotify: return UInt8(ascii: "i")
        case .timerfd: return UInt8(ascii: "t")
        case .netlink: return UInt8(ascii: "n")
        default: return UInt8(ascii: "?")
        }
    }

    /// The name `fd.type` prints.
    public var typeName: String {
        switch self {
        case .file, .fileV2: return "file"
        case .directory: return "directory"
        case .ipv4Socket, .ipv4ServerSocket: return "ipv4"
        case .ipv6Socket, .ipv6ServerSocket: return "ipv6"
        case .unixSocket: return "unix"
        case .fifo: return "pipe"
        case .event: return "event"
        case .signalfd: return "signalfd"
        case .eventpoll: return "eventpoll"
        case .inotify: return "inotify"
        case .timerfd: return "timerfd"
        case .netlink: return "netlink"
        case .bpf: return "bpf"
        case .userfaultfd: return "userfaultfd"
        case .ioUring: return "io_uring"
        case .memfd: return "memfd"
        case .pidfd: return "pidfd"
        default: return "<NA>"
        }
    }
}

/// The layer-4 protocol of a socket (`SCAP_L4_*`).
public enum L4Proto: UInt8, Sendable {
    case unknown = 0, notApplicable = 1, tcp = 2, udp = 3, icmp = 4, raw = 5
}

/// The addresses of a socket, laid out exactly as the C union sysdig keeps them in.
///
/// sysdig stores IPv4 tuples, IPv6 tuples, server addresses and unix socket pointers in one union
/// and sometimes reads a field through another member than the one written (the layer-4 protocol
/// after a socket turns into a server socket, for instance). Keeping the same bytes at the same
/// offsets reproduces what it prints in those cases too.
///
/// ### Layout
/// ```
/// ipv4 tuple:   sip@0  dip@4  sport@8  dport@10  l4proto@12
/// ipv6 tuple:   sip@0  dip@16 sport@32 dport@34  l4proto@36
/// ipv4 server:  ip@0   port@4 l4proto@6
/// ipv6 server:  ip@0   port@16 l4proto@18
/// unix:         source@0 dest@8
/// ```
public struct SocketInfo: Sendable {
    private var storage: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)

    /// An all-zero value.
    public init() {}

    @inline(__always) func load<T: FixedWidthInteger>(_ offset: Int, _: T.Type) -> T {
        withUnsafeBytes(of: storage) { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    }

    @inline(__always) mutating func store<T: FixedWidthInteger>(_ offset: Int, _ value: T) {
        withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: value, toByteOffset: offset, as: T.self) }
    }

    /// Sixteen bytes at `offset` (an IPv6 address).
    func bytes16(_ offset: Int) -> [UInt8] {
        withUnsafeBytes(of: storage) { Array($0[offset..<(offset + 16)]) }
    }

    mutating func setBytes(_ offset: Int, _ source: UnsafeRawBufferPointer) {
        withUnsafeMutableBytes(of: &storage) { dst in
            for i in 0..<source.count { dst[offset + i] = source[i] }
        }
    }

    func equalBytes(_ offset: Int, _ other: UnsafeRawBufferPointer) -> Bool {
        withUnsafeBytes(of: storage) { dst in
            for i in 0..<other.count where dst[offset + i] != other[i] { return false }
            return true
        }
    }

    func isZero(_ offset: Int, count: Int) -> Bool {
        withUnsafeBytes(of: storage) { dst in
            for i in 0..<count where dst[offset + i] != 0 { return false }
            return true
        }
    }

    // IPv4 tuple
    public var v4sip: UInt32 { get { load(0, UInt32.self) } set { store(0, newValue) } }
    public var v4dip: UInt32 { get { load(4, UInt32.self) } set { store(4, newValue) } }
    public var v4sport: UInt16 { get { load(8, UInt16.self) } set { store(8, newValue) } }
    public var v4dport: UInt16 { get { load(10, UInt16.self) } set { store(10, newValue) } }
    public var v4l4proto: UInt8 { get { load(12, UInt8.self) } set { store(12, newValue) } }
    // IPv6 tuple
    public var v6sport: UInt16 { get { load(32, UInt16.self) } set { store(32, newValue) } }
    public var v6dport: UInt16 { get { load(34, UInt16.self) } set { store(34, newValue) } }
    public var v6l4proto: UInt8 { get { load(36, UInt8.self) } set { store(36, newValue) } }
    // IPv4 server
    public var v4serverIP: UInt32 { get { load(0, UInt32.self) } set { store(0, newValue) } }
    public var v4serverPort: UInt16 { get { load(4, UInt16.self) } set { store(4, newValue) } }
    public var v4serverL4proto: UInt8 { get { load(6, UInt8.self) } set { store(6, newValue) } }
    // IPv6 server
    public var v6serverPort: UInt16 { get { load(16, UInt16.self) } set { store(16, newValue) } }
    public var v6serverL4proto: UInt8 { get { load(18, UInt8.self) } set { store(18, newValue) } }
    // Unix
    public var unixSource: UInt64 { get { load(0, UInt64.self) } set { store(0, newValue) } }
    public var unixDest: UInt64 { get { load(8, UInt64.self) } set { store(8, newValue) } }
}

/// One open file descriptor of a process.
public final class FDInfo {
    /// The file applications write tracers to (libsinsp's `USER_EVT_DEVICE_NAME`): an fd open on
    /// it is a tracer file until its first write tells.
    public static let tracerDevice = "/dev/null"

    /// Flag bits sysdig keeps on an fd.
    public struct Flags: OptionSet, Sendable {
        public var rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let fromProc = Flags(rawValue: 1 << 0)
        public static let transaction = Flags(rawValue: 1 << 1)
        public static let roleClient = Flags(rawValue: 1 << 2)
        public static let roleServer = Flags(rawValue: 1 << 3)
        public static let closeInProgress = Flags(rawValue: 1 << 4)
        public static let closeCanceled = Flags(rawValue: 1 << 5)
        public static let isSocketPipe = Flags(rawValue: 1 << 6)
        public static let isTracerFile = Flags(rawValue: 1 << 7)
        public static let isTracerFD = Flags(rawValue: 1 << 8)
        public static let isNotTracerFD = Flags(rawValue: 1 << 9)
        public static let inBaselineR = Flags(rawValue: 1 << 10)
        public static let inBaselineRW = Flags(rawValue: 1 << 11)
        public static let inBaselineOther = Flags(rawValue: 1 << 12)
        public static let socketConnected = Flags(rawValue: 1 << 13)
        public static let isCloned = Flags(rawValue: 1 << 14)
        public static let connectionPending = Flags(rawValue: 1 << 15)
        public static let connectionFailed = Flags(rawValue: 1 << 16)
    }

    /// What the fd refers to.
    public var type: FDType
    /// The fd's name: a path, a connection tuple, a unix socket path, ...
    public var name: String {
        get {
            if let storedName { return storedName }
            // A printable name is its bytes: made into a string the first time it is read (most
            // fds of a run never are).
            let made = String(decoding: nameBytes.raw, as: UTF8.self)
            storedName = made
            return made
        }
        set {
            if newValue != name { nameVersion &+= 1 }
            storedName = newValue
            nameBytes.set(newValue, sanitized: true)
        }
    }
    /// ``name``'s value, `nil` until read when ``nameBytes`` holds all of it.
    private var storedName: String?
    /// Whether ``name`` is empty, without making it a string.
    var nameIsEmpty: Bool { storedName?.isEmpty ?? (nameBytes.count == 0) }
    /// ``name`` without the bytes sysdig drops as unprintable, as output shows it.
    private(set) var nameBytes = OwnedBytes()
    /// The open flags (`PPM_O_*`) for files.
    public var openFlags: UInt32 = 0
    /// The inode number, when known.
    public var ino: UInt64 = 0
    /// The device, when known.
    public var dev: UInt32 = 0
    /// The mount id, when known.
    public var mountID: UInt32 = 0
    /// sysdig's bookkeeping flags.
    public var flags: Flags = []
    /// The socket addresses, when the fd is a socket.
    public var sockinfo = SocketInfo()
    /// Changes each time ``name`` does, and ``lookupNameVersion`` is its value when the fd was last
    /// looked up (libsinsp's `m_oldname`): `fd.name_changed` compares them. A new fd with a name
    /// counts as renamed until it is looked up, as libsinsp's starts with an empty old name.
    var nameVersion: UInt32 = 0
    var lookupNameVersion: UInt32 = 0

    /// Creates an fd of `type` called `name`.
    public init(type: FDType, name: String = "") {
        self.type = type
        storedName = name
        nameBytes.set(name, sanitized: true)
        nameVersion = name.isEmpty ? 0 : 1
    }

    /// Creates an fd of `type` whose name is the UTF-8 `nameUTF8` (kept as output shows it without
    /// going through the string).
    init(type: FDType, nameUTF8: UnsafeRawBufferPointer) {
        self.type = type
        // Bytes that are not UTF-8 are all above 0x7E, dropped as the string's replacements would be.
        nameBytes.set(nameUTF8, sanitized: true)
        storedName = nameBytes.count == nameUTF8.count ? nil : String(decoding: nameUTF8, as: UTF8.self)
        nameVersion = nameUTF8.isEmpty ? 0 : 1
    }

    /// Makes this closed fd what ``init(type:nameUTF8:)`` would make, keeping its name's byte buffer
    /// (see ``FDPool``): every property is set again.
    func reuse(type: FDType, nameUTF8: UnsafeRawBufferPointer) {
        self.type = type
        nameBytes.set(nameUTF8, sanitized: true)
        storedName = nameBytes.count == nameUTF8.count ? nil : String(decoding: nameUTF8, as: UTF8.self)
        openFlags = 0
        ino = 0
        dev = 0
        mountID = 0
        flags = []
        sockinfo = SocketInfo()
        nameVersion = nameUTF8.isEmpty ? 0 : 1
        lookupNameVersion = 0
    }

    deinit { nameBytes.free() }

    /// ``name`` as output prints it (unprintable bytes dropped), valid until the name changes.
    public var sanitizedNameUTF8: UnsafeRawBufferPointer { nameBytes.raw }

    /// Whether the name is ``tracerDevice``, tested on the bytes (a `String` comparison per open
    /// costs more).
    var hasTracerDeviceName: Bool {
        let bytes = nameBytes.raw
        return bytes.count == 9 && bytes.elementsEqual("/dev/null".utf8) && name == Self.tracerDevice
    }

    /// A copy of this fd (fd tables are copied on fork).
    public func copy() -> FDInfo {
        let other = FDInfo(type: type, name: name)
        other.openFlags = openFlags
        other.ino = ino
        other.dev = dev
        other.mountID = mountID
        other.flags = flags
        other.sockinfo = sockinfo
        other.nameVersion = nameVersion
        other.lookupNameVersion = lookupNameVersion
        return other
    }

    var isRoleNone: Bool { !flags.contains(.roleClient) && !flags.contains(.roleServer) }

    func setRoleClient() { flags.insert(.roleClient) }
    func setRoleServer() { flags.insert(.roleServer) }

    /// The layer-4 protocol, as sysdig derives it from the type and role.
    public var l4proto: L4Proto {
        switch type {
        case .ipv4Socket:
            if sockinfo.v4l4proto == L4Proto.raw.rawValue { return .raw }
            if isRoleNone { return .notApplicable }
            return L4Proto(rawValue: sockinfo.v4l4proto) ?? .unknown
        case .ipv4ServerSocket:
            return L4Proto(rawValue: sockinfo.v4serverL4proto) ?? .unknown
        case .ipv6Socket:
            if sockinfo.v6l4proto == L4Proto.raw.rawValue { return .raw }
            if isRoleNone { return .notApplicable }
            return L4Proto(rawValue: sockinfo.v6l4proto) ?? .unknown
        case .ipv6ServerSocket:
            return L4Proto(rawValue: sockinfo.v6serverL4proto) ?? .unknown
        default:
            return .notApplicable
        }
    }

    /// Whether this fd is a UDP client socket.
    var isUDPSocket: Bool {
        (type == .ipv4Socket && sockinfo.v4l4proto == L4Proto.udp.rawValue)
            || (type == .ipv6Socket && sockinfo.v6l4proto == L4Proto.udp.rawValue)
    }
}
