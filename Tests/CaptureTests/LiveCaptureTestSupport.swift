// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigCapture
import SwiftdigDriverABI
import XCTest

/// Skips a live capture test, with the reason, when this machine cannot capture (no BTF, no
/// driver object, BPF refused: not root). Where CI=true the same reasons fail the test instead:
/// CI is set up to capture, so a skip there would hide a broken setup.
func requireLiveCapture() throws {
    if let reason = liveCaptureUnavailableReason() {
        try skipOrFail(reason)
    }
}

/// Loads the driver, turning "BPF not permitted" into a skip (or a CI failure) like
/// `requireLiveCapture()`.
func makeLiveProbe(
    settings: DriverSettings, plans: [(syscall: Int, plan: sd_syscall_plan)], bufferBytes: Int = 64 << 20
) throws -> DriverProbe {
    let probe: DriverProbe
    do {
        probe = try DriverProbe(settings: settings, plans: plans, bufferBytes: bufferBytes)
    } catch {
        if error == .notPermitted {
            try skipOrFail("BPF is not permitted here: \(error)")
        }
        throw error
    }
    return probe
}

private func liveCaptureUnavailableReason() -> String? {
    DriverProbe.preflight().map { "\($0)" }
}

private func skipOrFail(_ reason: String) throws {
    if ProcessInfo.processInfo.environment["CI"] == "true" {
        XCTFail("live capture unavailable on CI: \(reason)")
    }
    throw XCTSkip(reason)
}

/// A test of the `swiftdig` executable capturing live: skipped where live capture is not possible,
/// with a fresh folder (`work`) for each test and a shell to run commands in.
class LiveCaptureTestCase: XCTestCase {
    var work = ""

    override func setUpWithError() throws {
        try requireLiveCapture()
        work = NSTemporaryDirectory() + "swiftdig-live-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if !work.isEmpty { try? FileManager.default.removeItem(atPath: work) }
    }

    /// Runs a shell command with TZ=UTC and the system's own PATH (its python3, not a user's
    /// shim); returns its standard output and status.
    @discardableResult
    func shell(_ command: String) -> (output: String, status: Int32) {
        let run = SnapshotSupport.shell("export TZ=UTC PATH=/usr/bin:/bin:/usr/sbin:/sbin\n" + command)
        // pclose's status is wait(2)'s: the exit status is its second byte.
        return (String(decoding: run.output, as: UTF8.self), (run.status >> 8) & 0xFF)
    }
}

/// A capture plan step, in the header's terms.
func captureStep(_ kind: sd_capture_kind, arg: Int32 = 0, lenArg: Int32 = SD_LEN_NONE, size: UInt32 = 0) -> sd_capture_step {
    sd_capture_step(kind: UInt8(kind.rawValue), arg: UInt8(arg), len_arg: UInt8(lenArg), pad: 0, size: size)
}

/// A plan with up to SD_MAX_STEPS steps per direction.
func capturePlan(enter: [sd_capture_step] = [], exit: [sd_capture_step] = [], flags: UInt32 = 0) -> sd_syscall_plan {
    sd_syscall_plan(flags: flags, pad: 0, enter: stepTriple(enter), exit: stepTriple(exit))
}

private func stepTriple(_ list: [sd_capture_step]) -> (sd_capture_step, sd_capture_step, sd_capture_step) {
    let padded = list + Array(repeating: sd_capture_step(), count: max(0, 3 - list.count))
    return (padded[0], padded[1], padded[2])
}

/// One driver record, copied out of the ring buffer and split into its header and chunks.
struct RawRecord {
    /// What one plan step collected.
    struct Chunk {
        let kind: UInt16
        let step: UInt16
        let data: [UInt8]
    }

    let header: sd_record
    let chunks: [Chunk]

    /// Decodes a record, failing on anything the header's layout does not allow.
    init(_ bytes: UnsafeRawBufferPointer) throws {
        let headerSize = MemoryLayout<sd_record>.size
        guard bytes.count >= headerSize else { throw RecordDecodingError("short record: \(bytes.count) bytes") }
        header = bytes.loadUnaligned(as: sd_record.self)
        guard Int(header.len) <= bytes.count, header.len % 8 == 0 else {
            throw RecordDecodingError("bad length \(header.len) for \(bytes.count) bytes")
        }
        var chunks: [Chunk] = []
        var offset = headerSize
        for _ in 0..<header.nchunks {
            guard offset + 8 <= Int(header.len) else { throw RecordDecodingError("chunk header past the end") }
            let chunk = bytes.loadUnaligned(fromByteOffset: offset, as: sd_chunk.self)
            let start = offset + 8
            guard start + Int(chunk.len) <= Int(header.len) else { throw RecordDecodingError("chunk data past the end") }
            chunks.append(Chunk(kind: chunk.kind, step: chunk.step, data: Array(bytes[start..<start + Int(chunk.len)])))
            offset = (start + Int(chunk.len) + 7) & ~7
        }
        self.chunks = chunks
    }

    var kind: sd_record_kind { sd_record_kind(rawValue: UInt32(header.kind)) }

    /// The record's argument `i`.
    func arg(_ i: Int) -> UInt64 {
        withUnsafeBytes(of: header.args) { $0.load(fromByteOffset: i * 8, as: UInt64.self) }
    }
}

/// A record that breaks the header's rules.
struct RecordDecodingError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The strings of an SD_CAP_PROCESS chunk, after its fixed part.
struct ProcessStrings {
    let exe: String
    let args: [String]
    let env: [String]
    let cwd: String
    let exePath: String

    init(_ data: [UInt8]) throws {
        var cursor = StringCursor(data: data, offset: MemoryLayout<sd_process_info>.size)
        exe = String(decoding: try cursor.next(), as: UTF8.self)
        args = Self.split(try cursor.next())
        env = Self.split(try cursor.next())
        cwd = String(decoding: try cursor.next(), as: UTF8.self)
        exePath = String(decoding: try cursor.next(), as: UTF8.self)
    }

    /// NUL-separated strings (a final NUL ends the last one).
    private static func split(_ bytes: [UInt8]) -> [String] {
        var parts = bytes.split(separator: 0, omittingEmptySubsequences: false)
        if bytes.last == 0 {
            parts.removeLast()
        }
        return parts.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads __u32-length-prefixed strings one after the other.
    private struct StringCursor {
        let data: [UInt8]
        var offset: Int

        mutating func next() throws -> [UInt8] {
            guard offset + 4 <= data.count else { throw RecordDecodingError("process strings cut short") }
            let len = Int(data[offset]) | Int(data[offset + 1]) << 8 | Int(data[offset + 2]) << 16 | Int(data[offset + 3]) << 24
            offset += 4
            guard offset + len <= data.count else { throw RecordDecodingError("process string past the end") }
            let bytes = Array(data[offset..<offset + len])
            offset += len
            return bytes
        }
    }
}

extension Array where Element == UInt8 {
    /// The chunk data as a C struct.
    func load<T>(as type: T.Type) -> T {
        precondition(count >= MemoryLayout<T>.size, "chunk too short for \(T.self)")
        return withUnsafeBytes { $0.loadUnaligned(as: T.self) }
    }
}

/// A python3 workload run under capture: the records of its process tree (grown by fork
/// records as they come), what it printed, and the driver's counters.
struct WorkloadCapture {
    var records: [RawRecord] = []
    var ownRecords = 0
    var malformed = 0
    var counters = DriverCounters()
    var workloadPID: Int32 = 0
    var output = ""
    /// The workload's first argument: a fresh directory, removed after the run.
    let directory: String

    func exits(_ nr: Int) -> [RawRecord] {
        records.filter { $0.kind == SD_RECORD_SYSCALL_EXIT && Int($0.header.nr) == nr }
    }

    func enters(_ nr: Int) -> [RawRecord] {
        records.filter { $0.kind == SD_RECORD_SYSCALL_ENTER && Int($0.header.nr) == nr }
    }

    static func run(
        python script: String, plans: [(syscall: Int, plan: sd_syscall_plan)], settings: DriverSettings
    ) throws -> WorkloadCapture {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("swiftdig-driver-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            .resolvingSymlinksInPath().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var run = WorkloadCapture(directory: directory)

        let probe = try makeLiveProbe(settings: settings, plans: plans)
        try probe.start()
        let output = Pipe()
        let workload = Process()
        workload.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        workload.arguments = ["-c", script, directory]
        workload.standardOutput = output
        try workload.run()
        run.workloadPID = workload.processIdentifier

        var seen: [RawRecord] = []
        let me = UInt32(getpid())
        func take(_ bytes: UnsafeRawBufferPointer) {
            guard let record = try? RawRecord(bytes) else {
                run.malformed += 1
                return
            }
            if record.header.pid == me {
                run.ownRecords += 1
            }
            seen.append(record)
        }
        let deadline = Date().addingTimeInterval(30)
        while workload.isRunning && Date() < deadline {
            _ = try probe.poll(timeoutMs: 10, take)
        }
        _ = try probe.poll(timeoutMs: 50, take)
        probe.stop()
        while try probe.poll(timeoutMs: 0, take) > 0 {}
        // The workload's process tree, from the fork records once all are in: each cpu has its own
        // ring buffer, so a child's records can be taken before the fork record that names it.
        var tree: Set<UInt32> = [UInt32(run.workloadPID)]
        var grew = true
        while grew {
            grew = false
            for record in seen where record.kind == SD_RECORD_FORK_CHILD
                && tree.contains(UInt32(truncatingIfNeeded: record.arg(0))) && !tree.contains(record.header.tid) {
                tree.insert(record.header.tid)
                grew = true
            }
        }
        run.records = seen.filter { tree.contains($0.header.tid) || tree.contains($0.header.pid) }
        run.counters = probe.counters()
        run.output = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return run
    }
}
