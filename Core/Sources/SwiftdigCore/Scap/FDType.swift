// SPDX-License-Identifier: Apache-2.0

/// The type byte of a file descriptor entry (`scap_fd_type`).
public struct FDType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The stored byte.
    public var rawValue: UInt8
    /// Wraps a stored byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Not known; no data follows.
    public static let unknown = FDType(rawValue: 0)
    /// A file (old form, name only).
    public static let file = FDType(rawValue: 1)
    /// A directory.
    public static let directory = FDType(rawValue: 2)
    /// A connected IPv4 socket.
    public static let ipv4Socket = FDType(rawValue: 3)
    /// A connected IPv6 socket.
    public static let ipv6Socket = FDType(rawValue: 4)
    /// A listening IPv4 socket.
    public static let ipv4ServerSocket = FDType(rawValue: 5)
    /// A listening IPv6 socket.
    public static let ipv6ServerSocket = FDType(rawValue: 6)
    /// A pipe or FIFO.
    public static let fifo = FDType(rawValue: 7)
    /// A unix socket.
    public static let unixSocket = FDType(rawValue: 8)
    /// An eventfd.
    public static let event = FDType(rawValue: 9)
    /// Something else.
    public static let unsupported = FDType(rawValue: 10)
    /// A signalfd.
    public static let signalfd = FDType(rawValue: 11)
    /// An epoll fd.
    public static let eventpoll = FDType(rawValue: 12)
    /// An inotify fd.
    public static let inotify = FDType(rawValue: 13)
    /// A timerfd.
    public static let timerfd = FDType(rawValue: 14)
    /// A netlink socket.
    public static let netlink = FDType(rawValue: 15)
    /// A file with open flags and device (the form libscap writes now).
    public static let fileV2 = FDType(rawValue: 16)
    /// A bpf fd (newer libs).
    public static let bpf = FDType(rawValue: 17)
    /// A userfaultfd (newer libs).
    public static let userfaultfd = FDType(rawValue: 18)
    /// An io_uring fd (newer libs).
    public static let iouring = FDType(rawValue: 19)
    /// A memfd (newer libs).
    public static let memfd = FDType(rawValue: 20)
    /// A pidfd (newer libs).
    public static let pidfd = FDType(rawValue: 21)

    /// Whether entries of this type carry just a name.
    public var carriesName: Bool {
        switch rawValue {
        case 1, 2, 7, 9...15, 17...21: true
        default: false
        }
    }

    /// The number, in decimal.
    public var description: String { String(rawValue) }
}
