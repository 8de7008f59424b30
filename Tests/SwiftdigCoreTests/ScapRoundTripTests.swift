// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// Every block type and version, written by ``ScapWriter`` and read back by ``ScapReader``.
@Suite struct ScapRoundTripTests {
    /// Writes the blocks `write` makes after a section header, in both compressions, and returns
    /// the non-header blocks read back from each.
    static func roundTrip(
        _ write: (ScapWriter) throws -> Void, check: (ScapReader, [ScapBlock]) throws -> Void
    ) throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        for compression in [ScapWriter.Compression.none, .gzip()] {
            let path = directory + "/round.scap"
            let writer = try ScapWriter(path: path, compression: compression)
            try writer.writeSectionHeader()
            try write(writer)
            try writer.close()
            let reader = try ScapReader(path: path)
            guard case .sectionHeader? = try reader.nextBlock() else {
                Issue.record("no section header")
                return
            }
            #expect(reader.isCompressed == (compression != .none))
            var blocks: [ScapBlock] = []
            // Events must be checked before the next call, so the check sees them one at a time.
            while let block = try reader.nextBlock() {
                if case .event = block {
                    try check(reader, [block])
                } else {
                    blocks.append(block)
                }
            }
            if !blocks.isEmpty { try check(reader, blocks) }
        }
    }

    @Test func sectionHeader() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/shb.scap"
        let header = SectionHeader(
            majorVersion: 1, minorVersion: 0, sectionLength: 1234,
            options: [BlockOption(code: 1, value: "hello"), BlockOption(code: 4, value: "abcd")])
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader(header)
        try writer.writeSectionHeader()
        try writer.close()
        let reader = try ScapReader(path: path)
        guard case let .sectionHeader(first)? = try reader.nextBlock(),
            case let .sectionHeader(second)? = try reader.nextBlock()
        else {
            Issue.record("expected two section headers")
            return
        }
        #expect(first == header)
        #expect(second == SectionHeader())
        #expect(reader.sectionHeader == SectionHeader())
        #expect(try reader.nextBlock() == nil)
        #expect(try reader.nextBlock() == nil)
    }

    @Test(arguments: [ScapBlockType.machineInfo, .machineInfoInt])
    func machineInfo(type: ScapBlockType) throws {
        var info = ScapSamples.machine
        info.blockType = type
        try Self.roundTrip({ try $0.writeMachineInfo(info) }) { _, blocks in
            guard case let .machineInfo(read)? = blocks.first else {
                Issue.record("no machine info")
                return
            }
            #expect(read == info)
        }
    }

    @Test(arguments: [ScapBlockType.interfaceList, .interfaceListInt, .interfaceListV2])
    func interfaceList(type: ScapBlockType) throws {
        var list = ScapSamples.interfaces
        list.blockType = type
        try Self.roundTrip({ try $0.writeInterfaceList(list) }) { _, blocks in
            guard case let .interfaceList(read)? = blocks.first else {
                Issue.record("no interface list")
                return
            }
            #expect(read == list)
        }
    }

    @Test(arguments: [ScapBlockType.userList, .userListInt, .userListV2])
    func userList(type: ScapBlockType) throws {
        var list = ScapSamples.users
        list.blockType = type
        try Self.roundTrip({ try $0.writeUserList(list) }) { _, blocks in
            guard case let .userList(read)? = blocks.first else {
                Issue.record("no user list")
                return
            }
            #expect(read == list)
        }
    }

    @Test(arguments: ScapBlockType.processListTypes)
    func processList(type: ScapBlockType) throws {
        let version = try #require(type.processListVersion)
        let threads = [ScapSamples.thread(100), ScapSamples.thread(101)]
        try Self.roundTrip({ try $0.writeProcessList(ProcessList(blockType: type, threads: threads)) }) { _, blocks in
            guard case let .processList(read)? = blocks.first else {
                Issue.record("no process list")
                return
            }
            #expect(read.blockType == type)
            #expect(read.threads == threads.map { ScapSamples.projected($0, version: version) })
        }
    }

    @Test func processListTails() throws {
        let threads = ScapSamples.tailedThreads
        try Self.roundTrip({ try $0.writeProcessList(ProcessList(threads: threads)) }) { _, blocks in
            guard case let .processList(read)? = blocks.first else {
                Issue.record("no process list")
                return
            }
            #expect(read.threads == threads)
            #expect(read.threads[1].legacyLoginUID == 1000)
            #expect(read.threads[3].legacyLoginUID == 0x2222)
            #expect(read.threads[3].legacyExeWritable == true)
            #expect(read.threads[0].legacyLoginUID == nil)
        }
    }

    @Test(arguments: [ScapBlockType.fdList, .fdListInt, .fdListV2])
    func fdList(type: ScapBlockType) throws {
        let list = FDList(blockType: type, tid: 1234, fds: ScapSamples.fds)
        var expected = list
        if type != .fdListV2 {
            // Only entry lengths say whether a file's device is there.
            expected.fds[2].details = .file(openFlags: 0x42, name: "/tmp/log", dev: nil)
        }
        try Self.roundTrip({ try $0.writeFDList(list) }) { _, blocks in
            guard case let .fdList(read)? = blocks.first else {
                Issue.record("no fd list")
                return
            }
            #expect(read == expected)
        }
    }

    @Test func fdOfUnknownTypeIsSkippedInVersion2() throws {
        let list = FDList(
            tid: 1,
            fds: [
                FDRecord(fd: 3, ino: 1, type: ScapFDType(rawValue: 99), details: .unknownType),
                FDRecord(fd: 4, ino: 2, type: .file, details: .name("/x")),
            ])
        try Self.roundTrip({ try $0.writeFDList(list) }) { _, blocks in
            guard case let .fdList(read)? = blocks.first else {
                Issue.record("no fd list")
                return
            }
            #expect(read == list)
        }
    }

    @Test func unknownBlock() throws {
        let block = UnknownBlock(blockType: ScapBlockType(rawValue: 0x300), body: [9, 8, 7, 6, 5, 4, 3, 2])
        try Self.roundTrip({
            try $0.writeUnknown(block); try $0.writeMachineInfo(ScapSamples.machine)
        }) { _, blocks in
            guard case let .unknown(read)? = blocks.first else {
                Issue.record("no unknown block")
                return
            }
            #expect(read == block)
            #expect(read.blockType.description == "0x300")
            guard case .machineInfo? = blocks.last else {
                Issue.record("reading stopped at the unknown block")
                return
            }
        }
    }

    @Test(arguments: ScapBlockType.eventTypes)
    func eventBlock(type: ScapBlockType) throws {
        let format = try #require(type.eventFormat)
        let bytes =
            format == .v2
            ? ScapSamples.event(type: 3, params: [Array("/etc/hosts\0".utf8), [1, 0, 0, 0], []])
            : ScapSamples.v1Event(type: 3, params: [Array("/etc/hosts\0".utf8), [1, 0, 0, 0], []])
        try Self.roundTrip({ writer in
            try bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 7, flags: 0x21, blockType: type) }
        }) { _, blocks in
            guard case let .event(event)? = blocks.first else {
                Issue.record("no event")
                return
            }
            #expect(event.blockType == type)
            #expect(event.cpu == 7)
            #expect(event.flags == (type.hasEventFlags ? 0x21 : nil))
            #expect(event.offset == 28)
            #expect(Array(event.bytes) == bytes)
            #expect(event.header.format == format)
            #expect(event.header.type == 3)
            #expect(event.header.nparams == 3)
            #expect(event.header.tid == (format == .v2 ? 42 : 43))
            let values = event.params.map { Array($0) }
            #expect(values == [Array("/etc/hosts\0".utf8), [1, 0, 0, 0], []])
            #expect(event.params.offset(2) == Int(event.header.len))
        }
    }

    @Test func largePayloadEventGrowsTheBuffer() throws {
        let payload = [UInt8]((0..<300_000).map { UInt8(truncatingIfNeeded: $0) })
        let bytes = ScapSamples.event(type: 322, params: [[1, 0, 0, 0], payload], large: true)
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/large.scap.gz"
        let writer = try ScapWriter(path: path, compression: .gzip(level: 1))
        try writer.writeSectionHeader()
        for cpu in 0..<3 {
            try bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: UInt16(cpu), blockType: .eventV2Large) }
        }
        try writer.close()
        let reader = try ScapReader(path: path, bufferSize: 1 << 16)
        _ = try reader.nextBlock()
        var count = 0
        while let block = try reader.nextBlock() {
            guard case let .event(event) = block else { continue }
            #expect(event.header.largeLengths)
            #expect(event.params.length(1) == payload.count)
            #expect(event.params[1].elementsEqual(payload))
            #expect(event.cpu == UInt16(count))
            count += 1
        }
        #expect(count == 3)
    }

    /// Many small blocks through a small buffer: blocks straddle every chunk boundary.
    @Test func manyBlocksThroughASmallBuffer() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/many.scap"
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        for index in 0..<20_000 {
            let value = [UInt8](repeating: UInt8(index % 251), count: index % 97)
            let bytes = ScapSamples.event(type: 5, ts: UInt64(index), params: [value, [1]])
            try bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0) }
        }
        try writer.close()
        let reader = try ScapReader(path: path, bufferSize: 1 << 16)
        var index = 0
        var offset: UInt64 = 28
        _ = try reader.nextBlock()
        while let block = try reader.nextBlock() {
            guard case let .event(event) = block else { continue }
            #expect(event.header.ts == UInt64(index))
            #expect(event.offset == offset)
            #expect(event.params.length(0) == index % 97)
            #expect(event.params[0].allSatisfy { $0 == UInt8(index % 251) })
            offset += UInt64(12 + ((2 + event.bytes.count + 3) & ~3))
            index += 1
        }
        #expect(index == 20_000)
        #expect(reader.offset == offset)
    }

    @Test func everythingInOneFile() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        for compression in [ScapWriter.Compression.none, .gzip(level: 9)] {
            let path = directory + "/all.scap"
            try ScapSamples.writeEverything(to: path, compression: compression)
            #expect(ScapTestSupport.mode(path) == 0o600)
            let summary = try ScapTestSupport.summarize(path)
            #expect(summary.events == 3)
            #expect(
                summary.blocks == [
                    "SHB 1.2": 1, "MI": 1, "IL_V2": 1, "UL_V2": 1, "PL_V9": 1, "FDL_V2": 1, "0x777": 1, "EV_V2": 1,
                    "EVF_V2": 1, "EV": 1,
                ])
        }
    }

    /// Converting between event layouts keeps the header and the parameters.
    @Test func eventLayoutConversion() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let source = directory + "/source.scap"
        let writer = try ScapWriter(path: source)
        try writer.writeSectionHeader()
        let v1 = ScapSamples.v1Event(type: 7, params: [[1, 2], [3, 4, 5]])
        try v1.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 1, flags: 9, blockType: .eventWithFlags) }
        let quirk = ScapSamples.v1Event(
            type: 280, params: [[1, 2, 3, 4, 5, 6, 7, 8], Array("hi\0".utf8)], extraLength: 3)
        try quirk.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 2, blockType: .event) }
        let v2 = ScapSamples.event(type: 8, params: [[9], [8, 7]])
        try v2.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 3) }
        try writer.close()

        let converted = directory + "/converted.scap"
        let reader = try ScapReader(path: source)
        let copier = try ScapWriter(path: converted)
        var originals: [(EventHeader, [[UInt8]], UInt32?)] = []
        while let block = try reader.nextBlock() {
            guard case let .event(event) = block else {
                try copier.write(block)
                continue
            }
            originals.append((event.header, event.params.map { Array($0) }, event.flags))
            try copier.writeEvent(event, as: event.header.format == .v1 ? .v2 : .v1)
        }
        try copier.close()
        #expect(originals.count == 3)
        #expect(originals[1].0.paramsEnd == originals[1].0.len - 3)
        #expect(originals[1].0.nparams == 2)

        let again = try ScapReader(path: converted)
        var index = 0
        while let block = try again.nextBlock() {
            guard case let .event(event) = block else { continue }
            let (header, params, flags) = originals[index]
            #expect(event.header.format != header.format)
            #expect(event.header.ts == header.ts)
            #expect(event.header.tid == header.tid)
            #expect(event.header.type == header.type)
            #expect(event.header.nparams == header.nparams)
            #expect(event.header.v2Length == header.v2Length)
            #expect(event.params.map { Array($0) } == params)
            #expect(event.flags == flags)
            index += 1
        }
        #expect(index == 3)
    }

    /// An event block may hold options after its event (as the capture with comments does).
    @Test func eventBlockWithTrailingOptions() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/options.scap"
        var sink = ByteSink()
        sink.append(UInt16(1))
        sink.append(bytes: ScapSamples.event(type: 5, params: [[1, 2, 3]]))
        sink.padToFour()
        sink.append(UInt16(1))
        sink.append(UInt16(7))
        sink.append(bytes: Array("comment".utf8))
        sink.padToFour()
        sink.append(UInt32(0))
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeUnknown(UnknownBlock(blockType: .eventV2, body: sink.bytes))
        try writer.close()
        let reader = try ScapReader(path: path)
        _ = try reader.nextBlock()
        guard case let .event(event)? = try reader.nextBlock() else {
            Issue.record("no event")
            return
        }
        #expect(event.params.map { Array($0) } == [[1, 2, 3]])
        #expect(event.bytes.count == Int(event.header.len))
    }

    @Test func writerRejectsWhatItCannotWrite() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let writer = try ScapWriter(path: directory + "/bad.scap")
        try writer.writeSectionHeader()
        let mismatched = FDList(tid: 1, fds: [FDRecord(fd: 1, type: .ipv4Socket, details: .name("x"))])
        #expect(throws: ScapError.self) { try writer.writeFDList(mismatched) }
        var badList = ScapSamples.users
        badList.blockType = .processListV1
        #expect(throws: ScapError.self) { try writer.writeUserList(badList) }
        var long = ScapSamples.thread(1)
        long.comm = ByteString([UInt8](repeating: 65, count: 70_000))
        do {
            try writer.writeProcessList(ProcessList(threads: [long]))
            Issue.record("a 70,000-byte comm was written")
        } catch {
            #expect(error.kind == .invalidRecord)
            #expect(error.description.contains("comm is 70000 bytes"))
        }
        #expect(throws: ScapError.self) {
            try [UInt8](repeating: 0, count: 26).withUnsafeBytes {
                try writer.writeEvent(bytes: $0, cpu: 0, blockType: .machineInfo)
            }
        }
        let unknownV1 = FDList(
            blockType: .fdList, tid: 1, fds: [FDRecord(fd: 1, type: ScapFDType(rawValue: 99), details: .unknownType)])
        #expect(throws: ScapError.self) { try writer.writeFDList(unknownV1) }
        // The failed blocks left nothing behind: the file still reads.
        try writer.writeMachineInfo(ScapSamples.machine)
        try writer.close()
        try writer.close()
        let summary = try ScapTestSupport.summarize(directory + "/bad.scap")
        #expect(summary.blocks == ["SHB 1.2": 1, "MI": 1])
    }
}
