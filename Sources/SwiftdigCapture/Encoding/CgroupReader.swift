// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// A thread's cgroups as sysdig 0.29.3's driver lists them in execve and clone exits: one
/// `subsystem=path` string (NUL-terminated) per controller the kernel has, in the kernel's order.
///
/// The driver reads them from the task at the event; we read `/proc/<tid>/cgroup` when encoding,
/// shortly after. A controller mounted in a v1 hierarchy gets that hierarchy's path; any other
/// gets the unified (v2) path when there is one. A thread that is already gone has none.
final class CgroupReader {
    /// Enabled controllers in kernel order, under the names the driver uses.
    private let controllers: [[UInt8]]
    /// Reused for each read of a cgroup file.
    private let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 8192, alignment: 8)

    init() {
        var names: [[UInt8]] = []
        if let text = Self.readWhole("/proc/cgroups") {
            for line in text.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
                let fields = line.split(separator: UInt8(ascii: "\t"))
                guard fields.count >= 4, fields[3].elementsEqual("1".utf8) else { continue }
                // The io controller keeps its v1 name in /proc/cgroups; the driver says `io`.
                names.append(fields[0].elementsEqual("blkio".utf8) ? Array("io".utf8) : Array(fields[0]))
            }
        }
        controllers = names
    }

    deinit { scratch.deallocate() }

    /// Appends the cgroups of thread `tid` to `out`.
    func append(tid: UInt32, into out: inout EventWriter) {
        let length = ProcPath.with(tid: tid, "cgroup") { path -> Int in
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { return 0 }
            defer { close(fd) }
            var total = 0
            while total < scratch.count {
                let got = read(fd, scratch.baseAddress! + total, scratch.count - total)
                if got <= 0 { break }
                total += got
            }
            return total
        }
        guard length > 0 else { return }
        let text = UnsafeRawBufferPointer(rebasing: scratch[..<length])
        var unified: Slice<UnsafeRawBufferPointer>?
        for controller in controllers {
            var path: Slice<UnsafeRawBufferPointer>?
            for line in text.split(separator: UInt8(ascii: "\n")) {
                // `hierarchy:controller,controller:path`
                guard let first = line.firstIndex(of: UInt8(ascii: ":")),
                    let second = line[(first + 1)...].firstIndex(of: UInt8(ascii: ":"))
                else { continue }
                let names = line[(first + 1)..<second]
                if names.isEmpty {
                    unified = line[(second + 1)...]
                    continue
                }
                let matches = names.split(separator: UInt8(ascii: ",")).contains { name in
                    name.elementsEqual(controller) || (controller.elementsEqual("io".utf8) && name.elementsEqual("blkio".utf8))
                }
                if matches { path = line[(second + 1)...] }
            }
            guard let found = path ?? unified else { continue }
            controller.withUnsafeBytes { out.appendBytes($0) }
            out.appendByte(UInt8(ascii: "="))
            out.appendBytes(UnsafeRawBufferPointer(rebasing: found))
            out.appendByte(0)
        }
    }

    private static func readWhole(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if got <= 0 { break }
            bytes += chunk[0..<got]
        }
        return bytes
    }
}
