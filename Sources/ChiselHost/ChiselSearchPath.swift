// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Where chisels are looked for, first match first: `SWIFTDIG_CHISEL_PATH` (folders separated by
/// `:`), `./chisels`, `~/.chisels`, the install prefix's `share/swiftdig/chisels`, and the folder of
/// the loaded chisel protocol library, which in a checkout is the build folder with the bundled
/// chisels.
public struct ChiselSearchPath {
    /// The folders, in search order, without duplicates.
    public let directories: [String]

    /// The folders for this process's environment.
    public init() {
        var dirs: [String] = []
        if let env = getenv("SWIFTDIG_CHISEL_PATH") {
            dirs += String(cString: env).split(separator: ":").map(String.init)
        }
        dirs.append("./chisels")
        if let home = getenv("HOME") { dirs.append(String(cString: home) + "/.chisels") }
        if let exe = LoadedImages.executablePath {
            // <prefix>/bin/swiftdig → <prefix>/share/swiftdig/chisels
            dirs.append(LoadedImages.parent(LoadedImages.parent(exe)) + "/share/swiftdig/chisels")
        }
        if let lib = LoadedImages.protocolLibraryDirectory { dirs.append(lib) }
        self.init(directories: dirs)
    }

    /// Exactly `directories`, in order.
    public init(directories: [String]) {
        var seen = Set<String>()
        self.directories = directories.filter { seen.insert($0).inserted }
    }

    /// The files a chisel called `name` may be in, inside `directory`, in the order tried.
    static func candidates(_ name: String, in directory: String) -> [String] {
        ["\(directory)/\(name).swift", "\(directory)/lib\(name).so", "\(directory)/\(name).so"]
    }
}

/// Facts about the files this process was loaded from.
enum LoadedImages {
    /// The running executable.
    static let executablePath: String? = {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        return n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    }()

    /// The folder of the loaded `libSwiftdigChisel.so`: the build folder in a checkout, `<prefix>/lib`
    /// once installed.
    static let protocolLibraryDirectory: String? = Toolchain.mappedFile(containing: "/libSwiftdigChisel.so").map(parent)

    /// `path` without its last component.
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Whether a file exists at `path`.
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
