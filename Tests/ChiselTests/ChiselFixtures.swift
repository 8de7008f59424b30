// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// Chisel sources written and compiled by the tests, in a folder of their own that also holds the
/// compile cache (so tests never see another run's cache).
final class ChiselFixtures {
    let directory: String
    let compiler: ChiselCompiler

    init() {
        directory = "/tmp/swiftdig-chisel-tests-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        _ = ChiselCompiler.makeDirectories(directory)
        compiler = ChiselCompiler(cacheDirectory: directory + "/cache")
    }

    deinit { _ = system("rm -rf '\(directory)'") }

    /// Writes `source` as `name.swift` and returns its path.
    @discardableResult
    func write(_ name: String, _ source: String) -> String {
        let path = "\(directory)/\(name).swift"
        let f = fopen(path, "w")!
        fputs(source, f)
        fclose(f)
        return path
    }

    /// A chisel source: `body` is the class's members, the entry point is added.
    static func chisel(_ type: String, _ body: String, arguments: String = "[]") -> String {
        """
        import SwiftdigChisel
        final class \(type): Chisel {
            static let info = ChiselInfo(name: "\(type)", category: "Test", shortDescription: "a test chisel", arguments: \(arguments))
            init() {}
        \(body)
        }
        @_cdecl("swiftdig_chisel_entry")
        public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
            ChiselExport.entry(\(type).self, version)
        }

        """
    }

    /// Compiles and loads the chisel `name` from `source`.
    func load(_ name: String, _ source: String) throws -> ChiselPlugin {
        let path = write(name, source)
        return try ChiselPlugin(path: compiler.plugin(for: [path], name: name).path, name: name)
    }
}

/// Paths of the checkout and the shared captures.
enum Checkout {
    /// The checkout's root (this file is `Tests/ChiselTests/ChiselFixtures.swift`).
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// `../shared/captures`, or `nil` when absent.
    static let captures: String? = access(root + "/../shared/captures", F_OK) == 0 ? root + "/../shared/captures" : nil

    /// Whether tests must fail rather than skip when something they need is missing (`CI=true`).
    static var inCI: Bool { getenv("CI").map { String(cString: $0) == "true" } ?? false }

    /// `../shared/captures` for a test that compares with sysdig's output; when it is absent, `nil`
    /// after saying why the test skips (or failing the test in CI).
    static func capturesOrSkip() -> String? {
        if let captures { return captures }
        let reason = "../shared/captures is absent: skipping the comparisons with sysdig's reference output"
        if inCI { Issue.record("CI=true but \(reason)") } else { print("skipping: \(reason)") }
        return nil
    }

    /// sysdig 0.29.3's executable, when installed, for comparisons beyond the reference outputs.
    static let sysdig: String? = access("/usr/bin/sysdig", X_OK) == 0 ? "/usr/bin/sysdig" : nil

    /// The `swiftdig` executable of this build: beside the protocol library.
    static var executable: String? {
        LoadedImages.protocolLibraryDirectory.map { $0 + "/swiftdig" }.flatMap { access($0, X_OK) == 0 ? $0 : nil }
    }

    /// What a command printed, and its exit status.
    typealias Output = (out: String, err: String, status: Int32)

    /// Runs `command` through the shell in the checkout, with the test's cache; returns its output
    /// and exit status.
    static func shell(_ command: String, cache: String) -> Output {
        let out = "\(cache).out", err = "\(cache).err"
        let status = system("cd '\(root)' && TZ=UTC SWIFTDIG_CHISEL_CACHE='\(cache)' \(command) > '\(out)' 2> '\(err)'")
        defer { unlink(out); unlink(err) }
        let text = { (p: String) in FileBytes.read(p).map { String(decoding: $0, as: UTF8.self) } ?? "" }
        return (text(out), text(err), status >> 8)
    }
}
