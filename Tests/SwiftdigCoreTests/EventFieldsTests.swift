// SPDX-License-Identifier: Apache-2.0
import Foundation
@testable import SwiftdigCore
import Testing

/// The event field classes (`evt.*`, `syslog.*`, `util.*`, `span.*`, `evtin.*`) against sysdig's
/// `-p` output, line by line, on the shared captures; and their parsing and text forms.
@Suite struct EventFieldsComparisonTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]
    static let sysdigPath = SharedCaptures.sysdig
    static let sysdigAvailable = FileManager.default.isExecutableFile(atPath: sysdigPath)

    /// Format strings covering every field of the classes, with argument forms.
    static let formats: [String] = [
        // All event types.
        "*%evt.num|%evt.time|%evt.time.s|%evt.time.iso8601|%evt.datetime|%evt.datetime.s|%evt.rawtime|%evt.rawtime.s"
            + "|%evt.rawtime.ns|%evt.reltime|%evt.reltime.s|%evt.reltime.ns|%evt.pluginname|%evt.plugininfo|%util.cnt",
        // Times, types, categories.
        "*%evt.num|%evt.latency|%evt.latency.s|%evt.latency.ns|%evt.latency.quantized|%evt.latency.human"
            + "|%evt.deltatime|%evt.deltatime.s|%evt.deltatime.ns|%evt.outputtime|%evt.dir|%evt.type|%syscall.type"
            + "|%evt.category|%evt.cpu|%evt.wait_latency|%evt.is_wait",
        // Arguments.
        "*%evt.num|%evt.args|%evt.info|%evt.arg[0]|%evt.arg[1]|%evt.arg[4]|%evt.arg[-1]|%evt.arg.fd|%evt.arg.res"
            + "|%evt.arg.name|%evt.arg.data|%evt.arg.tuple|%evt.arg.flags|%evt.arg.addr|%evt.rawarg.res"
            + "|%evt.rawarg.name|%evt.rawarg.size|%evt.rawarg.data|%evt.buffer|%evt.buflen",
        // Results and counts.
        "*%evt.num|%evt.res|%evt.rawres|%evt.failed|%evt.is_io|%evt.is_io_read|%evt.is_io_write|%evt.io_dir"
            + "|%evt.is_syslog|%evt.count|%evt.count.error|%evt.count.error.file|%evt.count.error.net"
            + "|%evt.count.error.memory|%evt.count.error.other|%evt.count.exit|%evt.count.procinfo"
            + "|%evt.count.threadinfo",
        // Paths, buffer lengths, opens, docker events.
        "*%evt.num|%evt.abspath|%evt.abspath.src|%evt.abspath.dst|%evt.buflen.in|%evt.buflen.out|%evt.buflen.file"
            + "|%evt.buflen.file.in|%evt.buflen.file.out|%evt.buflen.net|%evt.buflen.net.in|%evt.buflen.net.out"
            + "|%evt.is_open_read|%evt.is_open_write|%evt.is_open_exec|%evt.infra.docker.name"
            + "|%evt.infra.docker.container.id|%evt.infra.docker.container.name|%evt.infra.docker.container.image",
        // Syslog, spans.
        "*%evt.num|%syslog.facility.str|%syslog.facility|%syslog.severity.str|%syslog.severity|%syslog.message"
            + "|%span.id|%span.time|%span.ntags|%span.nargs|%span.tags|%span.tag[1]|%span.args|%span.arg[0]"
            + "|%span.enterargs|%span.enterarg[0]|%span.duration|%span.duration.quantized|%span.duration.human"
            + "|%span.duration.fortag[1]|%span.count|%span.count.fortag[1]|%span.childcount.fortag[1]"
            + "|%span.idtag[1]|%span.rawtime|%span.rawparenttime|%evtin.span.id|%evtin.span.ntags"
            + "|%evtin.span.nargs|%evtin.span.tags|%evtin.span.tag[0]|%evtin.span.args|%evtin.span.arg.fd"
            + "|%evtin.span.p.id|%evtin.span.p.tag[0]|%evtin.span.s.arg[1]|%evtin.span.m.tags|%span.arg.x",
        // A name taking the whole rest: in the middle it matches nothing and takes no characters.
        "*%evt.num|%evt.type.is.open|%evt.type.is.3",
        "*%evt.num %evt.type %evt.type.is.openat",
        "*%evt.num %evt.type %evt.type.is.5",
        // Required values: events without a latency bucket or a result are left out.
        "%evt.num %evt.latency.quantized %evt.res %evt.arg.fdx",
        // Column widths.
        "*%evt.num %8evt.type %3evt.args",
        // Filter-only, but parsed by the class itself: prints <NA>.
        "*%evt.num %evt.around[123] x",
    ]

    /// Display variants that change how these fields print.
    static let variants: [(name: String, flags: [String], set: @Sendable (inout TextDump.Options) -> Void)] = [
        ("default", [], { _ in }),
        ("ascii", ["-A"], { $0.bufferFormat = .ascii }),
        ("hex", ["-x"], { $0.bufferFormat = .hex }),
        ("time_abs", ["-t", "a"], { $0.timeFormat = .absolute }),
        ("time_rel", ["-t", "r"], { $0.timeFormat = .relative }),
        ("time_lat", ["-t", "d"], { $0.timeFormat = .latency }),
        ("time_delta", ["-t", "D"], { $0.timeFormat = .delta }),
        ("verbose", ["-v"], { $0.maxBufferLength = 0 }),
    ]

    /// The shared captures and ours (`ours`).
    static let allCaptures = captures + ["ours"]
    static let cases: [String] = allCaptures.flatMap { c in formats.indices.map { "\(c)#\($0)" } }
    static let variantCases: [String] = allCaptures.flatMap { c in variants.map { "\(c)#\($0.name)" } }

    @Test(arguments: cases)
    func formatMatchesSysdig(_ name: String) throws {
        let parts = name.split(separator: "#")
        try compare(capture: String(parts[0]), format: Self.formats[Int(parts[1])!], variant: Self.variants[0])
    }

    @Test(arguments: variantCases)
    func displayOptionsMatchSysdig(_ name: String) throws {
        let parts = name.split(separator: "#")
        let variant = Self.variants.first { $0.name == parts[1] }!
        let format = "*%evt.num|%evt.outputtime|%evt.args|%evt.buffer|%evt.arg.data|%evt.deltatime|%evt.latency"
        try compare(capture: String(parts[0]), format: format, variant: variant)
    }

    /// Filters on the event fields (values as filters see them: raw buffers, typed raw arguments,
    /// `evt.type.is` as a number, `evt.around` around a time).
    static let filters: [String] = [
        "evt.type.is.open=1", "evt.type.is.3=1 or evt.type.is.write=1", "evt.rawarg.size>100",
        "evt.rawarg.res<0", "evt.rawarg.name contains etc", "evt.buffer contains google",
        "evt.arg.fd=3", "evt.arg[0]=3", "evt.arg.name=/etc/ld.so.cache", "evt.res=SUCCESS and evt.dir=<",
        "evt.res=ENOENT", "evt.rawres>=0", "evt.latency>10000", "evt.latency.s=0 and evt.latency.ns>5000",
        "evt.category=net", "evt.category in (file, memory)", "evt.count.error=1", "evt.count.error.file=1",
        "evt.count.exit=1", "evt.buflen>100", "evt.buflen.net.in>0", "evt.is_wait=true", "evt.wait_latency>0",
        "evt.io_dir=read", "syscall.type=read", "evt.cpu=1", "evt.info contains ENOENT", "evt.args contains fd=3",
        "evt.around[1534527348514670468]=1", "evt.around[1600000000124691356]=2", "evt.abspath contains dir",
        "evt.is_open_exec=true", "syslog.severity=5", "syslog.facility.str=user", "evt.info contains syslog", "evt.num>100 and evt.num<120",
        "evt.rawtime.s>0 and evt.reltime<1000000", "evt.time contains :48.", "evt.deltatime>1000000",
        "util.cnt>5", "span.id exists", "evtin.span.id=1",
    ]

    static let filterCases: [String] = allCaptures.flatMap { c in filters.indices.map { "\(c)#\($0)" } }

    @Test(arguments: filterCases)
    func filterMatchesSysdig(_ name: String) throws {
        let parts = name.split(separator: "#")
        let filter = Self.filters[Int(parts[1])!]
        try compare(capture: String(parts[0]), format: nil, filter: filter, variant: Self.variants[0])
    }

    /// `-j` output of the fields: the times print as numbers; the deltas as sysdig's second extraction.
    static let jsonFormats: [String] = [
        "*%evt.num %evt.time %evt.time.s %evt.time.iso8601 %evt.datetime %evt.datetime.s %evt.rawtime %evt.rawtime.s"
            + " %evt.rawtime.ns %evt.reltime %evt.reltime.s %evt.reltime.ns %evt.pluginname",
        "*%evt.latency %evt.latency.s %evt.latency.ns %evt.latency.quantized %evt.latency.human %evt.outputtime"
            + " %evt.dir %evt.type %evt.cpu %evt.count %evt.rawres %evt.failed %evt.buflen %evt.type.is.open"
            + " %evt.wait_latency %evt.count.exit %evt.is_open_read %evt.deltatime %evt.deltatime.s %evt.deltatime.ns",
        "*%evt.args %evt.info %evt.arg.fd %evt.buffer %evt.res %evt.category %syslog.facility %syslog.message"
            + " %evt.abspath %evt.is_io %span.id %evtin.span.tags",
        "%evt.num %evt.type %evt.latency.quantized %evt.deltatime",
    ]

    static let jsonCases: [String] = allCaptures.flatMap { c in jsonFormats.indices.map { "\(c)#\($0)" } }

    @Test(arguments: jsonCases)
    func jsonMatchesSysdig(_ name: String) throws {
        let parts = name.split(separator: "#")
        let json: (name: String, flags: [String], set: @Sendable (inout TextDump.Options) -> Void) =
            ("json", ["-j"], { $0.json = true; $0.bufferFormat = .json })
        try compare(capture: String(parts[0]), format: Self.jsonFormats[Int(parts[1])!], variant: json)
    }

    /// The default line on our capture: its `evt.info` decodes syslog writes as the field does.
    @Test func defaultLineMatchesSysdig() throws {
        try compare(capture: "ours", format: nil, variant: Self.variants[0])
    }

    /// Runs sysdig and swiftdig with `format` (`nil`: the default line) on `capture` and compares
    /// their lines.
    private func compare(
        capture: String, format: String?, filter: String? = nil,
        variant: (name: String, flags: [String], set: @Sendable (inout TextDump.Options) -> Void)
    ) throws {
        let dir = SharedCaptures.directory
        if dir == nil && capture != "ours" {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            print(SharedCaptures.absentReason)
            return
        }
        guard Self.sysdigAvailable else {
            #expect(!SharedCaptures.inCI, "\(Self.sysdigPath) is missing: cannot compare the event fields")
            print("\(Self.sysdigPath) is not installed: skipping the comparison of the event fields with sysdig")
            return
        }
        let path = capture == "ours" ? EventFieldsCapture.path : "\(dir ?? "")/\(capture).scap"
        let theirs = try Self.runSysdig(
            ["-r", path] + variant.flags + (format.map { ["-p", $0] } ?? []) + (filter.map { [$0] } ?? []))
        var options = TextDump.Options()
        options.format = format
        if let filter { options.filter = try Filter(compiling: filter) }
        variant.set(&options)
        let ours = try Self.runOurs(path, options)
        let a = ours.split(separator: "\n", omittingEmptySubsequences: false)
        let b = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        if let diff = zip(a, b).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("\(capture) \(variant.name) \(format ?? "default") \(filter ?? "")\nline \(diff.offset + 1):\n ours:   \(diff.element.0)\n sysdig: \(diff.element.1)")
        } else {
            #expect(a.count == b.count, "\(capture) \(variant.name) \(format ?? "default") \(filter ?? ""): \(a.count) lines, sysdig \(b.count)")
        }
    }

    /// sysdig's output in UTC.
    static func runSysdig(_ arguments: [String]) throws -> String {
        // Single quotes keep the format strings' `*`, `|` and `%` from the shell.
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let result = ScapTestSupport.shell("TZ=UTC \(sysdigPath) \(quoted.joined(separator: " ")) 2>/dev/null")
        return String(decoding: result.output, as: UTF8.self)
    }

    /// swiftdig's output for `options`.
    static func runOurs(_ path: String, _ options: TextDump.Options) throws -> String {
        var options = options
        let outPath = "/tmp/swiftdig-evtfields-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).out"
        let fd = open(outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { unlink(outPath) }
        options.outputFD = fd
        try TextDump.run(path: path, options: options)
        close(fd)
        return String(decoding: SharedCaptures.read(outPath) ?? [], as: UTF8.self)
    }
}

/// A capture of our own, written with ``ScapWriter``, holding the events the shared captures lack:
/// paths relative to directory fds, opens that create executables, syslog writes, generic events,
/// errors of every kind. sysdig reads it too, so the comparison covers those fields.
enum EventFieldsCapture {
    /// The folder holding the capture, removed when the test process ends.
    static let directory: String = {
        let directory = ScapTestSupport.temporaryDirectory()
        atexit { ScapTestSupport.remove(EventFieldsCapture.directory) }
        return directory
    }()

    /// The capture's path, written once per test process.
    static let path: String = {
        let path = directory + "/event-fields.scap"
        do { try write(to: path) } catch { Issue.record("cannot write \(path): \(error)") }
        return path
    }()

    static func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    static func fd(_ v: Int64) -> [UInt8] { le(v) }
    static func str(_ s: String) -> [UInt8] { Array(s.utf8) + [0] }
    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// Enter and exit pairs (an empty enter list writes the exit alone).
    static let events: [(type: UInt16, params: [[UInt8]])] = [
        // openat with a directory fd, a relative path with `..`, O_RDONLY|O_CREAT, mode 0755.
        (306, [fd(3), str("a/../b.txt"), le(UInt32(5)), le(UInt32(0o755))]),
        (307, [fd(7), fd(3), str("a/../b.txt"), le(UInt32(5)), le(UInt32(0o755)), le(UInt32(0))]),
        // openat from the working directory, O_WRONLY|O_CREAT, mode 0644.
        (306, [fd(-100), str("x/./y"), le(UInt32(6)), le(UInt32(0o644))]),
        (307, [fd(8), fd(-100), str("x/./y"), le(UInt32(6)), le(UInt32(0o644)), le(UInt32(0))]),
        // An absolute path with an unknown directory fd; O_RDWR|O_TMPFILE with an execute bit.
        (306, [fd(99), str("/etc/passwd"), le(UInt32(3 | 1 << 13)), le(UInt32(0o711))]),
        (307, [fd(-2), fd(99), str("/etc/passwd"), le(UInt32(3 | 1 << 13)), le(UInt32(0o711)), le(UInt32(0))]),
        (318, []),
        (319, [le(Int64(0)), fd(3), str("old"), fd(99), str("new/"), le(UInt32(0))]),
        (302, []),
        (303, [le(Int64(-2)), fd(3), str("gone")]),
        (304, []),
        (305, [le(Int64(0)), fd(-100), str("newdir/"), le(UInt32(0o755))]),
        (58, [str("c.sh"), le(UInt32(0o700))]),
        (59, [fd(9), str("c.sh"), le(UInt32(0o700)), le(UInt32(0))]),
        (58, [str("d.txt"), le(UInt32(0o644))]),
        (59, [fd(-13), str("d.txt"), le(UInt32(0o644)), le(UInt32(0))]),
        // Syslog writes: a message, a malformed priority, an out-of-range facility with a NUL inside.
        (8, [fd(5), le(UInt32(16))]),
        (9, [le(Int64(16)), bytes("<13>hello syslog")]),
        (8, [fd(5), le(UInt32(6))]),
        (9, [le(Int64(6)), bytes("<abc>x")]),
        (8, [fd(5), le(UInt32(10))]),
        (9, [le(Int64(10)), bytes("<255>bye\0z")]),
        (8, [fd(5), le(UInt32(10))]),
        (9, [le(Int64(-32)), bytes("")]),
        // A file read, a failed open, a failed munmap, a failed generic call.
        (6, [fd(6), le(UInt32(100))]),
        (7, [le(Int64(10)), bytes("0123456789")]),
        (2, [str("/nope"), le(UInt32(1)), le(UInt32(0))]),
        (3, [fd(-2), str("/nope"), le(UInt32(1)), le(UInt32(0)), le(UInt32(0))]),
        (164, [le(UInt64(0x1000)), le(UInt64(4096))]),
        (165, [le(Int64(-12)), le(UInt32(0)), le(UInt32(0))]),
        (0, [le(UInt16(3)), le(UInt16(0))]),
        (1, [le(UInt16(3)), le(UInt16(0))]),
        (180, []),
        (181, [le(Int64(0)), str("target"), fd(3), str("link")]),
        (310, []),
        (311, [le(Int64(0)), fd(3), str("o"), fd(-100), str("n"), le(UInt32(0))]),
        (312, []),
        (313, [le(Int64(-1)), fd(10), str("f"), le(UInt32(0o755))]),
        (286, [str("docker"), str("container"), str("Event: start; ID: 0123456789abcdef0123; name: web; Image: nginx@sha256:abc")]),
    ]

    static func write(to path: String) throws {
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeMachineInfo(ScapSamples.machine)
        try writer.writeInterfaceList(ScapSamples.interfaces)
        try writer.writeUserList(ScapSamples.users)
        try writer.writeProcessList(ProcessList(threads: [ScapSamples.thread(42)]))
        try writer.writeFDList(
            FDList(
                tid: 42,
                fds: [
                    FDRecord(fd: 3, ino: 1, type: .directory, details: .name("/tmp/dir")),
                    FDRecord(fd: 5, ino: 2, type: .unixSocket, details: .unixSocket(source: 1, destination: 2, name: "/dev/log")),
                    FDRecord(fd: 6, ino: 3, type: .file, details: .name("/var/log/x")),
                ]))
        var ts: UInt64 = 1_600_000_000_123_456_789
        for (type, params) in events {
            let bytes = ScapSamples.event(type: type, ts: ts, tid: 42, params: params)
            try bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 1) }
            ts += 1_234_567
        }
        try writer.close()
    }
}

/// The event fields' parsing, errors and text forms, and values on our capture, without sysdig.
@Suite struct EventFieldsUnitTests {
    /// Binds `text` as a format string would (the field may be followed by more text).
    func bind(_ text: String) throws -> (field: BoundField, length: Int)? {
        try FieldCatalog.bind(Substring(text), exact: false, forFiltering: true)
    }

    /// The message of the error binding `text` throws, or `nil`.
    func bindError(_ text: String) -> String? {
        do {
            _ = try bind(text)
            return nil
        } catch {
            return (error as? FieldError)?.message ?? "\(error)"
        }
    }

    @Test func argumentForms() throws {
        #expect(try bind("evt.arg.fd|x")?.length == "evt.arg.fd".count)
        #expect(try bind("evt.arg.fdx")?.field.argument == "fd")  // the longest parameter name wins
        #expect(try bind("evt.arg[12]|x")?.length == "evt.arg[12]".count)
        #expect(try bind("evt.arg[3")?.length == 0)  // no `]`: libsinsp takes nothing
        #expect(try bind("evt.rawarg.res")?.field.type == .errno)
        #expect(try bind("evt.rawarg.size")?.field.type == .uint32)
        #expect(try bind("evt.args")?.field.definition.name == "evt.args")
        #expect(try bind("evt.abspath.dst x")?.length == "evt.abspath.dst".count)
        #expect(try bind("evt.abspath x")?.length == "evt.abspath".count)
        #expect(try bind("evt.type.is.open")?.length == "evt.type.is.open".count)
        #expect(try bind("evt.type.is.open x")?.length == 0)  // the whole rest must be a name
        #expect(try bind("evt.type.is.3 x")?.length == 0)
        #expect(try bind("evt.around[1404996934793590564]")?.field.argument == "1404996934793590564")
        #expect(try bind("span.arg.foo bar")?.length == "span.arg.foo bar".count)
        #expect(try bind("span.tag[-1]")?.field.argument == "-1")
        #expect(try bind("evtin.span.p.arg.fd")?.field.argument == "fd")
        #expect(try bind("evtin.span.tags")?.field.definition.name == "evtin.span.tags")
        #expect(try bind("util.cnt")?.field.definition.name == "util.cnt")
        #expect(try bind("evt.latency.human")?.field.definition.name == "evt.latency.human")
    }

    @Test func bindErrors() {
        #expect(bindError("evt.arg") == "filter syntax error: evt.arg")
        #expect(bindError("evt.arg.nosuchparam") == "unknown event argument nosuchparam")
        #expect(bindError("evt.arg[x]") == "x is not a valid number")
        #expect(bindError("evt.rawarg[0]") == "evt.arg fields must be expressed explicitly")
        #expect(bindError("evt.around.x") == "wrong syntax for evt.around")
        #expect(bindError("evt.type.is") == "filter syntax error: evt.type.is")
        #expect(bindError("span.tag.x") == "invalid syntax for span.tag")
        #expect(bindError("span.idtag.x") == "invalid syntax for span.idtag")
        #expect(bindError("evtin.span.arg.zzz") == "unknown event argument zzz")
    }

    @Test func argumentNumbers() throws {
        #expect(try FieldArgumentNumber.signed32(" -12") == -12)
        #expect(try FieldArgumentNumber.signed32("4294967297") == 1)  // a long stored in an int
        #expect(try FieldArgumentNumber.unsigned64("-1") == UInt64.max)
        #expect(throws: FieldError.self) { try FieldArgumentNumber.signed32("12x") }
        #expect(throws: FieldError.self) { try FieldArgumentNumber.signed32("") }
    }

    @Test func timeTexts() {
        func text(_ write: (inout OutputBuffer) -> Void) -> String {
            var out = OutputBuffer(capacity: 64)
            write(&out)
            return String(decoding: out.bytes, as: UTF8.self)
        }
        #expect(text { $0.appendDate(0) } == "1970-01-01")
        #expect(text { $0.appendDate(951_782_400 * 1_000_000_000) } == "2000-02-29")
        #expect(text { $0.appendISO8601(1_534_527_348_514_632_619) } == "2018-08-17T17:35:48.514632619+0000")
        #expect(text { $0.appendHumanDuration(0) } == "0ns")
        #expect(text { $0.appendHumanDuration(835) } == "835ns")
        #expect(text { $0.appendHumanDuration(3_430) } == "3.43us")
        #expect(text { $0.appendHumanDuration(12_345) } == "12us")
        #expect(text { $0.appendHumanDuration(2_500_000) } == "2.50ms")
        #expect(text { $0.appendHumanDuration(250_000_000) } == "250ms")
        #expect(text { $0.appendHumanDuration(3_250_000_000) } == "3.25s")
        #expect(text { $0.appendHumanDuration(123_000_000_000) } == "2:3")
        #expect(text { $0.appendHumanDuration(3_723_000_000_000) } == "01:02:03")
        #expect(EventFields.quantized(835) == 1)
        #expect(EventFields.quantized(100_000_000_000) == 0)
    }

    /// Values of fields on our capture, one line per event, as `-p` would print them.
    static func lines(_ format: String) throws -> [String] {
        var options = TextDump.Options()
        options.format = format
        return try EventFieldsComparisonTests.runOurs(EventFieldsCapture.path, options)
            .split(separator: "\n").map(String.init)
    }

    @Test func valuesOnOurCapture() throws {
        let paths = try Self.lines("%evt.num %evt.abspath %evt.abspath.dst")
        #expect(paths.contains("2 /tmp/dir/b.txt /tmp/dir/b.txt"))
        #expect(paths.contains("8 /tmp/dir/old <UNKNOWN>/new"))
        #expect(paths.contains("12 /home/dev/newdir /home/dev/newdir"))
        let opens = try Self.lines("%evt.num %evt.is_open_read %evt.is_open_write %evt.is_open_exec")
        #expect(opens.contains("2 true false true"))
        #expect(opens.contains("14 false false true"))
        let syslog = try Self.lines("%evt.num %syslog.facility.str %syslog.severity.str %syslog.message %evt.info")
        #expect(syslog == ["18 user notice hello syslog syslog sev=notice msg=hello syslog", "22 <NA> debug bye syslog sev=debug msg=bye"])
        let errors = try Self.lines("%evt.num %evt.res %evt.rawres %evt.count.error.memory")
        #expect(errors == ["30 ENOMEM -12 1"])
        let generic = try Self.lines("%evt.num %evt.type %syscall.type %evt.category [%evt.args]")
        #expect(generic.contains("31 read read unknown []"))
        let counters = try Self.lines("%util.cnt %evt.deltatime")
        #expect(counters.prefix(2) == ["1 0", "2 1234567"])
    }
}
