// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// Broken, foreign and missing files give one-line errors that name the file and the offset, and
/// never crash or hang the reader.
@Suite struct ScapErrorTests {
    /// Reads every block of `path`; returns the error, if any.
    static func readAll(_ path: String, bufferSize: Int = ScapReader.defaultBufferSize) -> ScapError? {
        do {
            let reader = try ScapReader(path: path, bufferSize: bufferSize)
            while let block = try reader.nextBlock() {
                if case let .event(event) = block {
                    // Touch every parameter, as a consumer would.
                    for value in event.params { _ = value.reduce(0, &+) }
                }
            }
            return nil
        } catch {
            return error
        }
    }

    /// The error of reading `bytes` as a file called `name` (in a temporary directory).
    static func error(reading bytes: [UInt8], name: String = "broken.scap") -> ScapError? {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/" + name
        ScapTestSupport.write(bytes, to: path)
        return readAll(path)
    }

    /// A valid capture's bytes: every block kind, uncompressed.
    static func everything() throws -> [UInt8] {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        try ScapSamples.writeEverything(to: directory + "/all.scap")
        return ScapTestSupport.read(directory + "/all.scap")
    }

    /// A section header followed by one block of `type` with `body` (padded, lengths filled in).
    static func capture(type: ScapBlockType, body: [UInt8]) -> [UInt8] {
        var sink = ByteSink()
        for word: UInt32 in [0x0A0D_0D0A, 28, 0x1A2B_3C4D, 0x0002_0001, 0xFFFF_FFFF, 0xFFFF_FFFF, 28] {
            sink.append(word)
        }
        let start = sink.count
        sink.append(type.rawValue)
        sink.append(UInt32(0))
        sink.append(bytes: body)
        sink.padToFour()
        sink.set(UInt32(sink.count - start + 4), at: start + 4)
        sink.append(UInt32(sink.count - start + 4))
        return sink.bytes
    }

    static func expectOneLine(_ error: ScapError?, file: String, _ fragment: String, offset: UInt64? = nil) {
        guard let error else {
            Issue.record("no error, expected \(fragment)")
            return
        }
        let text = error.description
        #expect(!text.contains("\n"))
        // An empty `file` stands for the default name of ``error(reading:name:)``.
        #expect(file.isEmpty ? text.contains(".scap: ") : text.hasPrefix(file + ": "), "\(text)")
        #expect(fragment.isEmpty || text.contains(fragment), "\(text)")
        if let offset { #expect(error.offset == offset, "\(text)") }
    }

    @Test func missingFile() {
        let error = Self.readAll("nofile.scap")
        #expect(error?.description == "nofile.scap: cannot open: No such file or directory")
        #expect(error?.kind == .cannotOpen)
    }

    @Test func directory() {
        let error = Self.readAll("/tmp")
        #expect(error?.description == "/tmp: cannot open: Is a directory")
    }

    @Test func notACapture() {
        let error = Self.error(reading: Array("hello, this is text\n".utf8), name: "x.txt")
        #expect(error?.description.hasSuffix("x.txt: offset 0: not a capture file (bad section header magic)") == true)
        #expect(error?.kind == .notCapture)
        Self.expectOneLine(Self.error(reading: []), file: "", "not a capture file (the file is empty)")
        Self.expectOneLine(Self.error(reading: [0x0A, 0x0D, 0x0D]), file: "", "not a capture file (too short)")
    }

    @Test func otherByteOrder() {
        var bytes = Self.capture(type: .machineInfo, body: [UInt8](repeating: 0, count: 180))
        bytes[8...11] = [0x1A, 0x2B, 0x3C, 0x4D]
        let error = Self.error(reading: bytes)
        Self.expectOneLine(error, file: "", "big-endian", offset: 8)
        #expect(error?.kind == .unsupported)
    }

    @Test func newerMajorVersion() {
        var bytes = Self.capture(type: .machineInfo, body: [UInt8](repeating: 0, count: 180))
        bytes[12] = 2
        let error = Self.error(reading: bytes)
        Self.expectOneLine(error, file: "", "capture format version 2.2 is newer than this reader", offset: 12)
    }

    @Test func blockLengthPastTheEnd() throws {
        var bytes = try Self.everything()
        // The machine info block starts right after the 28-byte section header.
        bytes[32...35] = [0xFF, 0xFF, 0xFF, 0xFF]
        let error = Self.error(reading: bytes, name: "curl.scap")
        Self.expectOneLine(
            error, file: "", "curl.scap: offset 32: block length 4294967295 runs past the end of the file")
        #expect(error?.kind == .truncated)
    }

    @Test func blockLengthTooSmall() throws {
        var bytes = try Self.everything()
        bytes[32...35] = [4, 0, 0, 0]
        Self.expectOneLine(Self.error(reading: bytes), file: "", "block length 4 is too small", offset: 32)
        bytes[4...7] = [12, 0, 0, 0]
        Self.expectOneLine(Self.error(reading: bytes), file: "", "block length 12 is too small for a SHB", offset: 4)
    }

    @Test func garbageTrailer() throws {
        var bytes = try Self.everything()
        // The machine info block is 192 bytes: its trailer is at 28 + 188.
        bytes[216...219] = [0xDE, 0xAD, 0xBE, 0xEF]
        let error = Self.error(reading: bytes)
        Self.expectOneLine(error, file: "", "block trailer says length 4022250974 but the header says 192", offset: 216)
        #expect(error?.kind == .corrupt)
    }

    @Test func truncatedAnywhere() throws {
        let bytes = try Self.everything()
        var boundaries: Set<Int> = []
        var offset = 0
        while offset < bytes.count {
            boundaries.insert(offset)
            offset += Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16
        }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/cut.scap"
        for cut in 0..<bytes.count {
            ScapTestSupport.write(Array(bytes[0..<cut]), to: path)
            let error = Self.readAll(path)
            if boundaries.contains(cut) && cut > 0 {
                #expect(error == nil, "cut at block boundary \(cut): \(error?.description ?? "")")
            } else {
                Self.expectOneLine(error, file: path, cut < 12 ? "not a capture file" : "")
                #expect(error?.kind == (cut < 12 ? .notCapture : .truncated), "cut at \(cut): \(error!)")
            }
        }
    }

    @Test func truncatedGzip() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let whole = directory + "/all.scap.gz"
        try ScapSamples.writeEverything(to: whole, compression: .gzip())
        let bytes = ScapTestSupport.read(whole)
        #expect(bytes.starts(with: [0x1F, 0x8B]))
        #expect(Self.readAll(whole) == nil)
        let path = directory + "/cut.scap.gz"
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            ScapTestSupport.write(Array(bytes[0..<cut]), to: path)
            let error = Self.readAll(path)
            Self.expectOneLine(error, file: path, "")
            if cut > 20 { #expect(error?.kind == .truncated, "cut at \(cut): \(error!)") }
        }
        ScapTestSupport.write(Array(bytes.dropLast(4)), to: path)
        Self.expectOneLine(Self.readAll(path), file: path, "the gzip stream is truncated")
    }

    @Test func corruptGzip() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/bad.scap.gz"
        try ScapSamples.writeEverything(to: path, compression: .gzip())
        var bytes = ScapTestSupport.read(path)
        for index in stride(from: 30, to: bytes.count - 10, by: 3) { bytes[index] ^= 0x5A }
        ScapTestSupport.write(bytes, to: path)
        let error = Self.readAll(path)
        Self.expectOneLine(error, file: path, "")
        #expect(error?.kind == .io || error?.kind == .corrupt || error?.kind == .truncated)
    }

    @Test func parameterLengthOverflowsTheEvent() {
        var event = ScapSamples.event(type: 3, params: [[1, 2, 3], [4]])
        event[26] = 200
        var body: [UInt8] = [0, 0]
        body += event
        let error = Self.error(reading: Self.capture(type: .eventV2, body: body))
        Self.expectOneLine(error, file: "", "event parameter 0 (length 200) overflows the event length 34", offset: 38)
        #expect(error?.kind == .corrupt)
    }

    @Test func lengthTableOverflowsTheEvent() {
        var event = ScapSamples.event(type: 3, params: [[1, 2, 3]])
        event[22] = 0xFF
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .eventV2, body: [0, 0] + event)), file: "",
            "length table (255 parameters) overflows")
    }

    @Test func eventLongerThanItsBlock() {
        var event = ScapSamples.event(type: 3, params: [[1, 2, 3]])
        event[16] = 100
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .eventV2, body: [0, 0] + event)), file: "",
            "event length 100 runs past the")
        event[16] = 3
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .eventV2, body: [0, 0] + event)), file: "",
            "event length 3 is smaller than the event header")
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .eventWithFlagsV2, body: [0, 0, 0, 0, 0, 0, 1])), file: "",
            "event block length 20 is too small for an event header")
    }

    @Test func version1EventWithoutParameterCount() {
        var event = ScapSamples.v1Event(type: 3, params: [[1, 2, 3], [4]])
        event[22] = 9
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .event, body: [0, 0] + event)), file: "",
            "event parameter lengths never add up to the event length 30")
    }

    @Test func brokenMetadata() {
        var process = ByteSink()
        process.append(Int64(1))
        process.append(Int64(1))
        process.append(Int64(0))
        process.append(UInt16(500))
        process.append(bytes: Array("init".utf8))
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .processListV1, body: process.bytes)), file: "",
            "process list entry 0: comm (500 bytes) runs past the end of the block", offset: 60)

        var sized = ByteSink()
        sized.append(UInt32(10_000))
        sized.append(bytes: [UInt8](repeating: 0, count: 60))
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .processListV9, body: sized.bytes)), file: "",
            "process list entry 0: entry length 10000 runs past the end of the block", offset: 36)

        var fds = ByteSink()
        fds.append(Int64(1))
        fds.append(Int64(3))
        fds.append(UInt64(0))
        fds.append(UInt8(77))
        fds.appendZeros(8)
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .fdList, body: fds.bytes)), file: "",
            "fd list entry 0: unknown fd type 77")

        var interfaces = ByteSink()
        interfaces.append(UInt16(9))
        interfaces.append(UInt16(0))
        interfaces.appendZeros(20)
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .interfaceList, body: interfaces.bytes)), file: "",
            "interface list entry 0: unknown interface type 9")

        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .machineInfo, body: [UInt8](repeating: 0, count: 100))),
            file: "", "machine info: body is 100 bytes, expected 180")

        var users = ByteSink()
        users.append(UInt32(5))
        users.append(UInt8(0))
        users.append(UInt32(0))
        users.append(UInt32(0))
        users.append(UInt16(0))
        users.append(UInt16(0))
        users.append(UInt16(0))
        Self.expectOneLine(
            Self.error(reading: Self.capture(type: .userListV2, body: users.bytes)), file: "",
            "user list entry 0: entry length 5 is shorter than its fields (19)")
    }

    /// Random damage anywhere either reads or gives a one-line error; it never crashes or hangs.
    @Test func randomDamage() throws {
        let original = try Self.everything()
        var generator = SplitMix(seed: 0x5EED)
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/damaged.scap"
        for round in 0..<400 {
            var bytes = original
            for _ in 0...(round % 4) {
                let index = Int(generator.next() % UInt64(bytes.count))
                bytes[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            ScapTestSupport.write(bytes, to: path)
            if let error = Self.readAll(path, bufferSize: 1 << 16) {
                Self.expectOneLine(error, file: path, "")
            }
        }
    }

    /// A tiny deterministic random number generator.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    @Test func sharedCaptureCutShort() throws {
        guard let source = ScapTestSupport.capture("single_ipv6_conn.scap") else { return }
        let bytes = ScapTestSupport.read(source)
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/cut.scap"
        for cut in stride(from: 0, to: bytes.count, by: 997) {
            ScapTestSupport.write(Array(bytes[0..<cut]), to: path)
            Self.expectOneLine(Self.readAll(path), file: path, "")
        }
    }
}
