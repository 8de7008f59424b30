// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `bottlenecks`: the ten system calls that took longest to return, each as the lines of
/// its enter and exit events, slowest first, at the end of the capture.
final class Bottlenecks: MergeableChisel {
    static let count = 10

    static let info = ChiselInfo(
        name: "bottlenecks", category: "Performance", shortDescription: "Slowest system calls",
        description: "Lists the \(count) system calls that took the longest to return during the capture interval.")

    /// One slow call: its latency and the lines of its events.
    private struct Call {
        var latency: UInt64
        var enter: String?
        var exit: String
    }

    private var context: ChiselContext!
    private var number: ChiselField<UInt64>!
    private var type: ChiselField<String>!
    private var eventArguments: ChiselField<String>!
    private var latency: ChiselField<UInt64>!
    private var process: ChiselField<String>!
    /// The slowest calls, slowest first; a call joins after those as slow as it.
    private var slowest: [Call] = []
    /// The line of each thread's latest enter event.
    private var enterLines: [Int64: String] = [:]

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        number = try context.field("evt.num")
        type = try context.field("evt.type")
        eventArguments = try context.field("evt.args")
        latency = try context.field("evt.latency")
        process = try context.field("proc.name")
        slowest.reserveCapacity(Self.count + 1)
    }

    func handle(_ event: ChiselEvent) throws {
        guard let latency = event[latency] else { return }
        if event.typeName == "switch" { return }
        if latency == 0 {
            // An enter event (or an exit that took no time: sysdig's test is the latency).
            enterLines[event.tid] = line(event, seconds: "0.000000000", direction: ">")
            return
        }
        guard let place = place(latency) else { return }
        let nanoseconds = "\(latency % 1_000_000_000)"
        let seconds = "\(latency / 1_000_000_000)." + String(repeating: "0", count: 9 - nanoseconds.utf8.count) + nanoseconds
        insert(Call(latency: latency, enter: enterLines[event.tid], exit: line(event, seconds: seconds, direction: "<")), at: place)
    }

    /// Where a call of `latency` joins the slowest (after those as slow), or `nil` when it does not.
    private func place(_ latency: UInt64) -> Int? {
        slowest.firstIndex(where: { latency > $0.latency }) ?? (slowest.count < Self.count ? slowest.count : nil)
    }

    private func insert(_ call: Call, at place: Int) {
        slowest.insert(call, at: place)
        if slowest.count > Self.count { slowest.removeLast() }
    }

    // Partial results: the slowest calls of the part, slowest first. A part's calls join after
    // calls as slow from earlier parts, as they would in one run over the parts in order.
    func writePartial(to writer: inout ChiselPartialWriter) throws {
        writer.write(unsigned: UInt64(slowest.count))
        for call in slowest {
            writer.write(unsigned: call.latency)
            writer.write(bool: call.enter != nil)
            if let enter = call.enter { writer.write(string: enter) }
            writer.write(string: call.exit)
        }
    }

    func absorbPartial(_ reader: inout ChiselPartialReader) throws {
        for _ in 0..<(try reader.readCount(minimumSize: 3)) {
            let latency = try reader.readUnsigned()
            let enter = try reader.readBool() ? try reader.readString() : nil
            let call = Call(latency: latency, enter: enter, exit: try reader.readString())
            if let place = place(latency) { insert(call, at: place) }
        }
    }

    func captureEnded(_ time: ChiselTime) throws {
        for call in slowest {
            context.print(call.enter ?? "nil")  // Lua prints a missing line as nil
            context.print(call.exit)
        }
    }

    /// `1335) 0.037479817 curl (17497) < poll res=1 fds=4:61 `
    /// (`evt.type` names the system call of generic `syscall` events, as the event's type does not.)
    private func line(_ event: ChiselEvent, seconds: String, direction: String) -> String {
        "\(event[number] ?? 0)) \(seconds) \(event[process] ?? "") (\(event.tid)) \(direction) \(event[type] ?? "nil") \(event[eventArguments] ?? "nil")"
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Bottlenecks.self, version)
}
