// SPDX-License-Identifier: Apache-2.0

/// Why a chisel could not be found, built, loaded or started: one line for the user, naming it.
public struct ChiselLoadError: Error, CustomStringConvertible, Equatable {
    /// The message, without the program's name.
    public let message: String
    /// The compiler's diagnostics, for a source that did not compile (printed after the message).
    public let diagnostics: String

    init(_ message: String, diagnostics: String = "") {
        self.message = message
        self.diagnostics = diagnostics
    }

    /// The message and, when present, the diagnostics.
    public var description: String { diagnostics.isEmpty ? message : message + "\n" + diagnostics }
}
