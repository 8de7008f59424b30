// SPDX-License-Identifier: Apache-2.0

/// The wire type of an event parameter.
///
/// The raw values are the `PT_*` codes of the falcosecurity driver ABI, so a value read from a
/// capture's schema or a table maps one to one. The type decides how many bytes the parameter
/// holds and how it renders; ``PrintFormat`` refines the rendering of numbers.
public enum ParamType: UInt8, Sendable, CaseIterable {
    case none = 0
    case int8 = 1, int16 = 2, int32 = 3, int64 = 4
    case uint8 = 5, uint16 = 6, uint32 = 7, uint64 = 8
    /// A NUL-terminated printable string.
    case charbuf = 9
    /// Raw bytes, rendered as text or hex depending on the display options.
    case bytebuf = 10
    /// A signed 64-bit result that is an error code when negative.
    case errno = 11
    /// A socket address: one family byte, then family-specific data.
    case sockaddr = 12
    /// A connection tuple: one family byte, then source and destination addresses.
    case socktuple = 13
    /// A signed 64-bit file descriptor.
    case fd = 14
    /// A signed 64-bit process or thread id.
    case pid = 15
    /// A list of file descriptors: a 16-bit count, then (64-bit fd, 16-bit flags) pairs.
    case fdlist = 16
    /// A file system path.
    case fspath = 17
    /// A 16-bit system call id (a `PPM_SC_*` code).
    case syscallid = 18
    /// An 8-bit signal number.
    case sigtype = 19
    /// A 64-bit relative time in nanoseconds.
    case reltime = 20
    /// A 64-bit absolute time in nanoseconds since the epoch.
    case abstime = 21
    /// A 16-bit TCP or UDP port.
    case port = 22
    /// An 8-bit layer-4 protocol.
    case l4proto = 23
    /// An 8-bit socket family.
    case sockfamily = 24
    /// A 32-bit boolean.
    case bool = 25
    /// A 4-byte IPv4 address.
    case ipv4addr = 26
    /// A parameter whose type depends on another parameter (the first byte selects it).
    case dyn = 27
    case flags8 = 28, flags16 = 29, flags32 = 30
    /// A 32-bit user id.
    case uid = 31
    /// A 32-bit group id.
    case gid = 32
    case double = 33
    /// The low 32 bits of a signal set.
    case sigset = 34
    case charbufarray = 35
    case charbufPairArray = 36
    case ipv4net = 37
    case ipv6addr = 38
    case ipv6net = 39
    case ipaddr = 40
    case ipnet = 41
    /// A 32-bit file mode.
    case mode = 42
    /// A path relative to a directory fd named by another parameter.
    case fsrelpath = 43
    case enumflags8 = 44, enumflags16 = 45, enumflags32 = 46
    /// A 32-bit file descriptor.
    case fd32 = 47
    /// A 32-bit process id.
    case pid32 = 48

    /// The types by ``listingName``, as the event and field tables name them (the first type of a
    /// name shared by two).
    static let byListingName = Dictionary(allCases.map { ($0.listingName, $0) }, uniquingKeysWith: { a, _ in a })

    /// The name sysdig prints for this type in `-L` listings (`FD`, `CHARBUF`, `FLAGS32`, ...).
    public var listingName: String {
        switch self {
        case .none: return "NONE"
        case .int8: return "INT8"
        case .int16: return "INT16"
        case .int32: return "INT32"
        case .int64: return "INT64"
        case .uint8: return "UINT8"
        case .uint16: return "UINT16"
        case .uint32: return "UINT32"
        case .uint64: return "UINT64"
        case .charbuf: return "CHARBUF"
        case .bytebuf: return "BYTEBUF"
        case .errno: return "ERRNO"
        case .sockaddr: return "SOCKADDR"
        case .socktuple: return "SOCKTUPLE"
        case .fd: return "FD"
        case .pid: return "PID"
        case .fdlist: return "FDLIST"
        case .fspath: return "FSPATH"
        case .syscallid: return "SYSCALLID"
        case .sigtype: return "SIGTYPE"
        case .reltime: return "RELTIME"
        case .abstime: return "ABSTIME"
        case .port: return "PORT"
        case .l4proto: return "L4PROTO"
        case .sockfamily: return "SOCKFAMILY"
        case .bool: return "BOOL"
        case .ipv4addr: return "IPV4ADDR"
        case .dyn: return "DYNAMIC"
        case .flags8: return "FLAGS8"
        case .flags16: return "FLAGS16"
        case .flags32: return "FLAGS32"
        case .uid: return "UID"
        case .gid: return "GID"
        case .double: return "DOUBLE"
        case .sigset: return "SIGSET"
        case .charbufarray: return "CHARBUFARRAY"
        case .charbufPairArray: return "CHARBUF_PAIR_ARRAY"
        case .ipv4net: return "IPV4NET"
        case .ipv6addr: return "IPV6ADDR"
        case .ipv6net: return "IPV6NET"
        case .ipaddr: return "IPADDR"
        case .ipnet: return "IPNET"
        case .mode: return "MODE"
        case .fsrelpath: return "FSRELPATH"
        case .enumflags8: return "ENUMFLAGS8"
        case .enumflags16: return "ENUMFLAGS16"
        case .enumflags32: return "ENUMFLAGS32"
        case .fd32: return "FD32"
        case .pid32: return "PID32"
        }
    }

    /// The fixed width in bytes of a value of this type, or `nil` for variable-length types.
    public var fixedWidth: Int? {
        switch self {
        case .int8, .uint8, .flags8, .enumflags8, .sigtype, .l4proto, .sockfamily: return 1
        case .int16, .uint16, .flags16, .enumflags16, .syscallid, .port: return 2
        case .int32, .uint32, .flags32, .enumflags32, .uid, .gid, .bool, .mode, .sigset, .ipv4addr, .fd32, .pid32:
            return 4
        case .int64, .uint64, .errno, .fd, .pid, .reltime, .abstime, .double: return 8
        case .ipv6addr: return 16
        default: return nil
        }
    }
}

/// How a numeric parameter renders (the `PF_*` codes of the driver ABI).
public enum PrintFormat: UInt8, Sendable {
    /// Not applicable: the type decides.
    case na = 0
    /// Decimal.
    case dec = 1
    /// Hexadecimal, upper case, no prefix.
    case hex = 2
    /// Decimal padded to ten digits (the fractional part of a time).
    case paddedDec = 3
    /// An id (a pid or a user id).
    case id = 4
    /// A direction.
    case dir = 5
    /// Octal with a leading zero.
    case oct = 6
}
