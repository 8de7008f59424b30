// SPDX-License-Identifier: Apache-2.0
// Shared by every fuzz target (compiled into each target's executable, never into the package).
import Glibc
@testable import SwiftdigCore

/// What the fuzz targets share: a scratch file per process, the replay capture, and the checks that
/// turn a bad error message into a crash libFuzzer records.
enum FuzzSupport {
    /// A file on tmpfs that each input is written to (the reader opens files by path).
    static let scratchPath: String = {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        return "\(directory)/swiftdig-fuzz-\(getpid()).scap"
    }()

    /// Where the printed lines go: they are produced (every renderer runs) but not kept.
    static let devNull: Int32 = open("/dev/null", O_WRONLY)

    /// The capture the filter and format targets run over: `SWIFTDIG_FUZZ_REPLAY`, made by
    /// `Fuzz/make-seeds.py` (the sample's state blocks and events of every code in it), read once.
    static let replay: [ScapBlock] = {
        guard let path = getenv("SWIFTDIG_FUZZ_REPLAY").map({ String(cString: $0) }), access(path, R_OK) == 0 else {
            fatalError("set SWIFTDIG_FUZZ_REPLAY to the replay capture (Scripts/fuzz.sh does)")
        }
        var blocks: [ScapBlock] = []
        do {
            let reader = try ScapReader(path: path, largePayloadTypes: EventSchema.largePayloadTypes)
            while let block = try reader.nextBlock() {
                guard case .event(let event) = block else {
                    blocks.append(block)
                    continue
                }
                // The reader's buffer is reused: the events keep copies that live as long as the process.
                let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: event.bytes.count, alignment: 8)
                copy.copyMemory(from: event.bytes)
                blocks.append(
                    .event(
                        ScapEvent(
                            bytes: UnsafeRawBufferPointer(copy), header: event.header, cpu: event.cpu,
                            flags: event.flags, blockType: event.blockType, offset: event.offset)))
            }
        } catch {
            fatalError("cannot read \(path): \(error)")
        }
        return blocks
    }()

    /// Runs `swiftdig -r` over the ``replay`` blocks (no file: a run costs what the pipeline costs).
    static func dumpReplay(options: TextDump.Options) {
        do {
            try TextDump.run(inspector: Inspector(source: ReplaySource()), options: options)
        } catch {
            // Filter and field errors are the user's; one line is all we ask of them.
            if "\(error)".isEmpty { fatalError("empty error message") }
        }
    }

    /// Parses the user's text with `parse`; when it parses, prints the replay capture with the
    /// options `configure` sets from the result. A parse error must have a message.
    static func replayIfValid<Parsed, Failure: Error & CustomStringConvertible>(
        _ parse: () throws(Failure) -> Parsed, configure: (Parsed, inout TextDump.Options) -> Void
    ) {
        let parsed: Parsed
        do {
            parsed = try parse()
        } catch {
            if error.description.isEmpty { fatalError("empty error message") }
            return
        }
        var options = quietOptions()
        configure(parsed, &options)
        dumpReplay(options: options)
    }

    /// Writes `bytes` to ``scratchPath``, replacing what was there.
    static func writeScratch(_ bytes: UnsafeRawBufferPointer) {
        let fd = open(scratchPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(scratchPath)")
        var done = 0
        while done < bytes.count {
            let wrote = write(fd, bytes.baseAddress! + done, bytes.count - done)
            precondition(wrote > 0, "cannot write \(scratchPath)")
            done += wrote
        }
        close(fd)
    }

    /// Default `-r` options printing to /dev/null.
    static func quietOptions() -> TextDump.Options {
        var options = TextDump.Options()
        options.outputFD = devNull
        options.timeFormat = .absolute
        return options
    }

    /// Runs `swiftdig -r path` as the runner does; a damaged capture must end in one clear
    /// ``ScapError`` (one line, naming the file), anything else is a finding.
    @discardableResult
    static func dump(_ path: String, options: TextDump.Options) -> ScapError? {
        do {
            // A small buffer: a big one costs more than the read under the address sanitizer.
            try TextDump.run(inspector: Inspector(path: path, bufferSize: 1 << 16), options: options)
            return nil
        } catch let error as ScapError {
            checkOneLine(error.description, naming: path)
            return error
        } catch {
            // Filter and field errors quote the user's text (newlines and all): not empty is all we ask.
            if "\(error)".isEmpty { fatalError("empty error message") }
            return nil
        }
    }

    /// A capture's error message must be one line that starts with the file's name.
    static func checkOneLine(_ text: String, naming path: String) {
        if text.contains("\n") || text.isEmpty { fatalError("error message is not one line: \(text)") }
        if !text.hasPrefix(path + ": ") { fatalError("error message does not name the file: \(text)") }
    }

    /// The input as text (libFuzzer hands raw bytes; the parsers take strings).
    static func text(_ data: UnsafeRawBufferPointer) -> String {
        String(decoding: data, as: UTF8.self)
    }
}

/// Wraps bytes into scap blocks with their lengths filled in, so that fuzzed bodies reach the
/// decoders instead of stopping at the block framing.
struct BlockBuilder {
    private(set) var bytes: [UInt8] = []

    /// Starts with a version 1.2 section header.
    init() {
        for word: UInt32 in [0x0A0D_0D0A, 28, 0x1A2B_3C4D, 0x0002_0001, 0xFFFF_FFFF, 0xFFFF_FFFF, 28] { put(word) }
    }

    /// Appends a block of `type` around `body`.
    mutating func block(type: UInt32, body: UnsafeRawBufferPointer) {
        let length = UInt32(12 + body.count)
        put(type)
        put(length)
        bytes.append(contentsOf: body)
        put(length)
    }

    /// Appends `value` little-endian.
    mutating func put<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Hands out ``FuzzSupport/replay`` as a live capture would hand out its blocks.
final class ReplaySource: EventSource {
    private var next = 0
    let name = "replay"
    var statistics: CaptureStatistics { CaptureStatistics() }

    func nextBlock() throws -> ScapBlock? {
        guard next < FuzzSupport.replay.count else { return nil }
        next += 1
        return FuzzSupport.replay[next - 1]
    }
}
