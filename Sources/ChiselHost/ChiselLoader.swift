// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// Finds chisels by name or path and loads them, compiling sources on first use.
///
/// `-c topprocs_net` looks for `topprocs_net.swift`, `libtopprocs_net.so` and `topprocs_net.so` in each
/// folder of the ``ChiselSearchPath``; `-c path/to/mine.swift` (any name with a `/` or ending in
/// `.swift` or `.so`) is that file. A loaded chisel is kept: asking twice loads once.
public final class ChiselLoader {
    /// Where names are looked for.
    public let searchPath: ChiselSearchPath
    /// What compiles sources.
    public let compiler: ChiselCompiler
    private var loaded: [String: ChiselPlugin] = [:]

    /// A loader over `searchPath`, compiling with `compiler`.
    public init(searchPath: ChiselSearchPath = ChiselSearchPath(), compiler: ChiselCompiler = ChiselCompiler()) {
        self.searchPath = searchPath
        self.compiler = compiler
    }

    /// The chisel `name` (a name on the search path, or a file).
    /// - Throws: ``ChiselLoadError`` when it is not found, does not compile or does not load.
    public func load(_ name: String) throws(ChiselLoadError) -> ChiselPlugin {
        if let plugin = loaded[name] { return plugin }
        let file = try locate(name)
        let plugin = try load(file: file, name: name)
        loaded[name] = plugin
        return plugin
    }

    /// The plugin in `file` (a `.so`, or a `.swift` source compiled through the cache).
    public func load(file: String, name: String) throws(ChiselLoadError) -> ChiselPlugin {
        if file.hasSuffix(".swift") {
            return try ChiselPlugin(path: compiler.plugin(for: [file], name: name).path, name: name)
        }
        return try ChiselPlugin(path: file, name: name)
    }

    /// The file of the chisel `name`.
    /// - Throws: ``ChiselLoadError`` when there is none.
    public func locate(_ name: String) throws(ChiselLoadError) -> String {
        if name.contains("/") || name.hasSuffix(".swift") || name.hasSuffix(".so") {
            guard LoadedImages.exists(name) else { throw ChiselLoadError("chisel \(name) not found: no such file") }
            return name
        }
        for dir in searchPath.directories {
            for candidate in ChiselSearchPath.candidates(name, in: dir) where LoadedImages.exists(candidate) {
                return candidate
            }
        }
        throw ChiselLoadError("chisel \(name) not found - use -cl to list them")
    }
}
