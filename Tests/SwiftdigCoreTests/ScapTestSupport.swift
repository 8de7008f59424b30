// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigTestSupport
import SwiftdigCore

/// Helpers shared by the capture tests: temporary files, the shared captures, reading a whole file.
enum ScapTestSupport {
    /// The package root, found from this file's path.
    static let packageRoot: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    /// The shared test captures, `../shared/captures` beside the package root.
    static let capturesDirectory = packageRoot + "/../shared/captures"

    /// The path of shared capture `name`, or `nil` (after saying why) when it is not there.
    static func capture(_ name: String) -> String? {
        let path = capturesDirectory + "/" + name
        guard access(path, R_OK) == 0 else {
            print("skipping: \(path) is not there (the shared captures live in ../shared/captures)")
            return nil
        }
        return path
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() -> String {
        var template = Array("/tmp/swiftdig-scap-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(made != nil, "mkdtemp failed")
        return String(cString: template.map { UInt8(bitPattern: $0) } + [])
    }

    /// Removes a directory made by ``temporaryDirectory()`` and everything in it.
    static func remove(_ directory: String) {
        guard let dir = opendir(directory) else { return }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { unlink(directory + "/" + name) }
        }
        closedir(dir)
        rmdir(directory)
    }

    /// Writes `bytes` to `path`.
    static func write(_ bytes: [UInt8], to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create \(path)")
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let wrote = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                precondition(wrote > 0, "write failed")
                done += wrote
            }
        }
        close(fd)
    }

    /// The bytes of `path`.
    static func read(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        precondition(fd >= 0, "cannot open \(path)")
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if got <= 0 { break }
            bytes += chunk[0..<got]
        }
        return bytes
    }

    /// The file mode bits of `path`.
    static func mode(_ path: String) -> UInt32 {
        var info = stat()
        precondition(stat(path, &info) == 0)
        return UInt32(info.st_mode & 0o7777)
    }

    /// Counts of what a capture holds.
    struct Summary: Equatable {
        var blocks: [String: Int] = [:]
        var events = 0
        var lastOffset: UInt64 = 0
    }

    /// Reads every block of `path`.
    static func summarize(_ path: String) throws -> Summary {
        let reader = try ScapReader(path: path)
        var summary = Summary()
        while let block = try reader.nextBlock() {
            let name: String
            switch block {
            case let .sectionHeader(header): name = "SHB \(header.majorVersion).\(header.minorVersion)"
            case let .machineInfo(info): name = "\(info.blockType)"
            case let .interfaceList(list): name = "\(list.blockType)"
            case let .userList(list): name = "\(list.blockType)"
            case let .processList(list): name = "\(list.blockType)"
            case let .fdList(list): name = "\(list.blockType)"
            case let .event(event):
                name = "\(event.blockType)"
                summary.events += 1
                summary.lastOffset = event.offset
            case let .unknown(unknown): name = "\(unknown.blockType)"
            }
            summary.blocks[name, default: 0] += 1
        }
        return summary
    }

    /// Runs `command` through `/bin/sh` and returns its standard output and exit status.
    static func shell(_ command: String) -> (output: [UInt8], status: Int32) { TestShell.run(command) }
}
