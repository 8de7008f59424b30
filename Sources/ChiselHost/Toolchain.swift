// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// The compiler and the protocol module chisel sources are compiled with.
enum Toolchain {
    /// `swiftc`: `$SWIFTC`, else the first on `PATH`, else the one beside the Swift runtime this
    /// process loaded (so tests and checkouts work without `PATH` set up).
    static func swiftc() throws(ChiselLoadError) -> String {
        if let env = getenv("SWIFTC") { return String(cString: env) }
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        for dir in path.split(separator: ":") where LoadedImages.exists("\(dir)/swiftc") {
            return "\(dir)/swiftc"
        }
        // <toolchain>/usr/lib/swift/linux/libswiftCore.so → <toolchain>/usr/bin/swiftc
        if let runtime = mappedFile(containing: "/libswiftCore.so") {
            let usr = LoadedImages.parent(LoadedImages.parent(LoadedImages.parent(LoadedImages.parent(runtime))))
            if LoadedImages.exists(usr + "/bin/swiftc") { return usr + "/bin/swiftc" }
        }
        throw ChiselLoadError("cannot compile chisels: swiftc is not on PATH (or set SWIFTC)")
    }

    /// The folder of `SwiftdigChisel.swiftmodule` and the folder of `libSwiftdigChisel.so`:
    /// `$SWIFTDIG_CHISEL_MODULES`, else `Modules` beside the library (a build folder), else
    /// `swiftdig/Modules` beside it (an install).
    static func protocolModule() throws(ChiselLoadError) -> (modules: String, library: String) {
        guard let library = LoadedImages.protocolLibraryDirectory else {
            throw ChiselLoadError("cannot compile chisels: libSwiftdigChisel.so is not loaded")
        }
        var candidates = ["\(library)/Modules", "\(library)/swiftdig/Modules"]
        if let env = getenv("SWIFTDIG_CHISEL_MODULES") { candidates.insert(String(cString: env), at: 0) }
        for dir in candidates where LoadedImages.exists("\(dir)/SwiftdigChisel.swiftmodule") {
            return (dir, library)
        }
        throw ChiselLoadError("cannot compile chisels: no SwiftdigChisel.swiftmodule in \(candidates.joined(separator: " or "))")
    }

    /// What identifies a compiler build cheaply: its path, size and modification time.
    static func identity(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return path }
        return "\(path) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// The path of the first mapped file whose path contains `fragment`.
    static func mappedFile(containing fragment: String) -> String? {
        guard let f = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(f) }
        var line = [CChar](repeating: 0, count: 4096)
        while fgets(&line, Int32(line.count), f) != nil {
            var text = line.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            guard text.contains(fragment), let start = text.firstIndex(of: "/") else { continue }
            if text.hasSuffix("\n") { text.removeLast() }
            return String(text[start...])
        }
        return nil
    }
}

/// Quoting for `/bin/sh`.
enum Shell {
    /// `text` in single quotes, its own single quotes escaped.
    static func quote(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

/// FNV-1a, 64 bits: a cache key, not a defence against a crafted collision (the cache is the user's).
struct StableHash {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Mixes in `bytes`, then a separator so that `ab`+`c` and `a`+`bc` differ.
    mutating func add(_ bytes: [UInt8]) {
        for b in bytes { state = (state ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        state = (state ^ 0xFF) &* 0x0000_0100_0000_01b3
    }

    /// Mixes in `text`'s UTF-8.
    mutating func add(_ text: String) { add(Array(text.utf8)) }

    /// The hash as 16 hex digits.
    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
