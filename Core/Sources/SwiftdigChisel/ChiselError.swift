// SPDX-License-Identifier: Apache-2.0

/// An error a chisel throws to stop the run with a message; the runner prefixes the chisel's name.
///
/// ```swift
/// guard keys.count == descriptions.count else { throw ChiselError("keys and keydescs differ in length") }
/// ```
public struct ChiselError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in one line.
    public let message: String

    /// An error with `message`.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
