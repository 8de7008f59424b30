// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `spy_file`: every successful read and write of a file, one line each with its time,
/// process, direction, size, file and data (`17:35:48.514700898 curl(17497) R 832B /etc/hosts …`).
final class SpyFile: Chisel {
    static let info = ChiselInfo(
        name: "spy_file", category: "I/O",
        shortDescription: "Echo any read/write made by any process to all files. Optionally, you can provide the name of one file to only intercept reads/writes to that file.",
        description: "This chisel intercepts all reads and writes to all files. Instead of all files, you can limit interception to one file.",
        arguments: [
            ChiselArgument(
                "read_or_write",
                description: "Specify 'R' to capture only read events; 'W' to capture only write events; 'RW' to capture read and write events. By default both read and write events are captured.",
                optional: true),
            ChiselArgument(
                "spy_on_file_name", description: "The name of the file which the chisel should spy on for all read and write activity.",
                optional: true),
        ])

    private var context: ChiselContext!
    private var data: ChiselField<String>!
    private var fdName: ChiselField<String>!
    private var isWrite: ChiselField<Bool>!
    private var pid: ChiselField<Int64>!
    private var process: ChiselField<String>!
    private var result: ChiselField<Int64>!
    private var time: ChiselField<String>!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        data = try context.field("evt.arg.data")
        fdName = try context.field("fd.name")
        isWrite = try context.field("evt.is_io_write")
        pid = try context.field("proc.pid")
        process = try context.field("proc.name")
        result = try context.field("evt.rawarg.res")
        time = try context.field("evt.time")
        context.setSnapLength(2000)  // live, to see more of each conversation
        context.setBufferFormat(.ascii)  // text and line ends: files are mostly text

        var filter: String
        if let file = arguments["spy_on_file_name"], !file.isEmpty {
            filter = "(fd.name=\(file)) and "
        } else {
            // Watching terminals risks looping in a live capture.
            filter = "(not fd.name contains /dev/pt and not fd.name contains /dev/tty) and "
        }
        switch arguments["read_or_write"] {
        case "R", "r": filter += "evt.is_io_read=true and "
        case "W", "w": filter += "evt.is_io_write=true and "
        default: filter += "evt.is_io=true and "
        }
        try context.setFilter(filter + "fd.type=file and evt.dir=< and evt.failed=false")
    }

    func handle(_ event: ChiselEvent) throws {
        // A missing value prints as Lua's string.format shows nil.
        let size = ChiselFormat.bytes(Double(event[result] ?? 0))
        let direction = event[isWrite] == true ? "W" : "R"
        let pid = event[pid].map { "\($0)" } ?? "nil"
        context.print("\(event[time] ?? "nil") \(event[process] ?? "nil")(\(pid)) \(direction) \(size) \(event[fdName] ?? "nil") \(event[data] ?? "nil")")
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(SpyFile.self, version)
}
