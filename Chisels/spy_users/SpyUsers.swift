// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `spy_users`: every command run, and every directory entered, under a shell, indented by
/// its depth below the shell: `3200 17:35:48 root) curl -6 http://www.google.com`.
/// `swiftdig -c spy_users "2 disable_color"` stops two levels below the shell, without colours.
final class SpyUsers: Chisel {
    static let info = ChiselInfo(
        name: "spy_users", category: "Security", shortDescription: "Display interactive user activity",
        description: "Lists every command that users launch interactively (e.g. from bash) and every directory users visit. This chisel is compatible with containers using the sysdig -pc or -pcontainer argument, otherwise no container information will be shown. (Blue represents a process running within a container, and Green represents a host process)",
        arguments: [
            ChiselArgument("max_depth", type: "int", description: "the maximum depth to show in the hierarchy of processes", optional: true),
            ChiselArgument("disable_color", description: "Set to 'disable_colors' if you want to disable color output", optional: true),
        ])

    /// How far up the process tree a shell is looked for.
    static let ancestorLimit = 16

    /// A process under a shell: its depth below the shell and the shell's pid; `nil` for processes
    /// known to have no shell above them.
    struct Place { var depth: Int; var shell: Int64 }

    private var context: ChiselContext!
    private var maxDepth: Int?
    private var colors = true
    private var type: ChiselField<String>!, exe: ChiselField<String>!, args: ChiselField<String>!
    private var path: ChiselField<String>!, user: ChiselField<String>!, time: ChiselField<String>!
    private var pid: ChiselField<Int64>!, ppid: ChiselField<Int64>!, containerName: ChiselField<String>!
    private var ancestorNames: [ChiselField<String>] = [], ancestorPids: [ChiselField<Int64>] = []
    private var tree: [Int64: Place?] = [:]
    private var sawDirectoryChange = false
    /// Set when the arguments were refused: sysdig prints why and exits.
    private var refused = false

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        if let depth = arguments["max_depth"] {
            // Lua's tonumber: a depth that is not a number ends the chisel with a message, not an error.
            guard let value = Double(depth) else {
                context.print("Input max_depth must be a number.")
                refused = true
                return context.endCapture()
            }
            maxDepth = Int(value)
        }
        colors = arguments["disable_color"] != "disable_color"
        (type, exe, args) = (try context.field("evt.type"), try context.field("proc.exe"), try context.field("proc.args"))
        (path, user, time) = (try context.field("evt.arg.path"), try context.field("user.name"), try context.field("evt.time.s"))
        (pid, ppid) = (try context.field("proc.pid"), try context.field("proc.ppid"))
        containerName = try context.field("container.name")
        ancestorNames = try (0...Self.ancestorLimit).map { try context.field("proc.aname[\($0)]") }
        ancestorPids = try (0...Self.ancestorLimit).map { try context.field("proc.apid[\($0)]") }
        try context.setFilter("((evt.type=execve and evt.dir=<) or (evt.type=chdir and evt.dir=< and proc.name contains sh and not proc.name contains sshd)) and evt.failed=false")
    }

    func handle(_ event: ChiselEvent) throws {
        guard !refused, let pid = event[pid] else { return }
        let isDirectoryChange = event[type] == "chdir"
        // A directory change is the shell's own: it is its own parent here.
        let parent = isDirectoryChange ? pid : event[ppid] ?? -1
        if isDirectoryChange { sawDirectoryChange = true }
        if tree[parent] == nil { tree[parent] = shellPlace(event) }
        guard let parentPlace = tree[parent] ?? nil else { return }
        if tree[pid] == nil { tree[pid] = Place(depth: parentPlace.depth + 1, shell: parentPlace.shell) }
        guard let place = tree[pid] ?? nil else { return }
        let level = isDirectoryChange ? place.depth : place.depth - 1
        if let maxDepth, level > maxDepth { return }
        let container = event[containerName] ?? "host"
        var color = ""
        if colors && context.environment.printsContainerData {
            color = ChiselTerminal.color(container == "host" ? .green : .blue)
        }
        // sysdig indents commands by 3 spaces a level, but by 4 with -pc and for directories.
        let indent = String(repeating: " ", count: max(0, level * (isDirectoryChange || context.environment.printsContainerData ? 4 : 3)))
        let who = (event[user] ?? "<NA>") + (context.environment.printsContainerData ? "@" + container : "")
        let what = isDirectoryChange ? "cd " + (event[path] ?? "") : (event[exe] ?? "") + " " + (event[args] ?? "")
        context.print("\(color)\(indent)\(place.shell) \(event[time] ?? "") \(who)) \(what)")
    }

    /// Where the parent of the event's process stands: below the farthest shell among its ancestors
    /// (a name ending in "sh"), or nowhere.
    private func shellPlace(_ event: ChiselEvent) -> Place? {
        var place: Place?
        // sysdig's chisel shifts its table of ancestor fields at each directory change (a Lua
        // table.insert at 0), after which the first ancestor it reads is no field: from then on
        // new processes are never placed under a shell.
        if sawDirectoryChange { return nil }
        for j in 1...Self.ancestorLimit {
            guard let name = event[ancestorNames[j]] else {
                if event[ancestorPids[j]] == nil { break }
                continue
            }
            guard name.hasSuffix("sh"), let shell = event[ancestorPids[j]] else { continue }
            place = Place(depth: tree[shell] != nil ? j - 1 : 0, shell: shell)
        }
        return place
    }

    func captureEnded(_ time: ChiselTime) throws {
        if !refused { context.print(colors ? ChiselTerminal.reset : "") }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(SpyUsers.self, version)
}
