// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// Compiles chisel sources with `swiftc` into plugins, cached by what decides the result: the
/// sources, the compiler and the protocol version. A cached plugin is found with a few `stat`s and
/// one hash of the source, so a cached run starts as fast as a bundled chisel.
public struct ChiselCompiler {
    /// Where compiled plugins are kept.
    public let cacheDirectory: String

    /// A compiler caching in `cacheDirectory`, or in `SWIFTDIG_CHISEL_CACHE`,
    /// `$XDG_CACHE_HOME/swiftdig/chisels` or `~/.cache/swiftdig/chisels`.
    public init(cacheDirectory: String? = nil) {
        self.cacheDirectory = cacheDirectory ?? Self.defaultCacheDirectory()
    }

    /// The plugin built from `sources`, compiled now unless the cache has it.
    /// - Parameters:
    ///   - sources: the `.swift` files of one chisel, as the user named them (diagnostics quote them).
    ///   - name: the chisel's name, for the plugin's file and module names and for messages.
    /// - Returns: the plugin's path, and whether it was compiled now.
    /// - Throws: ``ChiselLoadError`` with the compiler's diagnostics when the sources do not compile.
    public func plugin(for sources: [String], name: String) throws(ChiselLoadError) -> (path: String, compiled: Bool) {
        let swiftc = try Toolchain.swiftc()
        let (modules, library) = try Toolchain.protocolModule()
        var key = StableHash()
        key.add("\(ChiselProtocolVersion.builtMajor).\(ChiselProtocolVersion.builtMinor)")
        key.add(Toolchain.identity(of: swiftc))
        for source in sources.sorted() {
            guard let bytes = FileBytes.read(source) else { throw ChiselLoadError("chisel \(name): cannot read \(source)") }
            key.add(bytes)
        }
        let module = Self.moduleName(name)
        let path = "\(cacheDirectory)/\(module)-\(key.hex).so"
        if LoadedImages.exists(path) { return (path, false) }
        guard Self.makeDirectories(cacheDirectory) else {
            throw ChiselLoadError("chisel \(name): cannot create the cache folder \(cacheDirectory)")
        }
        // Written beside and renamed: a concurrent run never loads half a file.
        let temporary = "\(path).\(getpid()).tmp"
        let log = "\(temporary).log"
        defer { unlink(log) }
        let command = [swiftc, "-emit-library", "-parse-as-library", "-O", "-module-name", module,
                       "-I", modules, "-L", library, "-lSwiftdigChisel",
                       "-Xlinker", "-rpath", "-Xlinker", library, "-o", temporary] + sources
        let status = system(command.map(Shell.quote).joined(separator: " ") + " >" + Shell.quote(log) + " 2>&1")
        let diagnostics = FileBytes.read(log).map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard status == 0, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw ChiselLoadError("chisel \(name): compiling \(sources.joined(separator: " ")) failed", diagnostics: diagnostics)
        }
        return (path, true)
    }

    /// A Swift module name for the chisel `name` (`my-chisel` → `my_chisel`).
    static func moduleName(_ name: String) -> String {
        var out = String(name.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "_" })
        if out.first?.isNumber ?? true { out = "_" + out }
        return out
    }

    static func defaultCacheDirectory() -> String {
        if let dir = getenv("SWIFTDIG_CHISEL_CACHE") { return String(cString: dir) }
        if let xdg = getenv("XDG_CACHE_HOME") { return String(cString: xdg) + "/swiftdig/chisels" }
        if let home = getenv("HOME") { return String(cString: home) + "/.cache/swiftdig/chisels" }
        return "/tmp/swiftdig-chisels-\(getuid())"
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) -> Bool {
        if LoadedImages.exists(path) { return true }
        let parent = LoadedImages.parent(path)
        if parent != path, !makeDirectories(parent) { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }
}
