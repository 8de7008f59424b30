// SPDX-License-Identifier: Apache-2.0

/// The search paths of a `pmatch` (libsinsp's `path_prefix_search`): a path matches when one search
/// path's components are its first components. Components are the non-empty runs between slashes, so
/// `/var/run` matches `/var/run/docker` and `//var/run/`, not `/var/running` nor `/var`.
struct PathPrefixSet: Equatable {
    /// Each search path as its components.
    let paths: [[[UInt8]]]

    init(_ values: [[UInt8]]) {
        paths = values.map { $0.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Array.init) }
    }

    func matches(_ path: UnsafeRawBufferPointer) -> Bool {
        for components in paths where Self.startsWith(path, components) { return true }
        return false
    }

    /// Walks the components of `path` without copying them.
    private static func startsWith(_ path: UnsafeRawBufferPointer, _ components: [[UInt8]]) -> Bool {
        var i = 0
        for component in components {
            while i < path.count, path[i] == UInt8(ascii: "/") { i += 1 }
            var end = i
            while end < path.count, path[end] != UInt8(ascii: "/") { end += 1 }
            guard end > i, end - i == component.count else { return false }
            var k = 0
            while k < component.count {
                if path[i + k] != component[k] { return false }
                k += 1
            }
            i = end
        }
        return true
    }
}
