// SPDX-License-Identifier: Apache-2.0
import Glibc
import Testing

@testable import SwiftdigCore

/// A state dump (the blocks that start a file begun mid-run) read back gives the state it was made
/// from, the same threads and fds field for field, and sysdig reads it as swiftdig does.
@Suite struct StateDumpTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    @Test(arguments: captures)
    func dumpReadsBackAsTheState(_ name: String) throws {
        guard let dir = SharedCaptures.directory else {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            return
        }
        let input = "\(dir)/\(name).scap"
        let original = try Inspector(path: input)
        try original.run { _ in true }

        let output = "/tmp/swiftdig-state-\(getpid())-\(name).scap"
        defer { unlink(output) }
        let writer = try ScapWriter(path: output)
        try writer.writeSectionHeader()
        try writeState(of: original.state, machine: original.machine, to: writer)
        try writer.close()

        let reread = try Inspector(path: output)
        try reread.run { _ in true }
        #expect(reread.machine == original.machine)
        #expect(reread.state.userList == original.state.userList)
        #expect(reread.state.interfaceList == original.state.interfaceList)
        let before = Self.describe(original.state), after = Self.describe(reread.state)
        #expect(after.count == before.count)
        for (tid, text) in before where after[tid] != text {
            Issue.record("\(name) thread \(tid):\n before: \(text)\n after:  \(after[tid] ?? "missing")")
        }
        // A second dump of the state read back is the same file.
        let again = output + ".again"
        defer { unlink(again) }
        let second = try ScapWriter(path: again)
        try second.writeSectionHeader()
        try writeState(of: reread.state, machine: reread.machine, to: second)
        try second.close()
        #expect(ScapTestSupport.read(again) == ScapTestSupport.read(output))
    }

    /// sysdig reads the dump (with one event appended: it refuses files without any) as swiftdig
    /// does: `-c lsof` (the state at the first event) lists the same fds, in any order.
    @Test(arguments: captures)
    func sysdigReadsTheDumpAlike(_ name: String) throws {
        guard let dir = SharedCaptures.directoryWithSysdig("cannot check that sysdig reads a state dump"),
            let swiftdig = RunnerTests.executable
        else { return }
        let original = try Inspector(path: "\(dir)/\(name).scap")
        var last: (bytes: [UInt8], cpu: UInt16, blockType: ScapBlockType) = ([], 0, .eventV2)
        try original.run { _ in
            if let raw = original.rawEvent { last = (Array(raw.bytes), raw.cpu, raw.blockType) }
            return true
        }
        let output = "/tmp/swiftdig-state-lsof-\(getpid())-\(name).scap"
        defer { if getenv("KEEP_DUMP") == nil { unlink(output) } }
        let writer = try ScapWriter(path: output)
        try writer.writeSectionHeader()
        try writeState(of: original.state, machine: original.machine, to: writer)
        // The capture's last event again: its deferred removals are already out of the dump.
        try last.bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: last.cpu, blockType: last.blockType) }
        try writer.close()

        let lsof = { (program: String) -> [Substring] in
            let result = ScapTestSupport.shell("TZ=UTC '\(program)' -r '\(output)' -c lsof 2>&1")
            #expect(result.status == 0)
            return String(decoding: result.output, as: UTF8.self).split(separator: "\n").sorted()
        }
        let theirs = lsof(SharedCaptures.sysdig), ours = lsof(swiftdig)
        #expect(theirs.count == ours.count && theirs.count > 100)
        for (line, wanted) in zip(ours, theirs) where line != wanted {
            Issue.record("\(name): swiftdig lists\n \(line)\nwhere sysdig lists\n \(wanted)")
            break
        }
    }

    /// The socket fields the fd's type uses.
    static func socket(_ info: FDInfo) -> String {
        let s = info.sockinfo
        switch info.type {
        case .ipv4Socket: return "\(s.v4sip) \(s.v4dip) \(s.v4sport) \(s.v4dport) \(s.v4l4proto)"
        case .ipv4ServerSocket: return "\(s.v4serverIP) \(s.v4serverPort) \(s.v4serverL4proto)"
        case .ipv6Socket: return "\(s.bytes16(0)) \(s.bytes16(16)) \(s.v6sport) \(s.v6dport) \(s.v6l4proto)"
        case .ipv6ServerSocket: return "\(s.bytes16(0)) \(s.v6serverPort) \(s.v6serverL4proto)"
        case .unixSocket: return "\(s.unixSource) \(s.unixDest)"
        default: return ""
        }
    }

    /// Every thread as one line of the fields a state dump carries, by tid.
    static func describe(_ state: SystemState) -> [Int64: String] {
        var out: [Int64: String] = [:]
        for thread in state.threads.values {
            var line =
                "pid=\(thread.pid) ptid=\(thread.ptid) sid=\(thread.sid) vpgid=\(thread.vpgid) comm=\(thread.comm)"
            line += " exe=\(thread.exe) exepath=\(thread.exepath) w=\(thread.exeWritable) args=\(thread.args)"
            line += " fdlimit=\(thread.fdlimit) flags=\(thread.flags) uid=\(thread.uid) gid=\(thread.gid)"
            line += " loginuid=\(thread.loginuid) vm=\(thread.vmsizeKB)/\(thread.vmrssKB)/\(thread.vmswapKB)"
            line +=
                " pf=\(thread.pfmajor)/\(thread.pfminor) vtid=\(thread.vtid) vpid=\(thread.vpid) root=\(thread.root)"
            line += " cgroups=\(thread.cgroups.map { "\($0.0)=\($0.1)" })"
            if thread.isMainThread {
                // An unknown working directory is written as `/`, as libsinsp writes it.
                line += " cwd=\(thread.cwd.isEmpty ? "/" : thread.cwd) env=\(thread.env)"
                for fd in thread.fds.keys.sorted() {
                    guard let info = thread.fds[fd], info.type != .unknown else { continue }
                    line += " | \(fd) \(info.type) \(info.name) ino=\(info.ino) flags=\(info.openFlags) dev=\(info.dev)"
                    line += " sock=\(socket(info))"
                }
            }
            out[thread.tid] = line
        }
        return out
    }
}
