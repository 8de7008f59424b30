// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `list_login_shells`: the login shell id (`proc.loginshellid`) of the last command run
/// in a login shell, optionally only commands whose name or arguments contain a string.
/// `swiftdig -c list_login_shells curl` names the shell that last ran curl.
final class ListLoginShells: MergeableChisel {
    static let info = ChiselInfo(
        name: "list_login_shells", category: "Security", shortDescription: "List the login shell IDs",
        description: "List the IDs of the login sessions. Optionally, the list can be filtered to include only the sessions that contain a specific command. The session IDs listed by this chisel can be used as filters for the spy_users chisel. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown.",
        arguments: [
            ChiselArgument(
                "command",
                description: "If this parameter is specified, only the login shells that contain commands including the given string in their name will be listed. * will match any command name.",
                optional: true),
            ChiselArgument(
                "arguments",
                description: "If this parameter is specified, only the login shells that contain commands including the given string in their arguments will be listed",
                optional: true),
        ])

    private var context: ChiselContext!
    private var commandPart: String?
    private var argumentsPart: String?
    private var shellID: ChiselField<Int64>!
    private var executable: ChiselField<String>!
    private var commandArguments: ChiselField<String>!
    private var containerName: ChiselField<String>!
    private var containerID: ChiselField<String>!
    /// The last matching command's shell and container; nil until one matches.
    private var found: (shell: Int64, containerName: String?, containerID: String?)?

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        commandPart = arguments["command"].flatMap { $0 == "*" ? nil : $0 }
        argumentsPart = arguments["arguments"]
        shellID = try context.field("proc.loginshellid")
        executable = try context.field("evt.arg.exe")
        commandArguments = try context.field("evt.arg.args")
        containerName = try context.field("container.name")
        containerID = try context.field("container.id")
        try context.setFilter("evt.type=execve")
    }

    func handle(_ event: ChiselEvent) throws {
        // Only execve exits carry exe. sysdig matches with Lua's string.find, a pattern: the same
        // as a substring for text without Lua's magic characters.
        guard let shell = event[shellID], let exe = event[executable] else { return }
        if let commandPart, !exe.contains(commandPart) { return }
        if let argumentsPart, let args = event[commandArguments], !args.contains(argumentsPart) { return }
        found = (shell, event[containerName], event[containerID])
    }

    func captureEnded(_ time: ChiselTime) throws {
        context.print(commandPart.map { "Shells containing \($0):" } ?? "All shells:")
        guard let found else { return }
        // sysdig loops over the keys of a Lua table holding the shell id, the container name and the
        // container id, printing the shell once per key set: three times, or fewer when a value is nil.
        let keys = 1 + (found.containerName == nil ? 0 : 1) + (found.containerID == nil ? 0 : 1)
        let line = context.environment.printsContainerData
            ? "\(found.shell) \(found.containerName ?? "") \(found.containerID ?? "")" : "\(found.shell)"
        for _ in 0..<keys { context.print(line) }
    }

    // Partial results: the part's last match, if any; a later part's match replaces an earlier's.
    func writePartial(to writer: inout ChiselPartialWriter) throws {
        writer.write(bool: found != nil)
        guard let found else { return }
        writer.write(signed: found.shell)
        for value in [found.containerName, found.containerID] {
            writer.write(bool: value != nil)
            if let value { writer.write(string: value) }
        }
    }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws {
        guard try reader.readBool() else { return }
        let shell = try reader.readSigned()
        let name = try reader.readBool() ? try reader.readString() : nil
        let id = try reader.readBool() ? try reader.readString() : nil
        found = (shell, name, id)
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(ListLoginShells.self, version)
}
