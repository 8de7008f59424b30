// SPDX-License-Identifier: Apache-2.0

/// What a chisel says about itself: sysdig's `description`, `short_description`, `category`,
/// `hidden` and `args` globals.
public struct ChiselInfo: Sendable {
    /// The name `-c` takes.
    public var name: String
    /// The heading `-cl` lists the chisel under (`"Net"`, `"I/O"`, …).
    public var category: String
    /// One line for `-cl`.
    public var shortDescription: String
    /// The text `-i` prints.
    public var description: String
    /// The arguments, in command-line order.
    public var arguments: [ChiselArgument]
    /// Hidden chisels run, but `-cl` and `-i` do not show them (helpers such as `table_generator`).
    public var hidden: Bool

    /// Describes a chisel.
    /// - Parameters:
    ///   - description: the long text for `-i`; the short description when absent.
    public init(
        name: String, category: String, shortDescription: String, description: String? = nil,
        arguments: [ChiselArgument] = [], hidden: Bool = false
    ) {
        self.name = name
        self.category = category
        self.shortDescription = shortDescription
        self.description = description ?? shortDescription
        self.arguments = arguments
        self.hidden = hidden
    }
}

/// One argument a chisel takes on the command line.
public struct ChiselArgument: Sendable {
    /// The name chisels read the value by.
    public var name: String
    /// The kind of value, as `-i` shows it in brackets: `"string"`, `"int"`, `"ipv4"`, `"filter"`…
    public var type: String
    /// What the argument does.
    public var description: String
    /// The value when the command line gives none; an argument with a default is optional.
    public var defaultValue: String?
    /// Whether the command line may leave the argument out.
    public var isOptional: Bool

    /// Declares an argument.
    /// - Parameters:
    ///   - defaultValue: makes the argument optional.
    ///   - optional: makes the argument optional without a default.
    public init(_ name: String, type: String = "string", description: String, defaultValue: String? = nil, optional: Bool = false) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.isOptional = optional || defaultValue != nil
    }
}
