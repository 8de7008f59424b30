// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// Tracers (`span.*`, `evtin.*`, `tracer` events) on synthetic captures, against sysdig 0.29.3.
@Suite struct TracerTests {
    /// Runs sysdig and swiftdig with `arguments` on `path`; returns both outputs (stdout and stderr).
    static func outputs(_ path: String, _ arguments: String) -> (sysdig: String, ours: String)? {
        guard let (sysdig, ours) = rawOutputs(path, arguments) else { return nil }
        return (String(decoding: sysdig, as: UTF8.self), String(decoding: ours, as: UTF8.self))
    }

    /// The bytes sysdig and swiftdig print with `arguments` on `path` (stdout and stderr).
    static func rawOutputs(_ path: String, _ arguments: String) -> (sysdig: [UInt8], ours: [UInt8])? {
        guard let exe = RunnerTests.executable, FieldComparison.sysdigAvailable() else { return nil }
        let sysdig = ScapTestSupport.shell("cd /tmp && TZ=UTC \(SharedCaptures.sysdig) -r '\(path)' \(arguments) 2>&1")
        let ours = ScapTestSupport.shell("cd /tmp && TZ=UTC '\(exe)' -r '\(path)' \(arguments) 2>&1")
        return (sysdig.output, ours.output)
    }

    /// Expects the same output from both for each of `runs` on the capture of `script`.
    static func expectSame(_ runs: [String], script: [TracerCapture.Step] = TracerCapture.script) throws {
        try expectSame(runs) { try TracerCapture.write(to: $0, script: script) }
    }

    /// Expects the same output from both for each of `runs` on the capture `write` makes; `unordered`
    /// compares the lines after the first two as a set (rows sysdig lists in hash order).
    static func expectSame(_ runs: [String], unordered: Bool = false, capture write: (String) throws -> Void) throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/capture.scap"
        try write(path)
        for arguments in runs {
            guard let (sysdig, ours) = outputs(path, arguments) else { return }
            #expect(!sysdig.isEmpty, "sysdig printed nothing for \(arguments)")
            if unordered, sysdig != ours {
                let a = sysdig.split(separator: "\n"), b = ours.split(separator: "\n")
                #expect(a.prefix(2) == b.prefix(2) && a.dropFirst(2).sorted() == b.dropFirst(2).sorted(),
                    "\(arguments):\nsysdig:\n\(sysdig)\nours:\n\(ours)")
            } else if sysdig != ours {
                let a = sysdig.split(separator: "\n", omittingEmptySubsequences: false)
                let b = ours.split(separator: "\n", omittingEmptySubsequences: false)
                let first = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
                Issue.record(
                    """
                    \(arguments): outputs differ at line \(first + 1) (sysdig \(a.count) lines, ours \(b.count))
                    sysdig: \(first < a.count ? a[first] : "<end>")
                    ours:   \(first < b.count ? b[first] : "<end>")
                    """)
            }
        }
    }

    /// The `span` fields, each argument form, with and without span tracking.
    @Test func spanFields() throws {
        try Self.expectSame([
            "",
            "-p '*%evt.num %span.id %span.ntags %span.tags %span.tag[0] %span.tag[-1] %span.tag[5] %span.count %span.count.fortag[0] %span.childcount.fortag[0] %span.nargs'",
            "-p '*%evt.num %span.tags %span.idtag[-1] %span.idtag[1] %span.duration.fortag[0] %span.count.fortag[1] %span.childcount.fortag[1] %span.arg.k=x %span.enterarg.q'",
            "-p '*%evt.num %span.id %span.nargs %span.args %span.arg[0] %span.arg.a %span.arg[-1] %span.enterargs %span.enterarg[0]'",
            "-p '*%evt.num %span.duration %span.duration.human %span.duration.quantized %span.duration.fortag[1] %span.time %span.rawtime %span.rawparenttime'",
            "-p '*%evt.num %fd.name %evt.args %evt.latency %thread.tid' -j",
        ])
    }

    /// The `evtin` fields of every scope, as output and in filters.
    @Test func spanInFields() throws {
        try Self.expectSame([
            "-p '*%evt.num %evtin.span.id %evtin.span.ntags %evtin.span.nargs %evtin.span.tags %evtin.span.tag[0] %evtin.span.args %evtin.span.arg[0] %evtin.span.arg.fd %evtin.span.tag[-1]'",
            "-p '*%evt.num %evtin.span.p.id %evtin.span.p.ntags %evtin.span.p.nargs %evtin.span.p.tags %evtin.span.p.tag[0] %evtin.span.p.args %evtin.span.p.arg[0]'",
            "-p '*%evt.num %evtin.span.s.id %evtin.span.s.ntags %evtin.span.s.nargs %evtin.span.s.tags %evtin.span.s.tag[1] %evtin.span.s.args %evtin.span.s.arg[-1]'",
            "-p '*%evt.num %evtin.span.m.id %evtin.span.m.ntags %evtin.span.m.nargs %evtin.span.m.tags %evtin.span.m.tag[0] %evtin.span.m.args %evtin.span.m.arg[0]'",
            "'evtin.span.id=123'", "'evtin.span.m.tags=mysql.query'", "'evtin.span.s.id=42'", "'evtin.span.id exists'",
            "'not evtin.span.p.id=42'", "'evtin.span.ntags>1 or span.tags contains child'",
        ])
    }

    /// Capture filters see tracer events, and the writes that held fragments when they match.
    @Test func filters() throws {
        try Self.expectSame([
            "'evt.type=tracer'", "'evt.type=write'", "'span.tags contains mysql'", "'evt.dir=< and span.id=42'",
            "-p '*%evt.num %span.tags' 'evt.type=tracer and evt.dir=<'",
        ])
    }

    /// More open spans than sysdig's pool holds.
    @Test func spanOverflow() throws {
        try Self.expectSame(
            [
                "", "-p '*%evt.num %span.id %span.tags %span.duration %span.args %span.rawparenttime %evtin.span.m.id %evtin.span.id'",
            ], script: TracerCapture.overflowScript)
    }

    /// `-w` keeps tracer writes as they were, marked as tracers: sysdig reads the copy as the original.
    @Test func writeCopiesTracers() throws {
        guard let (original, reread) = try Self.copyOutputs(
            "-p '*%evt.num %evt.type %evt.dir %span.id %span.tags %span.args %evtin.span.id'",
            capture: { try TracerCapture.write(to: $0) })
        else { return }
        #expect(original.count > 1000)
        #expect(original == reread)
    }

    /// What sysdig prints with `format` for the capture `write` makes (events `filter` keeps), and for
    /// our `-w` copy of it with `filter`; `nil` without sysdig or swiftdig.
    static func copyOutputs(_ format: String, filter: String = "", capture write: (String) throws -> Void) throws
        -> (original: String, reread: String)?
    {
        guard let exe = RunnerTests.executable, FieldComparison.sysdigAvailable() else { return nil }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let path = directory + "/capture.scap", copy = directory + "/copy.scap"
        try write(path)
        _ = ScapTestSupport.shell("cd /tmp && TZ=UTC '\(exe)' -r '\(path)' -w '\(copy)' \(filter) 2>&1")
        let original = ScapTestSupport.shell("cd /tmp && TZ=UTC \(SharedCaptures.sysdig) -r '\(path)' \(format) \(filter) 2>&1")
        let reread = ScapTestSupport.shell("cd /tmp && TZ=UTC \(SharedCaptures.sysdig) -r '\(copy)' \(format) 2>&1")
        return (String(decoding: original.output, as: UTF8.self), String(decoding: reread.output, as: UTF8.self))
    }

    @Test func explore() throws {
        guard let out = getenv("TRACER_CAPTURE") else { return }
        try TracerCapture.write(to: String(cString: out))
        try TracerCapture.write(to: String(cString: out) + ".overflow", script: TracerCapture.overflowScript)
        try ContainerCapture.write(to: String(cString: out) + ".containers")
    }
}
