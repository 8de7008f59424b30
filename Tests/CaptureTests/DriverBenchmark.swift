// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// Not a test: the driver's cost, measured when SWIFTDIG_DRIVER_BENCH=1 (Scripts/driver-bench.sh).
/// A syscall storm (`dd bs=1`) runs bare, then under capture with every program attached and a
/// consumer that appends each record to a file; it prints the slowdown, records/s and drops.
final class DriverBenchmark: XCTestCase {
    static let count = ProcessInfo.processInfo.environment["SWIFTDIG_DRIVER_BENCH_COUNT"].flatMap(Int.init) ?? 2_000_000

    func testDDUnderCapture() throws {
        guard ProcessInfo.processInfo.environment["SWIFTDIG_DRIVER_BENCH"] == "1" else {
            throw XCTSkip("set SWIFTDIG_DRIVER_BENCH=1 to measure the driver")
        }
        try requireLiveCapture()
        let (bare, bareCPU) = try Self.timeDD(during: nil)
        print(String(format: "dd bs=1 count=%d bare: %.3f s, cpu %.3f s", Self.count, bare, bareCPU))
        let argsOnly: [(syscall: Int, plan: sd_syscall_plan)] = []
        // swiftdig's own plans: read and write collect their buffers at exit.
        let buffers = CapturePlans.all()
        for (name, plans) in [("arguments only", argsOnly), ("read/write buffers", buffers)] {
            let probe = try makeLiveProbe(settings: DriverSettings(ignoredProcess: getpid()), plans: plans)
            let sink = try RecordFile(path: "/tmp/swiftdig-driver-bench.records")
            try probe.start()
            var records = 0
            let started = Date()
            let ownBefore = Self.cpu(RUSAGE_SELF)
            let (time, cpu) = try Self.timeDD { records += try probe.poll(timeoutMs: 1) { sink.append($0) } }
            probe.stop()
            while case let n = try probe.poll(timeoutMs: 0, { sink.append($0) }), n > 0 {
                records += n
            }
            let elapsed = Date().timeIntervalSince(started)
            let consumerCPU = Self.cpu(RUSAGE_SELF) - ownBefore
            let counters = probe.counters()
            print(String(
                format: "%@: dd %.3f s (%.2fx), cpu %.3f s (%.2fx), consumer cpu %.3f s, %d records consumed, %.0f records/s, driver events %llu, drops %llu (%.4f%%), %llu bytes written",
                name, time, time / bare, cpu, cpu / bareCPU, consumerCPU, records, Double(records) / elapsed, counters.events, counters.drops,
                100 * Double(counters.drops) / Double(max(1, counters.events + counters.drops)), sink.bytes
            ))
        }
    }

    /// Runs the storm, calling `poll` until it ends; its wall and cpu (user + system) times in
    /// seconds. The cpu time is what the driver adds to the traced task whatever else the machine
    /// runs; the wall time also counts waiting for a cpu.
    static func timeDD(during poll: (() throws -> Void)?) throws -> (wall: Double, cpu: Double) {
        let cpuBefore = cpu(RUSAGE_CHILDREN)
        let dd = Process()
        dd.executableURL = URL(fileURLWithPath: "/bin/dd")
        dd.arguments = ["if=/dev/zero", "of=/dev/null", "bs=1", "count=\(count)"]
        dd.standardError = FileHandle.nullDevice
        let started = Date()
        try dd.run()
        while dd.isRunning {
            if let poll {
                try poll()
            } else {
                usleep(1000)
            }
        }
        let wall = Date().timeIntervalSince(started)
        dd.waitUntilExit()
        return (wall, cpu(RUSAGE_CHILDREN) - cpuBefore)
    }

    /// User and system time of this process or of its reaped children, in seconds.
    static func cpu(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Appends records to a file through one reused buffer, as a capture writer would.
final class RecordFile {
    private let fd: Int32
    private var buffer = [UInt8](repeating: 0, count: 4 << 20)
    private var used = 0
    private(set) var bytes: UInt64 = 0

    init(path: String) throws {
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw RecordDecodingError("cannot create \(path)") }
    }

    deinit {
        flush()
        close(fd)
    }

    func append(_ record: UnsafeRawBufferPointer) {
        if used + record.count > buffer.count {
            flush()
        }
        buffer.withUnsafeMutableBytes { out in
            out.baseAddress!.advanced(by: used).copyMemory(from: record.baseAddress!, byteCount: record.count)
        }
        used += record.count
        bytes += UInt64(record.count)
    }

    private func flush() {
        _ = buffer.withUnsafeBytes { write(fd, $0.baseAddress, used) }
        used = 0
    }
}
