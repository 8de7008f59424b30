// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Where the driver object may be, in the order the loader looks.
enum DriverObjectLocator {
    /// The object's file name.
    static let fileName = "swiftdig.bpf.o"
    /// The resource bundle SwiftPM makes for SwiftdigCapture, next to the build's binaries.
    static let resourceBundle = "swiftdig_SwiftdigDriverABI.resources"
    /// The environment variable that names the object outright.
    static let environmentVariable = "SWIFTDIG_BPF_OBJECT"

    /// Candidate paths: $SWIFTDIG_BPF_OBJECT, next to the executable, in the build's resource
    /// bundle, then `<prefix>/lib/swiftdig/` with prefix the executable's folder's parent.
    static func candidates() -> [String] {
        var paths: [String] = []
        if let named = getenv(environmentVariable), named.pointee != 0 {
            paths.append(String(cString: named))
        }
        if let folder = executableFolder() {
            paths.append("\(folder)/\(fileName)")
            paths.append("\(folder)/\(resourceBundle)/\(fileName)")
            paths.append("\(folder)/../lib/swiftdig/\(fileName)")
        }
        return paths
    }

    /// The first candidate that is a readable file.
    static func locate() -> String? {
        candidates().first { access($0, R_OK) == 0 }
    }

    /// The folder of the running executable (for tests, the xctest binary's).
    private static func executableFolder() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        let path = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }
}
