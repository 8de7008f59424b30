// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCapture
import SwiftdigCore
import XCTest

/// Encodes synthetic records, writes the events into a capture, and reads it back the way users
/// see it: with sysdig 0.29.3 (when installed) and with swiftdig's own text output.
enum EncoderHarness {
    /// Boot time used by the tests: records at 1 s after boot print as 00:00:01 UTC... plus this.
    static let bootTime: UInt64 = 0

    /// The events of `records`, as bytes and cpu.
    static func encode(_ records: [[UInt8]]) throws -> [(bytes: [UInt8], cpu: UInt16)] {
        let encoder = RecordEncoder(bootTime: bootTime)
        var events: [(bytes: [UInt8], cpu: UInt16)] = []
        for record in records {
            try record.withUnsafeBytes { raw in
                try encoder.encode(raw) { events.append((Array($0.bytes), $0.cpu)) }
            }
        }
        return events
    }

    /// Writes a capture with a section header, machine info, one thread (tid 100, `tester`) and
    /// `events`; returns its path.
    static func writeCapture(_ events: [(bytes: [UInt8], cpu: UInt16)]) throws -> String {
        let path = "/tmp/swiftdig-encoder-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).scap"
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeMachineInfo(
            MachineInfo(numCPUs: 2, memorySizeBytes: 1 << 30, maxPID: 1 << 22, hostname: "test"))
        var thread = ProcessRecord(
            tid: 100, pid: 100, ptid: 1, comm: "tester", exe: "tester", cwd: "/root", fdlimit: 1024)
        thread.vtid = 100
        thread.vpid = 100
        try writer.writeProcessList(ProcessList(threads: [thread]))
        for event in events {
            try event.bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: event.cpu) }
        }
        try writer.close()
        return path
    }

    /// Whether sysdig 0.29.3 is installed.
    static var hasSysdig: Bool { SnapshotSupport.hasSysdig }

    /// sysdig's lines for `path`, each from the direction character on (`> openat ...`).
    static func sysdigLines(_ path: String) -> [String] {
        let output = SnapshotSupport.shell("cd /tmp && TZ=UTC \(SnapshotSupport.sysdigPath) -r '\(path)' 2>&1").output
        return eventParts(String(decoding: output, as: UTF8.self))
    }

    /// swiftdig's lines for `path`, cut as ``sysdigLines(_:)`` cuts them.
    static func swiftdigLines(_ path: String) throws -> [String] {
        let outPath = path + ".out"
        let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { unlink(outPath) }
        var options = TextDump.Options()
        options.outputFD = fd
        try TextDump.run(path: path, options: options)
        close(fd)
        let text = try String(contentsOfFile: outPath, encoding: .utf8)
        return eventParts(text)
    }

    /// Each line from the direction character on, trailing blanks dropped; lines without one
    /// are kept whole.
    static func eventParts(_ text: String) -> [String] {
        text.split(separator: "\n").map { whole in
            var line = String(whole)
            while line.last == " " { line.removeLast() }
            if let range = line.range(of: ") > ") ?? line.range(of: ") < ") {
                return String(line[line.index(range.lowerBound, offsetBy: 2)...])
            }
            return line
        }
    }

    /// Encodes `records` and checks both readers print `expected` (lines from the direction on).
    static func check(
        _ records: [RecordBuilder], _ expected: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let events = try encode(records.map { $0.build() })
        let path = try writeCapture(events)
        defer { unlink(path) }
        XCTAssertEqual(try swiftdigLines(path), expected, "swiftdig", file: file, line: line)
        if hasSysdig {
            XCTAssertEqual(sysdigLines(path), expected, "sysdig 0.29.3", file: file, line: line)
        }
    }
}
