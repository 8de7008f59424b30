// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigTestSupport
import SwiftdigCore
import Testing

@testable import SwiftdigCapture

/// Helpers of the snapshot tests: files, links, time, synthetic events, and running sysdig.
enum SnapshotSupport {
    static let sysdigPath = "/usr/bin/sysdig"
    static var hasSysdig: Bool { access(sysdigPath, X_OK) == 0 }
    static var inCI: Bool { getenv("CI").map { String(cString: $0) == "true" } ?? false }

    /// The `swiftdig` executable built beside this test bundle, or `nil` when it is not there.
    static let swiftdigExecutable: String? = {
        let bundle = link("/proc/self/exe")
        guard let slash = bundle.lastIndex(of: "/") else { return nil }
        let candidate = String(bundle[..<slash]) + "/swiftdig"
        return access(candidate, X_OK) == 0 ? candidate : nil
    }()

    /// The bytes of the file at `path` (empty when it cannot be read).
    static func read(_ path: String) -> [UInt8] { ProcFS.read(path) ?? [] }

    /// The target of the link at `path`.
    static func link(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let got = readlink(path, &buffer, buffer.count)
        return got > 0 ? String(decoding: buffer[0..<got].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    }

    /// The wall clock, ns since the epoch.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// The CPU time this process used so far, in ms.
    static func cpuTimes() -> (user: Double, system: Double) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let ms = { (time: timeval) in Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return (ms(usage.ru_utime), ms(usage.ru_stime))
    }

    /// Writes a `close` enter event (code 4, one fd parameter) of thread `tid`.
    static func writeCloseEnter(_ writer: ScapWriter, ts: UInt64, tid: Int64, fd: Int64) throws {
        var sink: [UInt8] = []
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { sink += $0 } }
        append(ts)
        append(UInt64(bitPattern: tid))
        append(UInt32(26 + 2 + 8))
        append(UInt16(4))
        append(UInt32(1))
        append(UInt16(8))
        append(UInt64(bitPattern: fd))
        try sink.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0) }
    }

    /// What swiftdig prints for the capture at `path`.
    static func textDump(_ path: String, _ options: TextDump.Options) throws -> String {
        var options = options
        let outPath = "/tmp/swiftdig-snapshot-out-\(getpid()).txt"
        defer { unlink(outPath) }
        let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        options.outputFD = fd
        try TextDump.run(path: path, options: options)
        close(fd)
        return String(decoding: read(outPath), as: UTF8.self)
    }

    /// What sysdig prints for the capture at `path`, or `nil` (after saying why) without sysdig.
    static func sysdig(_ path: String, format: String, filter: String) -> String? {
        guard hasSysdig else {
            #expect(!inCI, "sysdig is not installed: cannot check that it reads the snapshot")
            return nil
        }
        let result = shell("TZ=UTC \(sysdigPath) -r '\(path)' -p '\(format)' '\(filter)' 2>&1")
        #expect(result.status == 0)
        return String(decoding: result.output, as: UTF8.self)
    }

    /// Runs `command` through `/bin/sh`; its standard output and exit status.
    static func shell(_ command: String) -> (output: [UInt8], status: Int32) { TestShell.run(command) }
}
