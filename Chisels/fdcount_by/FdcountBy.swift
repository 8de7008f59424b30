// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `fdcount_by`: how many distinct fds each value of a field used, most first, at the end of
/// the capture: `swiftdig -c fdcount_by proc.name` counts the fds of each process.
final class FdcountBy: MergeableChisel {
    static let info = ChiselInfo(
        name: "fdcount_by", category: "I/O", shortDescription: "FD count, aggregated by an arbitrary filter field",
        description: "Groups all the active FDs based on the given filter field, and returns the fd count for each key. For example, it can be used to list the number of connections per process or per IP endpoint.",
        arguments: [ChiselArgument("key", description: "The filter field used for grouping")])

    private var context: ChiselContext!
    private var key: ChiselField<String>!
    private var fdNumber: ChiselField<Int64>!
    private var fdName: ChiselField<String>!
    /// The fds seen per key, each named as sysdig names it: its number and name run together.
    private var fds: [String: Set<String>] = [:]

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        key = try context.field(try arguments.string("key"))
        fdNumber = try context.field("fd.num")
        fdName = try context.field("fd.name")
    }

    func handle(_ event: ChiselEvent) throws {
        guard let key = event[key], let number = event[fdNumber], number > 0, let name = event[fdName], !name.isEmpty
        else { return }
        fds[key, default: []].insert("\(number)\(name)")
    }

    func captureEnded(_ time: ChiselTime) throws {
        // Lua's print separates its arguments with a tab.
        for (key, names) in fds.sorted(by: { $0.value.count > $1.value.count }) { context.print("\(key)\t\(names.count)") }
    }

    // Partial results: each key's set of fds, so that an fd seen in two parts counts once.
    func writePartial(to writer: inout ChiselPartialWriter) throws {
        writer.write(unsigned: UInt64(fds.count))
        for (key, names) in fds {
            writer.write(string: key)
            writer.write(unsigned: UInt64(names.count))
            for name in names { writer.write(string: name) }
        }
    }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws {
        for _ in 0..<(try reader.readCount(minimumSize: 2)) {
            let key = try reader.readString()
            var names = fds[key, default: []]
            for _ in 0..<(try reader.readCount()) { names.insert(try reader.readString()) }
            fds[key] = names
        }
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(FdcountBy.self, version)
}
