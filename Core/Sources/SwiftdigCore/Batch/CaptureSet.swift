// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// The captures a run reads, from what `-r` names: files, folders (searched recursively for
/// `.scap` and `.scap.gz` files) and glob patterns, in the order given, each folder's and each
/// pattern's files sorted by path.
///
/// ```swift
/// let files = try CaptureSet.files(for: ["archive/", "extra/*.scap.gz"])
/// ```
public enum CaptureSet {
    /// How several files are read (`swiftdig -h` and docs/batch.md explain both).
    public enum Meaning: Sendable {
        /// Many independent captures: each file with its own state, as if run one by one (the default).
        case independent
        /// One capture in pieces (the rotation files of one `-C`/`-G`/`-e` run): read in the order of
        /// their first events, the state, event numbers and relative times carried across.
        case pieces
    }

    /// The file names a folder contributes.
    static let suffixes = [".scap", ".scap.gz"]

    /// The files `operands` name. A name that is neither a folder nor a pattern with matches is kept
    /// as it is, so that opening it reports the error a single file always did.
    /// - Throws: ``CaptureSetError`` for a folder that cannot be read or holds no capture, or a
    ///   pattern that matches nothing.
    public static func files(for operands: [String]) throws(CaptureSetError) -> [String] {
        var files: [String] = []
        for operand in operands {
            if isDirectory(operand, followingLinks: true) {
                var found: [String] = []
                try collect(in: operand, into: &found)
                guard !found.isEmpty else { throw CaptureSetError("no .scap or .scap.gz file in \(operand)") }
                files += found.sorted(by: bytewise)
            } else if access(operand, F_OK) != 0 && isPattern(operand) {
                let matches = expand(operand)
                guard !matches.isEmpty else { throw CaptureSetError("no file matches \(operand)") }
                files += matches
            } else {
                files.append(operand)
            }
        }
        return files
    }

    /// `files` ordered by the timestamp of their first event (files without events first, then by
    /// name): the order of the pieces of one capture, whatever their names (`out10` after `out9`).
    /// A file that cannot be read keeps its place among those without events; reading it reports why.
    public static func orderedAsPieces(_ files: [String]) -> [String] {
        let keyed = files.map { (path: $0, start: firstTimestamp(of: $0) ?? 0) }
        return keyed.sorted { a, b in
            a.start != b.start ? a.start < b.start : bytewise(a.path, b.path)
        }.map(\.path)
    }

    /// The timestamp of the first event of the capture at `path` that starts a capture's clock
    /// (not a container event, not 0), or `nil`.
    static func firstTimestamp(of path: String) -> UInt64? {
        guard let reader = try? ScapReader(path: path, bufferSize: 1 << 16, largePayloadTypes: EventSchema.largePayloadTypes)
        else { return nil }
        while let block = try? reader.nextBlock() {
            if case .event(let raw) = block, raw.header.ts != 0, !EventParser.isContainerEvent(raw.header.type) {
                return raw.header.ts
            }
        }
        return nil
    }

    /// Whether `word` holds glob characters.
    static func isPattern(_ word: String) -> Bool { word.contains { $0 == "*" || $0 == "?" || $0 == "[" } }

    /// The matches of glob pattern `pattern`, sorted (glob sorts them).
    static func expand(_ pattern: String) -> [String] {
        var found = glob_t()
        defer { globfree(&found) }
        guard glob(pattern, 0, nil, &found) == 0 else { return [] }
        return (0..<Int(found.gl_pathc)).compactMap { found.gl_pathv[$0].map { String(cString: $0) } }
            .filter { !isDirectory($0, followingLinks: true) }
    }

    /// Adds the captures under `directory` to `files`; folders reached through links are not entered
    /// (no loops).
    private static func collect(in directory: String, into files: inout [String]) throws(CaptureSetError) {
        guard let dir = opendir(directory) else {
            throw CaptureSetError("cannot read \(directory): \(String(cString: strerror(errno)))")
        }
        defer { closedir(dir) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = prefix + name
            if isDirectory(path, followingLinks: false) {
                try collect(in: path, into: &files)
            } else if suffixes.contains(where: { name.hasSuffix($0) }) && !isDirectory(path, followingLinks: true) {
                files.append(path)
            }
        }
    }

    private static func isDirectory(_ path: String, followingLinks: Bool) -> Bool {
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        return status == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Paths in byte order (as `ls` sorts in the C locale), the same on every machine.
    private static func bytewise(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}

/// What `-r` named cannot become a list of captures.
public struct CaptureSetError: Error, CustomStringConvertible {
    /// The one-line explanation.
    public let description: String
    init(_ description: String) { self.description = description }
}
