// SPDX-License-Identifier: Apache-2.0

/// A filter that cannot be compiled, or that failed while running (sysdig's `sinsp_exception` out of
/// the filter code).
public struct FilterError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the compiler stood when it gave up (libsinsp's scan position, a byte offset), or `nil` for
    /// errors raised while events are filtered and for the few compile errors sysdig prints bare.
    public let position: Int?
    /// What went wrong, in sysdig's words.
    public let message: String

    /// Creates an error.
    public init(position: Int?, message: String) {
        self.position = position
        self.message = message
    }

    /// The line sysdig prints on standard error: `filter error at position 20: unknown event type x`.
    public var description: String {
        guard let position else { return message }
        return "filter error at position \(position): \(message)"
    }
}

/// An error message without a position yet: value parsers throw it, the parser adds where it stood.
struct FilterMessage: Error {
    let text: String
    init(_ text: String) { self.text = text }
}
