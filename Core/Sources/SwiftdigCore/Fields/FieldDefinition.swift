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
    init(letters: Substring) {
        var flags = FieldFlags()
        for c in letters {
            switch c {
            case "F": flags.insert(.filterOnly)
            case "P": flags.insert(.printOnly)
            case "A": flags.insert(.requiresArgument)
            case "T": flags.insert(.tableOnly)
            case "I": flags.insert(.info)
            case "C": flags.insert(.conversation)
            default: preconditionFailure("unknown field flag \(c)")
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
    let typesByName = Dictionary(ParamType.allCases.map { ($0.listingName, $0) }, uniquingKeysWith: { a, _ in a })
    let formats: [Substring: PrintFormat] = [
        "na": .na, "dec": .dec, "hex": .hex, "paddedDec": .paddedDec, "id": .id, "dir": .dir, "oct": .oct,
    ]
    var classes: [FieldClass] = []
    var header: [Substring] = []
    var fields: [FieldDefinition] = []
    func close() {
        guard !header.isEmpty else { return }
        classes.append(
            FieldClass(
                name: String(header[0].dropFirst()), shortDescription: String(header[1]),
                description: String(header[3]), isHidden: header[2] == "hidden", fields: fields))
        fields = []
    }
    for line in text.splitBytes(UInt8(ascii: "\n")) {
        let columns = line.splitBytes(UInt8(ascii: "|"), maxSplits: 5, omittingEmpty: false)
        precondition(columns.count >= 4, "bad field table line: \(line)")
        if line.hasPrefix("@") {
            close()
            header = columns
            continue
        }
        guard let type = typesByName[String(columns[1])], let format = formats[columns[2]] else {
            preconditionFailure("bad field table line: \(line)")
        }
        fields.append(
            FieldDefinition(
                name: String(columns[0]), type: type, format: format, flags: FieldFlags(letters: columns[3]),
                displayName: String(columns[4]), description: String(columns[5]), index: fields.count,
                classIndex: classes.count))
    }
    close()
    return classes
}
