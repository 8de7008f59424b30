// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// Single-file chisels: compiled with `swiftc` on first use, cached, their errors shown with their
/// own line numbers.
@Suite struct ChiselCompileTests {
    static let counter = ChiselFixtures.chisel("Counter", """
        var context: ChiselContext!
        var reads = 0
        func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
            self.context = context
            try context.setFilter("evt.type=read and evt.dir=<")
        }
        func handle(_ event: ChiselEvent) throws { reads += 1 }
        func captureEnded(_ time: ChiselTime) throws { context.print("\\(reads) reads") }
        """)

    @Test func compilesOnceThenComesFromTheCache() throws {
        let fixtures = ChiselFixtures()
        let path = fixtures.write("counter", Self.counter)
        let first = try fixtures.compiler.plugin(for: [path], name: "counter")
        #expect(first.compiled)
        let second = try fixtures.compiler.plugin(for: [path], name: "counter")
        #expect(!second.compiled)
        #expect(second.path == first.path)
        // Another source is another plugin.
        fixtures.write("counter", Self.counter.replacingAll("reads\")", with: "reads!\")"))
        let third = try fixtures.compiler.plugin(for: [path], name: "counter")
        #expect(third.compiled && third.path != first.path)
    }

    @Test func compileErrorsQuoteTheFilesOwnLines() throws {
        let fixtures = ChiselFixtures()
        let path = fixtures.write("broken", """
            import SwiftdigChisel
            final class Broken: Chisel {
                static let info = ChiselInfo(name: "broken", category: "Test", shortDescription: "x")
                init() {}
                func handle(_ event: ChiselEvent) throws { let n: Int = "text" }
            }

            """)
        #expect {
            try fixtures.compiler.plugin(for: [path], name: "broken")
        } throws: { error in
            let text = "\(error)"
            return text.contains("chisel broken: compiling") && text.contains("broken.swift:5:")
        }
    }

    @Test func singleFileChiselRunsOverACapture() throws {
        guard let captures = Checkout.captures else { return }
        let fixtures = ChiselFixtures()
        let path = fixtures.write("counter", Self.counter)
        let loader = ChiselLoader(compiler: fixtures.compiler)
        let plugin = try loader.load(path)
        let out = "\(fixtures.directory)/out"
        var options = ChiselRun.Options()
        options.outputFD = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(options.outputFD) }
        try ChiselRun.run(
            path: "\(captures)/curl_google.scap", requests: [ChiselRequest(plugin: plugin, name: path, arguments: [])],
            loader: loader, options: options)
        let text = FileBytes.read(out).map { String(decoding: $0, as: UTF8.self) }
        #expect(text == "50 reads\n")  // sysdig -r curl_google.scap "evt.type=read and evt.dir=<" | wc -l
    }

    @Test func aThrowingChiselStopsTheRunAndIsNamed() throws {
        guard let captures = Checkout.captures else { return }
        let fixtures = ChiselFixtures()
        let plugin = try fixtures.load("thrower", ChiselFixtures.chisel("Thrower", """
            func handle(_ event: ChiselEvent) throws {
                if event.number == 10 { throw ChiselError("event 10 is one too many") }
            }
            """))
        #expect {
            try ChiselRun.run(
                path: "\(captures)/curl_google.scap", requests: [ChiselRequest(plugin: plugin, name: "thrower", arguments: [])],
                loader: ChiselLoader(compiler: fixtures.compiler), options: ChiselRun.Options())
        } throws: { error in
            "\(error)" == "chisel thrower: event 10 is one too many"
        }
    }

    /// A plugin compiled against an older build of the protocol library, whose public structs had
    /// another layout (a private stored property since removed), loads and runs with this build:
    /// library evolution keeps layouts out of the plugin.
    @Test func pluginBuiltAgainstAnOlderCompatibleProtocolStillWorks() throws {
        let fixtures = ChiselFixtures()
        let old = fixtures.directory + "/old"
        _ = ChiselCompiler.makeDirectories(old + "/Modules")
        let sources = Checkout.root + "/Core/Sources/SwiftdigChisel"
        var files: [String] = []
        for name in ["ChiselInfo.swift"] + ChiselCatalog.chiselFiles(in: sources).map({ "\($0.0).swift" }) where !files.contains(name) {
            var text = String(decoding: try #require(FileBytes.read("\(sources)/\(name)")), as: UTF8.self)
            // The older layout: a private field ahead of the public ones.
            for type in ["public struct ChiselInfo: Sendable {", "public struct ChiselArgument: Sendable {"] {
                text = text.replacingAll(type, with: type + "\n    private var olderLayout: (Int64, Int64, Int64) = (1, 2, 3)")
            }
            let f = fopen("\(old)/\(name)", "w")!
            fputs(text, f)
            fclose(f)
            files.append(name)
        }
        let swiftc = try Toolchain.swiftc()
        let (_, library) = try Toolchain.protocolModule()
        let module = "'\(swiftc)' -emit-module -enable-library-evolution -parse-as-library -module-name SwiftdigChisel "
            + "-emit-module-path '\(old)/Modules/SwiftdigChisel.swiftmodule' " + files.map { "'\(old)/\($0)'" }.joined(separator: " ")
        #expect(system(module) == 0)
        let source = fixtures.write("oldabi", ChiselFixtures.chisel("OldABI", "", arguments: """
            [ChiselArgument("first", description: "one"), ChiselArgument("second", type: "int", description: "two", defaultValue: "5")]
            """))
        let so = "\(fixtures.directory)/oldabi.so"
        let plugin = "'\(swiftc)' -emit-library -parse-as-library -module-name OldABI -I '\(old)/Modules' "
            + "-L '\(library)' -lSwiftdigChisel -o '\(so)' '\(source)'"
        #expect(system(plugin) == 0)
        let loaded = try ChiselPlugin(path: so, name: "oldabi")
        #expect(loaded.info.name == "OldABI")
        #expect(loaded.info.arguments.map(\.name) == ["first", "second"])
        #expect(loaded.info.arguments.map(\.defaultValue) == [nil, "5"])
        #expect(loaded.info.arguments.map(\.isOptional) == [false, true])
    }
}

extension String {
    /// `self` with every `target` replaced (no Foundation in the tests).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
