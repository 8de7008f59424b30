// SPDX-License-Identifier: Apache-2.0

/// Why a driver record could not be encoded: the record is short, inconsistent with its own
/// header, or names a kind the encoder does not know. The encoder throws it instead of trapping,
/// so one bad record costs one record.
public struct EncodingError: Error, CustomStringConvertible, Sendable {
    /// The record's `kind` (`SD_RECORD_*`), 0 when the header itself could not be read.
    public let kind: UInt16
    /// The record's native system call number (0 for non-syscall kinds).
    public let nr: UInt16
    /// What was wrong.
    public let message: String

    /// Creates an error for a record of `kind` and `nr`.
    public init(kind: UInt16, nr: UInt16, _ message: String) {
        self.kind = kind
        self.nr = nr
        self.message = message
    }

    public var description: String { "record kind \(kind) nr \(nr): \(message)" }
}
