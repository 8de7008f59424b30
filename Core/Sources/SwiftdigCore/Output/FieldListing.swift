// SPDX-License-Identifier: Apache-2.0

/// The text of `-l` (`verbose`: `-lv`, with each field's type) and `--list-markdown`, as sysdig
/// prints them: hidden classes, print-only and table-only fields left out.
public func fieldListingText(verbose: Bool = false, markdown: Bool = false) -> String {
    var text = ""
    for fieldClass in FieldCatalog.classes where !fieldClass.isHidden {
        let fields = fieldClass.fields.filter { !$0.flags.contains(.printOnly) && !$0.flags.contains(.tableOnly) }
        if markdown {
            text += "\n## Field Class: \(fieldClass.name)\n\n\(fieldClass.description)\n\n"
            text += "Name | Type | Description\n:----|:-----|:-----------\n"
            for f in fields { text += "`\(f.name)` | \(f.type.listingName) | \(f.description)\n" }
            continue
        }
        text += "-------------------------------\n"
        text += ListingLayout.padded("Field Class:") + fieldClass.name
        if !fieldClass.shortDescription.isEmpty { text += " (\(fieldClass.shortDescription))" }
        text += "\n"
        if !fieldClass.description.isEmpty {
            text += ListingLayout.padded("Description:") + ListingLayout.wrapped(fieldClass.description) + "\n"
        }
        text += "\n"
        for f in fields {
            if f.name.utf8.count > ListingLayout.rightBlock {
                text += f.name + "\n" + ListingLayout.padded(" ")
            } else {
                text += ListingLayout.padded(f.name)
            }
            var description = f.description
            if f.flags.contains(.filterOnly) { description = "(FILTER ONLY) " + description }
            if verbose { description = "(Type: \(f.type.listingName)) " + description }
            text += ListingLayout.wrapped(description) + "\n"
        }
        // sysdig prints each class's text with one more line end.
        text += "\n"
    }
    return text
}

/// The two-column layout of sysdig's listings: names in a 30-column block, descriptions wrapped at
/// 120 columns.
enum ListingLayout {
    /// Where the description column starts.
    static let rightBlock = 30
    /// The total width descriptions wrap at.
    static let width = 120

    /// `text` left-aligned in the name column (`std::setw(30) << std::left`).
    static func padded(_ text: String) -> String {
        let n = text.utf8.count
        return n >= rightBlock ? text : text + String(repeating: " ", count: rightBlock - n)
    }

    /// The words of `text`, each followed by a space, wrapped to continue under the description column.
    static func wrapped(_ text: String) -> String {
        var out = ""
        var length = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let wordLength = word.utf8.count + 1
            if length + wordLength <= width - rightBlock {
                length += wordLength
            } else {
                out += "\n" + padded(" ")
                length = wordLength
            }
            out += word + " "
        }
        return out
    }
}
