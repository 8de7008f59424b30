// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Buffered text output to a file descriptor: what chisels print through. The runner flushes it at
/// the end of the run and before it reports an error.
public final class ChiselOutput {
    /// The descriptor written to.
    public let fd: Int32
    private var buffer: [UInt8] = []

    /// Output to `fd` (standard output by default).
    public init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    /// Appends `text`.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends `line` and a line end.
    public func print(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends `bytes` as they are: data read or written by processes, which need not be text
    /// (sysdig's Lua `print` of a buffer field). Since protocol 1.2.
    public func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered.
    public func flush() {
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { break }  // a closed pipe: nothing more can be written
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
