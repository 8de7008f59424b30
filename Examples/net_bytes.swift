// SPDX-License-Identifier: Apache-2.0
// A per-interval chisel, like sysdig's iobytes_net: the bytes read from and written to the network,
// printed once a second of capture time.
//
//     swiftdig -r trace.scap -c Examples/net_bytes.swift
import SwiftdigChisel

final class NetBytes: Chisel {
    static let info = ChiselInfo(
        name: "net_bytes", category: "Net", shortDescription: "Network I/O bytes every second",
        description: "Counts the bytes read from and written to IPv4 and IPv6 sockets and prints the totals once a second.")

    private var context: ChiselContext!
    private var bytes: ChiselField<Int64>!
    private var isRead: ChiselField<Bool>!
    private var bytesIn: Int64 = 0
    private var bytesOut: Int64 = 0

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        bytes = try context.field("evt.rawarg.res")
        isRead = try context.field("evt.is_io_read")
        try context.setFilter("evt.is_io=true and (fd.type=ipv4 or fd.type=ipv6)")
        context.setInterval(seconds: 1)
    }

    func handle(_ event: ChiselEvent) throws {
        guard let n = event[bytes], n > 0 else { return }
        if event[isRead] == true { bytesIn += n } else { bytesOut += n }
    }

    func interval(_ time: ChiselTime) throws {
        report(at: time)
    }

    func captureEnded(_ time: ChiselTime) throws {
        // The last, partial second.
        if bytesIn + bytesOut > 0 { report(at: time) }
    }

    private func report(at time: ChiselTime) {
        context.print("\(time.seconds) in:\(bytesIn) out:\(bytesOut) tot:\(bytesIn + bytesOut)")
        bytesIn = 0
        bytesOut = 0
    }
}

@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(NetBytes.self, version)
}
