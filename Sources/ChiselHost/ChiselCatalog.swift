// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

#if canImport(Glibc)
import Glibc
#endif

/// Every chisel on the search path, for `-cl` and `-i`: the first of each name wins, as the search
/// does. Plugins are loaded (and sources compiled through the cache) to read what they say about
/// themselves; files that fail are left out.
public enum ChiselCatalog {
    /// The descriptions of the chisels `loader` can find, hidden ones included.
    public static func all(_ loader: ChiselLoader) -> [ChiselInfo] {
        var seen = Set<String>()
        var out: [ChiselInfo] = []
        for dir in loader.searchPath.directories {
            for (name, file) in chiselFiles(in: dir) where !seen.contains(name) {
                guard let plugin = try? loader.load(file: file, name: name) else { continue }
                seen.insert(name)
                out.append(plugin.info)
            }
        }
        return out
    }

    /// `(name, file)` for each `NAME.swift`, `libNAME.so` and `NAME.so` in `dir`.
    static func chiselFiles(in dir: String) -> [(String, String)] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var out: [(String, String)] = []
        while let entry = readdir(d) {
            let file = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            var name = Substring(file)
            if name.hasSuffix(".swift") {
                name = name.dropLast(6)
            } else if name.hasSuffix(".so") {
                name = name.dropLast(3)
                if name.hasPrefix("lib") { name = name.dropFirst(3) }
                // The protocol and core libraries sit beside the bundled chisels in a build folder.
                if name.hasPrefix("Swiftdig") { continue }
            } else {
                continue
            }
            out.append((String(name), "\(dir)/\(file)"))
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
