// SPDX-License-Identifier: Apache-2.0
import Glibc

/// A failure to read or write a capture, described on one line that names the file, the byte
/// offset (in the uncompressed stream) when there is one, and what is wrong:
/// `curl.scap: offset 12345: block length 4294967295 runs past the end of the file`.
public struct ScapError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is, for callers that act on it.
    public enum Kind: Sendable, Equatable {
        /// The file could not be opened or created.
        case cannotOpen
        /// The file does not start with a section header: it is not a capture.
        case notCapture
        /// A capture this reader does not handle (other byte order, newer major version).
        case unsupported
        /// The file or its gzip stream ends inside a block.
        case truncated
        /// A length, trailer or field that contradicts the bytes around it.
        case corrupt
        /// The operating system or zlib failed to read or write.
        case io
        /// A record given to the writer cannot be written as asked.
        case invalidRecord
    }

    /// The file, as the caller named it.
    public let file: String
    /// The byte offset the problem was found at, when it is about a place in the file.
    public let offset: UInt64?
    /// What kind of failure this is.
    public let kind: Kind
    /// What is wrong, without the file and offset.
    public let message: String

    /// Creates an error.
    public init(file: String, offset: UInt64?, kind: Kind, message: String) {
        self.file = file
        self.offset = offset
        self.kind = kind
        self.message = message
    }

    /// `FILE: offset N: MESSAGE`, or `FILE: MESSAGE` without an offset; always one line.
    public var description: String {
        let text = offset.map { "\(file): offset \($0): \(message)" } ?? "\(file): \(message)"
        return String(text.map { $0.isNewline ? " " : $0 })
    }

    /// The text of an `errno` value.
    static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }
}
