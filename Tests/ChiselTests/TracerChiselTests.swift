// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `tracers_2_statsd` against sysdig: the statsd datagrams both send for the spans of a synthetic
/// capture (no shared capture has tracers), received on 127.0.0.1:8125, where both always send.
@Suite struct TracerChiselTests {
    /// Tracers written to `/dev/null` by thread 42: nested spans, JSON, a character to escape.
    static let tracers = [
        ">:t:mysql.query:a=1:", ">:1:outer::", ">:1:outer.in|ner::", "<:1:outer.in|ner::", "<:1:outer::",
        "<:t:mysql.query::", #"[">", 7, ["j@s", "on"], []]"#, #"["<", 7, ["j@s", "on"], []]"#, "<:t:no.enter::",
    ]

    /// Writes the capture: an open of `/dev/null`, then each tracer, 1.5 ms apart.
    static func writeCapture(_ path: String) throws {
        func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeProcessList(
            ProcessList(threads: [ProcessRecord(tid: 42, pid: 42, ptid: 1, comm: "app", exe: "app", args: "", cwd: "/")]))
        var ts: UInt64 = 1_600_000_000_000_000_000
        func event(_ type: UInt16, _ params: [[UInt8]]) throws {
            var sink = ByteSink()
            sink.append(ts)
            sink.append(UInt64(42))
            sink.append(UInt32(26 + params.count * 2 + params.reduce(0) { $0 + $1.count }))
            sink.append(type)
            sink.append(UInt32(params.count))
            for p in params { sink.append(UInt16(p.count)) }
            for p in params { sink.append(bytes: p) }
            try sink.bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0) }
            ts += 1_500_000
        }
        let null = Array("/dev/null\0".utf8)
        try event(EventCode.openE, [null, le(UInt32(1)), le(UInt32(0))])
        try event(EventCode.openX, [le(Int64(3)), null, le(UInt32(1)), le(UInt32(0)), le(UInt32(0))])
        for text in tracers {
            let data = Array(text.utf8)
            try event(EventCode.writeE, [le(Int64(3)), le(UInt32(data.count))])
            try event(EventCode.writeX, [le(Int64(data.count)), data])
        }
        try writer.close()
    }

    /// The datagrams `command` sends to 127.0.0.1:8125, or `nil` when the port is taken.
    static func datagrams(of command: String, cache: String) -> [String]? {
        // Not inherited by the commands run (they would hold the port after the test).
        let s = socket(AF_INET, Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
        defer { close(s) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(8125).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var tries = 0
        while withUnsafePointer(to: &address, {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(s, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }) != 0 {
            // Another test run may hold the port for a moment.
            tries += 1
            if tries == 50 { return nil }
            usleep(100_000)
        }
        _ = Checkout.shell(command, cache: cache)
        // Everything sent is queued on the socket by now.
        var received: [String] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(s, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if n <= 0 { break }
            received.append(String(decoding: buffer[..<n], as: UTF8.self))
        }
        return received
    }

    @Test func sendsSysdigsDatagrams() throws {
        guard let swiftdig = Checkout.executable, let sysdig = Checkout.sysdig else { return }
        let fixtures = ChiselFixtures()
        let capture = fixtures.directory + "/tracers.scap"
        try Self.writeCapture(capture)
        let cache = fixtures.directory + "/cache"
        guard let theirs = Self.datagrams(of: "'\(sysdig)' -r '\(capture)' -c tracers_2_statsd", cache: cache),
            let ours = Self.datagrams(of: "'\(swiftdig)' -r '\(capture)' -c tracers_2_statsd", cache: cache)
        else {
            print("skipping: 127.0.0.1:8125 is in use")
            return
        }
        #expect(theirs.count == 4, "\(theirs)")
        #expect(ours == theirs)
        // The address and port are accepted, and ignored as sysdig ignores them.
        let ignored = Self.datagrams(of: "'\(swiftdig)' -r '\(capture)' -c tracers_2_statsd '10.0.0.1 9'", cache: cache)
        #expect(ignored == theirs)
    }

    @Test func infoReadsAsSysdigs() { TableChiselTests.expectSysdigsInfo("tracers_2_statsd") }

    @Test func statsdMessages() throws {
        var statsd = try ChiselStatsd()
        #expect(statsd.message("a:b|c@d", 2.5, kind: "ms") == "a_b_c_d:2.5|ms")
        statsd.namespace = "app"
        #expect(statsd.message("x", 3, kind: "c") == "app.x:3|c")
        #expect(throws: ChiselError.self) { try ChiselUDPSender(host: "not an address", port: 1) }
    }
}
