// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// Files written by ``ScapWriter`` read back by Debian's sysdig 0.29.3 exactly like the originals.
@Suite struct ScapSysdigTests {
    static let sysdig = SharedCaptures.sysdig

    /// The output formats compared: the default one, and one that shows the thread, fd and user
    /// tables loaded from the metadata blocks.
    static let formats = [
        "",
        "-p'*%evt.num %proc.name %proc.pid %proc.ppid %proc.exe %proc.args %proc.cwd %proc.vpid %fd.name %fd.type "
            + "%user.name %user.homedir %group.name %proc.loginshellid %thread.vmsize %thread.exectime %container.id'",
    ]

    /// Whether sysdig can be run; when not, says why, and fails instead under CI.
    static func sysdigAvailable() -> Bool {
        if access(sysdig, X_OK) == 0 { return true }
        let reason = "\(sysdig) is not installed (apt-get install sysdig)"
        if let ci = getenv("CI"), String(cString: ci) == "true" {
            Issue.record("CI=true but \(reason)")
        } else {
            print("skipping: \(reason)")
        }
        return false
    }

    /// sysdig's output for `path` in `format`.
    static func sysdigOutput(_ path: String, _ format: String) -> [UInt8] {
        let result = ScapTestSupport.shell("cd /tmp && TZ=UTC \(sysdig) -r '\(path)' \(format) 2>&1")
        #expect(
            result.status == 0,
            "sysdig failed on \(path): \(String(decoding: result.output.suffix(300), as: UTF8.self))")
        return result.output
    }

    /// Copies `source` to `destination`, passing every block through `transform` (nil drops it).
    static func copy(
        _ source: String, to destination: String, compression: ScapWriter.Compression,
        eventFormat: EventFormat? = nil, transform: (ScapBlock) -> ScapBlock? = { $0 }
    ) throws {
        let reader = try ScapReader(path: source)
        let writer = try ScapWriter(path: destination, compression: compression)
        while let block = try reader.nextBlock() {
            guard let block = transform(block) else { continue }
            if case let .event(event) = block {
                try writer.writeEvent(event, as: eventFormat)
            } else {
                try writer.write(block)
            }
        }
        try writer.close()
    }

    /// Rewrites metadata blocks in the versions sysdig 0.29.3 writes.
    static func modernize(_ block: ScapBlock) -> ScapBlock? {
        switch block {
        case var .interfaceList(list):
            list.blockType = .interfaceListV2
            return .interfaceList(list)
        case var .userList(list):
            list.blockType = .userListV2
            return .userList(list)
        case var .processList(list):
            list.blockType = .processListV9
            return .processList(list)
        case var .fdList(list):
            list.blockType = .fdListV2
            return .fdList(list)
        case var .sectionHeader(header):
            header.options = []
            return .sectionHeader(header)
        default:
            return block
        }
    }

    @Test(arguments: ["curl_google.scap", "single_ipv6_conn.scap", "test_ipv6_client.scap"])
    func copiesReadTheSame(name: String) throws {
        guard Self.sysdigAvailable(), let source = ScapTestSupport.capture(name) else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let plain = directory + "/plain.scap"
        let gzip = directory + "/gzip.scap"
        let modern = directory + "/modern.scap"
        try Self.copy(source, to: plain, compression: .none)
        try Self.copy(source, to: gzip, compression: .gzip())
        try Self.copy(source, to: modern, compression: .gzip(level: 1), eventFormat: .v2, transform: Self.modernize)
        #expect(ScapTestSupport.mode(plain) == 0o600)
        for format in Self.formats {
            let expected = Self.sysdigOutput(source, format)
            #expect(expected.count > 1000)
            #expect(Self.sysdigOutput(plain, format) == expected, "plain copy of \(name) \(format)")
            #expect(Self.sysdigOutput(gzip, format) == expected, "gzip copy of \(name) \(format)")
            #expect(Self.sysdigOutput(modern, format) == expected, "0.29.3-style copy of \(name) \(format)")
        }
        // The plain copy of a plain-able file is byte for byte the uncompressed original.
        let reread = try ScapTestSupport.summarize(plain)
        #expect(reread == (try ScapTestSupport.summarize(source)))
    }

    /// sysdig 0.29.3 cannot read the capture with comments, but can once the writer drops them.
    @Test func commentsDropped() throws {
        guard Self.sysdigAvailable(), let source = ScapTestSupport.capture("curl_google_comments.scap"),
            let original = ScapTestSupport.capture("curl_google.scap")
        else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let copy = directory + "/uncommented.scap"
        try Self.copy(source, to: copy, compression: .none, transform: Self.modernize)
        for format in Self.formats {
            #expect(Self.sysdigOutput(copy, format) == Self.sysdigOutput(original, format))
        }
    }

    /// Events of codes sysdig 0.29.3 does not know (336 and up) are skipped by its libscap as if
    /// absent: no number, no count, no effect. Ours must print the same for such a capture.
    @Test func newerEventsSkipped() throws {
        guard Self.sysdigAvailable(), let source = ScapTestSupport.capture("single_ipv6_conn.scap") else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let v2 = directory + "/v2.scap"
        let mixed = directory + "/mixed.scap"
        try Self.copy(source, to: v2, compression: .none, eventFormat: .v2)
        let reader = try ScapReader(path: v2)
        let writer = try ScapWriter(path: mixed)
        var index = 0
        while let block = try reader.nextBlock() {
            guard case let .event(event) = block else {
                try writer.write(block)
                continue
            }
            try writer.writeEvent(event)
            index += 1
            guard index % 5 == 0 else { continue }
            // A copy of the event under a newer code: one our schema knows, one nobody does, whose
            // parameter count is also impossible (libscap does not look at it).
            for code: UInt16 in [340, 600] {
                var bytes = Array(event.bytes)
                bytes.withUnsafeMutableBytes {
                    $0.storeBytes(of: code.littleEndian, toByteOffset: 20, as: UInt16.self)
                    if code == 600 { $0.storeBytes(of: UInt32(5000).littleEndian, toByteOffset: 22, as: UInt32.self) }
                }
                try bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: event.cpu, blockType: .eventV2) }
            }
        }
        try writer.close()
        for (format, options) in [("", TextDump.Options()), ("-q -S", Self.summaryOptions)] {
            let expected = Self.sysdigOutput(source, format)
            #expect(Self.sysdigOutput(mixed, format) == expected, "sysdig \(format) no longer skips them")
            #expect(try Self.textDump(mixed, options) == expected, "swiftdig \(format)")
        }
    }

    static let summaryOptions: TextDump.Options = {
        var o = TextDump.Options()
        o.quiet = true
        o.summary = true
        return o
    }()

    /// What ``TextDump`` prints for `path`.
    static func textDump(_ path: String, _ options: TextDump.Options) throws -> [UInt8] {
        let outPath = path + ".out"
        var options = options
        options.outputFD = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(options.outputFD) }
        try TextDump.run(path: path, options: options)
        return ScapTestSupport.read(outPath)
    }
}
