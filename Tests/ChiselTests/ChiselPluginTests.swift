// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import Testing

@testable import ChiselHost

/// Loading plugins through `dlopen`: the bundled ones, the version check, and types that cross the
/// boundary.
@Suite struct ChiselPluginTests {
    @Test func bundledPluginLoadsThroughItsEntryPoint() throws {
        let loader = ChiselLoader()
        let path = try loader.locate("topprocs_net")
        #expect(path.hasSuffix("/libtopprocs_net.so"))
        let plugin = try loader.load("topprocs_net")
        #expect(plugin.info.name == "topprocs_net")
        #expect(plugin.info.category == "Net")
        #expect(plugin.protocolVersion >> 16 == ChiselProtocolVersion.major)
        // The chisel made in the plugin is a `Chisel` here: one copy of the protocol in the process.
        let chisel: AnyObject = plugin.factory.make()
        #expect(chisel is any Chisel)
    }

    @Test func typesCrossTheBoundaryIntact() throws {
        let fixtures = ChiselFixtures()
        let plugin = try fixtures.load("probe", ChiselFixtures.chisel("Probe", """
            func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
                throw ChiselError("from the plugin: \\(arguments["word"] ?? "none")")
            }
            """, arguments: #"[ChiselArgument("word", description: "a word")]"#))
        #expect(plugin.info.arguments.map(\.name) == ["word"])
        let chisel = plugin.factory.make()
        let context = ChiselContext(chiselName: "probe", host: NoHost(), output: ChiselOutput(fd: -1))
        // A struct made here is read there, and an error made there is caught here by its type.
        #expect(throws: ChiselError.self) {
            try chisel.initialize(context, ChiselArguments(["hello"], for: plugin.info))
        }
        do {
            try chisel.initialize(context, ChiselArguments(["hello"], for: plugin.info))
        } catch let error as ChiselError {
            #expect(error.message == "from the plugin: hello")
        }
    }

    @Test func anotherMajorVersionIsRefused() throws {
        let fixtures = ChiselFixtures()
        let path = fixtures.write("future", """
            import SwiftdigChisel
            @_cdecl("swiftdig_chisel_entry")
            public func entry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
                version.pointee = 99 << 16
                return nil
            }

            """)
        let so = try fixtures.compiler.plugin(for: [path], name: "future").path
        #expect {
            try ChiselPlugin(path: so, name: "future")
        } throws: { error in
            "\(error)".contains("chisel future:") && "\(error)".contains("built for chisel protocol 99.0")
        }
    }

    @Test func aLibraryWithoutEntryPointIsRefused() throws {
        let dir = try #require(LoadedImages.protocolLibraryDirectory)
        #expect {
            try ChiselPlugin(path: dir + "/libSwiftdigCore.so", name: "core")
        } throws: { error in
            "\(error)".contains("is not a swiftdig chisel")
        }
    }
}

/// Services for a context whose chisel asks for nothing.
final class NoHost: ChiselHostServices {
    func setFilter(_ text: String) throws {}
    func bindField(_ name: String, as kind: ChiselValueKind) throws -> Int { 0 }
    var environment: ChiselEnvironment { ChiselEnvironment() }
    var firstEventTimestamp: UInt64 { 0 }
    var lastEventTimestamp: UInt64 { 0 }
}
