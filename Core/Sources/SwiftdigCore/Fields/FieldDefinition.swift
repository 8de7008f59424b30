// SPDX-License-Identifier: Apache-2.0

/// The `EPF_*` flags of a field.
public struct FieldFlags: OptionSet, Sendable, Hashable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    /// The field can be used in filters only, not printed.
    public static let filterOnly = FieldFlags(rawValue: 1 << 0)
    /// The field can be printed only (chisels use it to organise events); listings leave it out.
    public static let printOnly = FieldFlags(rawValue: 1 << 1)
    /// The field takes an argument: `evt.arg.fd`, `proc.aname[2]`.
    public static let requiresArgument = FieldFlags(rawValue: 1 << 2)
    /// The field is meant for tables (chisels); listings leave it out.
    public static let tableOnly = FieldFlags(rawValue: 1 << 3)
    /// The field summarises the event.
    public static let info = FieldFlags(rawValue: 1 << 4)
    /// The field identifies a conversation.
    public static let conversation = FieldFlags(rawValue: 1 << 5)

    /// The flags for the letters of a field-table line (`F P A T I C`).
    init(letters: SchemaSpan) {
        var flags = FieldFlags()
        for offset in 0..<letters.count {
            switch letters[offset] {
            case UInt8(ascii: "F"): flags.insert(.filterOnly)
            case UInt8(ascii: "P"): flags.insert(.printOnly)
            case UInt8(ascii: "A"): flags.insert(.requiresArgument)
            case UInt8(ascii: "T"): flags.insert(.tableOnly)
            case UInt8(ascii: "I"): flags.insert(.info)
            case UInt8(ascii: "C"): flags.insert(.conversation)
            default: preconditionFailure("unknown field flag in \(letters)")
            }
        }
        self = flags
    }
}

/// One field of the filter and output language, as the field table describes it.
public struct FieldDefinition: Sendable {
    /// The field's name: `proc.name`, `evt.arg` (without its argument).
    public let name: String
    /// The type of the values it extracts (`.dyn` for `evt.rawarg`: the named parameter's type).
    public let type: ParamType
    /// How its numbers print.
    public let format: PrintFormat
    /// Its `EPF_*` flags.
    public let flags: FieldFlags
    /// A short display name (`Event Number`), for column headers.
    public let displayName: String
    /// The description `-l` prints.
    public let description: String
    /// Its position in its class.
    public let index: Int
    /// The index of its class in ``FieldCatalog/classes``.
    public let classIndex: Int
}

/// A class of fields (`evt`, `process`, `fd`, ...): a group that one extractor family implements.
public struct FieldClass: Sendable {
    /// The class name `-l` prints (`process` for the `proc.*` and `thread.*` fields).
    public let name: String
    /// The short description in parentheses after the name, or empty.
    public let shortDescription: String
    /// The description `-l` prints.
    public let description: String
    /// Whether listings leave the class out.
    public let isHidden: Bool
    /// Its fields in table order.
    public let fields: [FieldDefinition]

    /// The field with the longest name that starts `text`, as sysdig matches names: `evt.arg.fd`
    /// finds `evt.arg`, `proc.name` finds `proc.name` rather than `proc.n...`.
    public func longestMatch(_ text: Substring) -> FieldDefinition? {
        var best: FieldDefinition?
        for field in fields where text.utf8.starts(with: field.name.utf8) {
            if field.name.utf8.count > best?.name.utf8.count ?? -1 { best = field }
        }
        return best
    }
}

/// Every field class, parsed once from the field table.
public enum FieldCatalog {
    /// The classes in sysdig's registration order.
    public static let classes: [FieldClass] = parseFieldTable(fieldTableText)

    /// The definition of the field called exactly `name`, or `nil`.
    public static func definition(named name: String) -> FieldDefinition? {
        definitionsByName[name]
    }

    private static let definitionsByName: [String: FieldDefinition] = {
        var byName: [String: FieldDefinition] = [:]
        for c in classes { for f in c.fields where byName[f.name] == nil { byName[f.name] = f } }
        return byName
    }()
}

/// Parses the text of `FieldTable.swift` (format described there).
func parseFieldTable(_ text: String) -> [FieldClass] {
    let formats: [String: PrintFormat] = [
        "na": .na, "dec": .dec, "hex": .hex, "paddedDec": .paddedDec, "id": .id, "dir": .dir, "oct": .oct,
    ]
    var classes: [FieldClass] = []
    var fields: [FieldDefinition] = []
    var header: (name: String, shortDescription: String, description: String, isHidden: Bool)?
    func close() {
        guard let header else { return }
        classes.append(
            FieldClass(
                name: header.name, shortDescription: header.shortDescription, description: header.description,
                isHidden: header.isHidden, fields: fields))
        fields = []
    }
    withSchemaText(text) { table in
        for line in table.split(UInt8(ascii: "\n")) {
            let columns = line.split(UInt8(ascii: "|"), maxSplits: 5, omittingEmpty: false)
            precondition(columns.count >= 4, "bad field table line: \(line)")
            if line.hasPrefix("@") {
                close()
                header = (
                    columns[0].dropFirst().string, columns[1].string, columns[3].string, columns[2] == "hidden"
                )
                continue
            }
            guard let type = ParamType.byListingName[columns[1].string], let format = formats[columns[2].string] else {
                preconditionFailure("bad field table line: \(line)")
            }
            fields.append(
                FieldDefinition(
                    name: columns[0].string, type: type, format: format, flags: FieldFlags(letters: columns[3]),
                    displayName: columns[4].string, description: columns[5].string, index: fields.count,
                    classIndex: classes.count))
        }
    }
    close()
    return classes
}
