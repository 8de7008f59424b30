// SPDX-License-Identifier: Apache-2.0
import Glibc

/// A thread's cgroups as libscap 0.29.3 lists them: `subsystem=path` entries, each ending in a NUL.
///
/// On cgroup v2 (`cgroup2` in /proc/filesystems), the unified hierarchy's line `0::/path` stands for
/// the `cpu`, `memory` and `cpuset` subsystems; libscap 0.29.3 keeps the line's newline at the end
/// of that path (later libs strip it), and so does this reader, for the same bytes in the file.
enum ProcCgroups {
    /// The subsystems the v2 hierarchy stands for.
    static let unifiedSubsystems = ["cpu", "memory", "cpuset"].map { Array($0.utf8) }

    /// The cgroup version of the machine as libscap decides it from `procRoot/filesystems`: 2 as
    /// soon as a line mentions `cgroup2`, 1 when one mentions `cgroup`, else 0.
    static func version(procRoot: String) -> Int {
        guard let text = ProcFS.read(procRoot + "/filesystems") else { return 0 }
        var version = 0
        for line in ProcText.lines(text) {
            if contains(line, "cgroup2") { return 2 }
            if contains(line, "cgroup") { version = 1 }
        }
        return version
    }

    /// The entries of `dir/cgroup`: empty when the file is not readable, `nil` when a line lacks
    /// the fields libscap expects (the thread is then skipped).
    static func read(dir: String, version: Int) -> [UInt8]? {
        let path = dir + "cgroup"
        guard access(path, R_OK) == 0 else { return [] }
        guard let text = ProcFS.read(path, limit: 1 << 16) else { return nil }
        var out: [UInt8] = []
        var start = 0
        while start < text.count {
            // fgets keeps each line's newline; strtok then splits on ':' and the path on '\n'.
            let end = text[start...].firstIndex(of: ProcText.newline).map { $0 + 1 } ?? text.count
            let line = text[start..<end]
            start = end
            guard let firstColon = line.firstIndex(of: UInt8(ascii: ":")), firstColon > line.startIndex else {
                return nil
            }
            let id = line[..<firstColon]
            var rest = line[(firstColon + 1)...]
            let subsystems: [ArraySlice<UInt8>]
            let cgroup: ArraySlice<UInt8>
            if rest.first == UInt8(ascii: ":") {
                // An empty subsystem list: the v2 hierarchy, or a v1 controller mounted nowhere.
                rest = rest.drop(while: { $0 == UInt8(ascii: ":") })
                guard !rest.isEmpty else { return nil }
                guard version == 2, Array(id) == Array("0".utf8) else { continue }
                cgroup = rest.prefix(while: { $0 != UInt8(ascii: ":") })
                subsystems = unifiedSubsystems.map { $0[...] }
            } else {
                guard let colon = rest.firstIndex(of: UInt8(ascii: ":")) else { return nil }
                let list = rest[..<colon]
                let path = rest[(colon + 1)...].prefix(while: { $0 != ProcText.newline })
                guard !path.isEmpty else { return nil }
                cgroup = path
                subsystems = list.split(separator: UInt8(ascii: ","))
            }
            for subsystem in subsystems {
                if out.count + subsystem.count + 1 + cgroup.count + 1 > ProcLimits.cgroups { return out }
                out += subsystem
                out.append(UInt8(ascii: "="))
                out += cgroup
                out.append(0)
            }
        }
        return out
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ word: String) -> Bool {
        let needle = Array(word.utf8)
        guard line.count >= needle.count else { return false }
        var start = line.startIndex
        while start + needle.count <= line.endIndex {
            if line[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
