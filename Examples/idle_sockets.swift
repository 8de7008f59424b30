// SPDX-License-Identifier: Apache-2.0
// A stateful chisel: remembers when each network connection was last used and, at the end of the
// capture, reports those idle for longer than a threshold (and those closed after such a silence).
//
//     swiftdig -r trace.scap -c Examples/idle_sockets.swift 0.5
import SwiftdigChisel

final class IdleSockets: Chisel {
    static let info = ChiselInfo(
        name: "idle_sockets", category: "Net", shortDescription: "Connections idle for too long",
        description: "Follows every IPv4 and IPv6 connection and reports those that stayed idle longer than the given number of seconds.",
        arguments: [ChiselArgument("seconds", type: "double", description: "the idle time to report, in seconds", defaultValue: "5")])

    /// One open connection: who owns it and when it was last used.
    private struct Connection {
        var process: String
        var name: String
        var lastUsed: UInt64
    }

    private var context: ChiselContext!
    private var threshold: UInt64 = 0
    private var connections: [ConnectionKey: Connection] = [:]
    private var reports: [String] = []

    private struct ConnectionKey: Hashable {
        var pid: Int64
        var fd: Int64
    }

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        threshold = UInt64(try arguments.double("seconds") * 1e9)
        try context.setFilter("evt.dir=< and (fd.type=ipv4 or fd.type=ipv6)")
    }

    func handle(_ event: ChiselEvent) throws {
        guard let fd = event.fd, let thread = event.thread else { return }
        let key = ConnectionKey(pid: thread.pid, fd: fd.number)
        if event.typeName == "close" {
            if let c = connections.removeValue(forKey: key) { check(c, until: event.timestamp, closed: true) }
            return
        }
        if let previous = connections[key] { check(previous, until: event.timestamp, closed: false) }
        connections[key] = Connection(process: thread.processName, name: fd.name, lastUsed: event.timestamp)
    }

    func captureEnded(_ time: ChiselTime) throws {
        for c in connections.values.sorted(by: { $0.lastUsed < $1.lastUsed }) { check(c, until: time.timestamp, closed: false) }
        if reports.isEmpty { context.print("no connection was idle for \(ChiselFormat.timeInterval(threshold))") }
        reports.forEach(context.print)
    }

    /// Notes `c` when it was idle for longer than the threshold before `time`.
    private func check(_ c: Connection, until time: UInt64, closed: Bool) {
        let idle = time - c.lastUsed
        guard idle > threshold else { return }
        reports.append("\(c.process) \(c.name) idle \(ChiselFormat.timeInterval(idle))\(closed ? " before close" : "")")
    }
}

@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(IdleSockets.self, version)
}
