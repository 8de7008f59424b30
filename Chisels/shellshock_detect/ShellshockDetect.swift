// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `shellshock_detect`: each `bash` started with a function definition in its environment
/// (`() {`), the CVE-2014-6271 attack: time, parent process, its pid and the function.
///
/// As in sysdig 0.29.3, its filter (`proc.name=bash or proc.name=sh and evt.type=execve`) mixes
/// `and` and `or` without brackets, which the filter compiler refuses: the chisel stops at its start.
final class ShellshockDetect: Chisel {
    static let info = ChiselInfo(
        name: "shellshock_detect", category: "Security", shortDescription: "print shellshock attacks",
        description: "Reports every attempt to execute bash in a way that exploits the shellshock vulnerability (http://web.nvd.nist.gov/view/vuln/detail?vulnId=CVE-2014-6271). For every attempt, the chisel reports the time, the name of the process trying to run bash, and its PID.")

    private var context: ChiselContext!
    private var parentName: ChiselField<String>!
    private var parentPid: ChiselField<Int64>!
    private var pid: ChiselField<Int64>!
    private var environment: ChiselField<String>!
    private var time: ChiselField<String>!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        parentName = try context.field("proc.pname")
        parentPid = try context.field("proc.ppid")
        pid = try context.field("proc.pid")
        environment = try context.field("evt.arg.environment")
        time = try context.field("evt.time")
        try context.setFilter("proc.name=bash or proc.name=sh and evt.type=execve")
        context.print(ChiselFormat.padded("TIME", to: 22) + ChiselFormat.padded("PROCNAME", to: 22) + ChiselFormat.padded("PID", to: 8) + "FUNCTION")
    }

    func handle(_ event: ChiselEvent) throws {
        guard let environment = event[environment], Self.definesFunction(environment), let pid = event[pid] else { return }
        // The variables one by one, from the thread table, as the Lua does.
        let thread = try context.threadTable(filter: "", fds: false).first { $0.tid == pid }
        for variable in thread?.environment ?? [] {
            // From the first `()` followed by anything: the Lua's `%(%).+`.
            guard Self.definesFunction(variable), let start = Self.parentheses(in: Array(variable.utf8)).first,
                start + 2 < variable.utf8.count
            else { continue }
            let function = String(decoding: variable.utf8.dropFirst(start), as: UTF8.self)
            let parent = event[parentPid].map { "\($0)" } ?? "nil"
            context.print(
                ChiselFormat.padded(event[time] ?? "", to: 22) + ChiselFormat.padded(event[parentName] ?? "", to: 22)
                    + ChiselFormat.padded(parent, to: 8) + function)
            break
        }
    }

    /// Whether `text` holds `()`, then `{` (a space between allowed), then anything: the Lua
    /// pattern `%(%) ?{.+`.
    static func definesFunction(_ text: String) -> Bool {
        let s = Array(text.utf8)
        return parentheses(in: s).contains { start in
            var brace = start + 2
            if brace < s.count, s[brace] == UInt8(ascii: " ") { brace += 1 }
            return brace + 1 < s.count && s[brace] == UInt8(ascii: "{")
        }
    }

    /// Where each `()` of `s` starts.
    static func parentheses(in s: [UInt8]) -> [Int] {
        s.indices.dropLast().filter { s[$0] == UInt8(ascii: "(") && s[$0 + 1] == UInt8(ascii: ")") }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(ShellshockDetect.self, version)
}
