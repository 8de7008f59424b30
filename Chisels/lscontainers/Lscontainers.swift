// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `lscontainers`: the containers known at the first event, one line each (type, image,
/// name, id), or with `desc` as the Lua table sysdig's `st()` prints.
final class Lscontainers: Chisel {
    static let info = ChiselInfo(
        name: "lscontainers", category: "System State", shortDescription: "List the running containers",
        description: "List the running containers and the metadata",
        arguments: [ChiselArgument("desc", description: "Prints the result set as a data structure", optional: true)])

    private var context: ChiselContext!
    private var desc = false
    private var capturing = false

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        // Any other value of the argument is refused, as sysdig's `on_set_arg` refuses it.
        if let value = arguments["desc"] {
            guard value == "desc" else { throw ChiselError("set_arg() for chisel lscontainers failed.") }
            desc = true
        }
    }

    func captureStarted() throws { capturing = true }

    /// The state as of the first event is the picture.
    func handle(_ event: ChiselEvent) throws { context.endCapture() }

    func captureEnded(_ time: ChiselTime) throws {
        guard capturing else { return }
        let containers = context.containerTable()
        if desc { return context.print(Self.luaTable(containers)) }
        let pad = ChiselFormat.padded
        context.print(pad("container.type", 15) + pad("container.image", 16) + pad("container.name", 20) + pad("container.id", 13))
        context.print(pad("---------------", 15) + pad("----------------", 16) + pad("--------------------", 20) + pad("-------------", 13))
        for c in containers {
            context.print(pad(c.type, 15) + pad(c.image, 16) + pad(c.name, 20) + pad(c.id, 13))
        }
    }

    /// The table as Lua's `st()` serializes it: entries by index, each entry's keys in LuaJIT's
    /// order for them, strings quoted with `%q`.
    static func luaTable(_ containers: [ChiselContainerInfo]) -> String {
        var text = "{\n"
        for (i, c) in containers.enumerated() {
            text += " \(i + 1) = {\n"
            for (key, value) in [("type", c.type), ("image", c.image), ("id", c.id), ("name", c.name)] {
                text += "  \(key) = \(quoted(value)),\n"
            }
            text += " },\n"
        }
        return text + "}"
    }

    /// `string.format("%q", s)`: in quotes, with `"`, `\`, line ends and NULs escaped.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\\n"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Lscontainers.self, version)
}
