// SPDX-License-Identifier: Apache-2.0

/// How I/O buffers (`evt.arg.data`, `evt.buffer` read as text) render: the formats of sysdig's
/// `-A`, `-x`, `-X`, `-b` and `-j`, as `sysdig.set_output_format` names them. Since protocol 1.2.
public enum ChiselBufferFormat: String, Sendable, CaseIterable {
    /// Printable bytes as they are, the others as `.` (`"normal"`, the default).
    case normal
    /// Printable bytes and line ends only (`"ascii"`, `-A`).
    case ascii
    /// Hex rows (`"hex"`, `-x`).
    case hex
    /// Hex rows beside the printable bytes (`"hexascii"`, `-X`).
    case hexAscii = "hexascii"
    /// Base64 (`"base64"`, `-b`).
    case base64
    /// JSON strings (`"json"`, `-j`).
    case json
    /// Base64 in JSON strings (`"jsonbase64"`).
    case jsonBase64 = "jsonbase64"
    /// The reduced form of fd names (`"simple"`).
    case simple
}

extension ChiselContext {
    /// Renders buffers in text fields as `format` from now on, for every chisel of the run, unless
    /// the command line chose a format (`-A`, `-x`, `-X`, `-b`, `-j`), which wins
    /// (`sysdig.set_output_format`). Since protocol 1.2.
    public func setBufferFormat(_ format: ChiselBufferFormat) { host.setBufferFormat(format) }

    /// Asks a live capture to keep the first `bytes` of each I/O buffer, so that chisels that show
    /// data see more of it; a capture file keeps what was recorded (`sysdig.set_snaplen`). Since
    /// protocol 1.2.
    public func setSnapLength(_ bytes: Int) { host.setSnapLength(bytes) }
}

extension ChiselEvent {
    /// Calls `body` with the bytes of `field` (a buffer such as `evt.rawarg.data`) where the event
    /// holds them, without copying; `false` when the field has no value. Write them with
    /// ``ChiselOutput/write(bytes:)``. Since protocol 1.2.
    @discardableResult
    public func withBytes(_ field: ChiselField<[UInt8]>, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        source.withBytes(field.slot, body)
    }
}
