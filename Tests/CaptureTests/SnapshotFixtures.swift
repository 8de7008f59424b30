// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Known open things of this test process, made before a snapshot and closed after it: a file
/// opened O_RDWR|O_APPEND, a listening TCP socket, a connected loopback pair, a UDP socket, a unix
/// socket pair, a pipe, an eventfd, and a second thread.
final class SnapshotFixtures {
    let directory: String
    let filePath: String
    let file: Int32
    let listener: Int32
    let port: UInt16
    let client: Int32
    let clientPort: UInt16
    let accepted: Int32
    let udp: Int32
    let udpPort: UInt16
    let unixPair: (Int32, Int32)
    let pipe: (read: Int32, write: Int32)
    let event: Int32
    /// The second thread's tid; it waits on ``release`` until ``close()``.
    private(set) var threadTID: Int64 = 0
    private let release: (read: Int32, write: Int32)
    private var thread = pthread_t()

    init() {
        var template = Array("/tmp/swiftdig-snapshot-XXXXXX".utf8CString)
        _ = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        directory = String(cString: template.map { UInt8(bitPattern: $0) })
        filePath = directory + "/appended.txt"
        file = open(filePath, O_RDWR | O_APPEND | O_CREAT, 0o600)

        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        port = Self.bindLoopback(listener)
        listen(listener, 4)
        let connecting = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: port)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(connecting, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        client = connecting
        clientPort = Self.localPort(client)
        accepted = accept(listener, nil, nil)

        udp = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        udpPort = Self.bindLoopback(udp)

        var pair: [Int32] = [0, 0]
        socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair)
        unixPair = (pair[0], pair[1])
        var ends: [Int32] = [0, 0]
        Glibc.pipe(&ends)
        pipe = (ends[0], ends[1])
        event = Self.eventfd()

        var gate: [Int32] = [0, 0]
        Glibc.pipe(&gate)
        release = (gate[0], gate[1])
        startThread()
    }

    /// Starts the second thread and waits until it has told its tid.
    private func startThread() {
        var told: [Int32] = [0, 0]
        Glibc.pipe(&told)
        let context = UnsafeMutablePointer<Int32>.allocate(capacity: 2)
        context[0] = told[1]
        context[1] = release.read
        pthread_create(
            &thread, nil,
            { raw in
                let context = raw!.assumingMemoryBound(to: Int32.self)
                var tid = SnapshotFixtures.currentTID()
                _ = write(context[0], &tid, 8)
                var byte: UInt8 = 0
                _ = read(context[1], &byte, 1)
                context.deallocate()
                return nil
            }, context)
        var tid: Int64 = 0
        _ = read(told[0], &tid, 8)
        threadTID = tid
        Glibc.close(told[0])
        Glibc.close(told[1])
    }

    /// Ends the thread, closes everything and removes the temporary folder.
    func close() {
        var byte: UInt8 = 1
        _ = write(release.write, &byte, 1)
        pthread_join(thread, nil)
        for fd in [
            file, listener, client, accepted, udp, unixPair.0, unixPair.1, pipe.read, pipe.write, event,
            release.read, release.write,
        ] {
            Glibc.close(fd)
        }
        unlink(filePath)
        rmdir(directory)
    }

    /// A new eventfd (glibc's function, looked up: the Glibc module does not import its header).
    static func eventfd() -> Int32 {
        typealias Make = @convention(c) (UInt32, Int32) -> Int32
        guard let symbol = dlsym(nil, "eventfd") else { return -1 }
        return unsafeBitCast(symbol, to: Make.self)(0, 0)
    }

    /// The calling thread's id, from /proc/thread-self (`PID/task/TID`).
    static func currentTID() -> Int64 {
        var buffer = [CChar](repeating: 0, count: 64)
        let got = readlink("/proc/thread-self", &buffer, buffer.count)
        let text = got > 0 ? String(decoding: buffer[0..<got].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        return Int64(text.split(separator: "/").last ?? "") ?? 0
    }

    /// 127.0.0.1:`port`.
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    /// Binds `fd` to 127.0.0.1 on a free port and returns the port.
    static func bindLoopback(_ fd: Int32) -> UInt16 {
        var address = loopback(port: 0)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return localPort(fd)
    }

    /// The local port of a bound socket.
    static func localPort(_ fd: Int32) -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }

    /// The inode of what `fd` refers to.
    static func inode(_ fd: Int32) -> UInt64 {
        var info = stat()
        fstat(fd, &info)
        return UInt64(info.st_ino)
    }
}
