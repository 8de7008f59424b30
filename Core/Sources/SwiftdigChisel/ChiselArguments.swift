// SPDX-License-Identifier: Apache-2.0

/// The values of a chisel's arguments, by name, with the declared defaults filled in.
///
/// ```swift
/// let seconds = try arguments.int("timeout")
/// let host = arguments["host"] ?? "any"
/// ```
public struct ChiselArguments: Sendable {
    /// The values by argument name.
    public let values: [String: String]
    /// The chisel the values are for (error messages name it).
    public let chisel: String

    /// Pairs `given` values with the declared arguments, in order, and adds the defaults of the rest.
    public init(_ given: [String], for info: ChiselInfo) {
        var values: [String: String] = [:]
        for (i, argument) in info.arguments.enumerated() {
            if i < given.count {
                values[argument.name] = given[i]
            } else if let value = argument.defaultValue {
                values[argument.name] = value
            }
        }
        self.values = values
        self.chisel = info.name
    }

    /// The value of `name`, or `nil` when it has none.
    public subscript(name: String) -> String? { values[name] }

    /// The value of `name` as text.
    /// - Throws: ``ChiselError`` when it has no value.
    public func string(_ name: String) throws -> String {
        guard let value = values[name] else { throw ChiselError("argument \(name) has no value") }
        return value
    }

    /// The value of `name` as a whole number.
    /// - Throws: ``ChiselError`` when it has no value or is not a number.
    public func int(_ name: String) throws -> Int {
        let text = try string(name)
        guard let value = Int(text) else { throw ChiselError("argument \(name) must be a whole number, not '\(text)'") }
        return value
    }

    /// The value of `name` as a number.
    /// - Throws: ``ChiselError`` when it has no value or is not a number.
    public func double(_ name: String) throws -> Double {
        let text = try string(name)
        guard let value = Double(text) else { throw ChiselError("argument \(name) must be a number, not '\(text)'") }
        return value
    }
}
