// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Where the shared test captures live: `../shared/captures` beside the checkout.
enum SharedCaptures {
    /// The folder, or `nil` when it is absent (tests then skip and say so).
    static let directory: String? = {
        // #filePath is …/Tests/SwiftdigCoreTests/SharedCaptures.swift; the checkout is three levels up.
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        let root = parts.joined(separator: "/")
        let dir = root + "/../shared/captures"
        return access(dir, F_OK) == 0 ? dir : nil
    }()

    /// Why a test that needs the captures did not run.
    static let absentReason = "../shared/captures is absent: skipping the comparisons with sysdig's reference output"

    /// Whether tests must fail rather than skip when something they need is missing.
    static var inCI: Bool { getenv("CI").map { String(cString: $0) == "true" } ?? false }

    /// The whole contents of a file, or `nil`.
    static func read(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = fread(&chunk, 1, chunk.count, f)
            if n <= 0 { break }
            out.append(contentsOf: chunk[0..<n])
        }
        return out
    }
}
