// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// The text of `-cl` and `-i`, laid out as sysdig's `list_chisels` and `print_chisel_info` do:
/// names in a 16-column gutter, descriptions wrapped at 79 columns.
public enum ChiselListing {
    private static let gutter = 16
    private static let lineLength = 79

    /// `-cl`: visible chisels by category, then name, and the hint about `-i`; then, unlike
    /// sysdig, one line naming the folders searched (`directories`, in order), when given.
    public static func list(_ chisels: [ChiselInfo], searched directories: [String] = []) -> String {
        var out = categorised(chisels.filter { !$0.hidden }) + "\nUse the -i flag to get detailed information about a specific chisel\n"
        if !directories.isEmpty { out += searchedLine(directories) + "\n" }
        return out
    }

    /// The line that says where chisels come from: only these folders, or a file named by its path.
    public static func searchedLine(_ directories: [String]) -> String {
        "Chisels are loaded only from these folders, in this order: \(directories.joined(separator: ", ")) (or from a file given by its path with -c)"
    }

    /// `-i`: the chisel's entry of the list, its description and its arguments.
    public static func details(_ chisel: ChiselInfo) -> String {
        var out = Array(categorised([chisel]).utf8)
        out.append(UInt8(ascii: "\n"))
        for (l, c) in chisel.description.utf8.enumerated() {
            if l % lineLength == 0 && l != 0 { out.append(UInt8(ascii: "\n")) }
            out.append(c)
        }
        out.append(UInt8(ascii: "\n"))
        var args = "Args:\n"
        if chisel.arguments.isEmpty {
            args += "(None)"
        } else {
            for a in chisel.arguments { args += "[\(a.type)] \(a.name) - \(a.description)\n" }
        }
        var position = 0
        for c in args.utf8 {
            if c == UInt8(ascii: "\n") {
                position = -1
            } else if position % (lineLength - gutter) == 0 && position != 0 {
                out.append(UInt8(ascii: "\n"))
                out += Array(repeating: UInt8(ascii: " "), count: gutter)
            }
            out.append(c)
            position += 1
        }
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    private static func categorised(_ chisels: [ChiselInfo]) -> String {
        let sorted = chisels.sorted { ($0.category, $0.name) < ($1.category, $1.name) }
        var out: [UInt8] = []
        var lastCategory: String?
        for c in sorted {
            if c.category != lastCategory {
                let heading = "Category: \(c.category)"
                out += Array("\n\(heading)\n".utf8) + Array(repeating: UInt8(ascii: "-"), count: heading.utf8.count)
                out.append(UInt8(ascii: "\n"))
                lastCategory = c.category
            }
            out += Array(c.name.utf8)
            var used = c.name.utf8.count
            if used >= gutter {
                out.append(UInt8(ascii: "\n"))
                used = 0
            }
            out += Array(repeating: UInt8(ascii: " "), count: gutter - used)
            for (l, ch) in c.shortDescription.utf8.enumerated() {
                if l % (lineLength - gutter) == 0 && l != 0 {
                    out.append(UInt8(ascii: "\n"))
                    out += Array(repeating: UInt8(ascii: " "), count: gutter)
                }
                out.append(ch)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }
}
