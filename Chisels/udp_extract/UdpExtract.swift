// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `udp_extract`: the data read and written on each UDP fd of a capture, into a file per
/// fd under `./udp_dump_files`, named after its tuple (`127.0.0.1_53--127.0.0.1_4000`).
final class UdpExtract: Chisel {
    static let directory = "./udp_dump_files"
    static let info = ChiselInfo(
        name: "udp_extract", category: "I/O", shortDescription: "extract data from UDP streams to files.",
        description: "This chisel parses a trace file, identifies file descriptors carrying UDP network traffic (DNS excluded) and dumps the content of each FD into a different file in the \(directory) directory. Files are named after the UDP tuple they contain.")

    private var context: ChiselContext!
    private var data: ChiselField<[UInt8]>!
    private var fdName: ChiselField<String>!
    private var files: [String: ChiselOutput] = [:]

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        data = try context.field("evt.rawarg.data")
        fdName = try context.field("fd.name")
        ChiselFiles.makeDirectory(Self.directory)
        context.setSnapLength(16384)
        try context.setFilter("evt.dir=< and evt.rawres>=0 and fd.l4proto=udp and evt.is_io=true")
    }

    func captureStarted() throws {
        if context.environment.isLive {
            context.print("live capture not supported")
            throw ChiselError("on_capture_start failed")
        }
    }

    func handle(_ event: ChiselEvent) throws {
        guard let name = event[fdName] else { return }
        if files[name] == nil {
            let path = String("\(Self.directory)/\(name)".map { $0 == ":" ? "_" : $0 == ">" ? "-" : $0 })
            guard let file = ChiselOutput(creatingFile: path) else { throw ChiselError("cannot write \(path)") }
            files[name] = file
        }
        let file = files[name]!
        _ = event.withBytes(data) { file.write(bytes: $0) }
    }

    func captureEnded(_ time: ChiselTime) throws {
        for file in files.values { file.flush() }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(UdpExtract.self, version)
}
