// SPDX-License-Identifier: Apache-2.0

/// How byte buffers (I/O data, argument lists) render, chosen by `-A`, `-x`, `-X`, `-b` and `-j`.
public enum BufferFormat: Sendable {
    /// Printable bytes as they are, others as `.` (the default).
    case normal
    /// Printable bytes and line ends only (`-A`).
    case ascii
    /// Hex rows (`-x`).
    case hex
    /// Hex rows with an ASCII column (`-X`).
    case hexAscii
    /// Base64 (`-b`).
    case base64
    /// The JSON forms of the above (`-j`).
    case json, jsonAscii, jsonHex, jsonHexAscii, jsonBase64
    /// The reduced form sysdig uses when naming fds (no type character).
    case simple

    /// Whether this is the default screen format (the only one that truncates long buffers).
    var isNormal: Bool { self == .normal }
}
