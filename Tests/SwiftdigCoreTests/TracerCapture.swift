// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// Synthetic captures of tracers: applications that write `>:t:tag:args:` strings to `/dev/null`,
/// which sysdig turns into `tracer` events. No shared capture holds any, so the tests make their own.
enum TracerCapture {
    /// One step of a script: a thread opens a file, writes to an fd, does something else or closes.
    enum Step {
        case open(tid: UInt64, fd: Int64, path: String)
        case write(tid: UInt64, fd: Int64, text: String, res: Int64? = nil)
        case other(tid: UInt64)
        case close(tid: UInt64, fd: Int64)
    }

    /// The threads: 42 and 43 of process 42, 50 a child process of 42 (same parent as 51), 60 alone.
    static let threads: [ProcessRecord] = {
        func thread(_ tid: Int64, pid: Int64, ptid: Int64, comm: String) -> ProcessRecord {
            var t = ScapSamples.thread(tid)
            t.pid = pid
            t.ptid = ptid
            t.comm = ByteString(comm)
            t.exe = ByteString(comm)
            return t
        }
        // A thread that shares its process's fds (CLONE_FILES, CLONE_FS).
        func sharing(_ record: ProcessRecord) -> ProcessRecord {
            var t = record
            t.flags |= 3
            return t
        }
        return [
            thread(42, pid: 42, ptid: 1, comm: "app"), sharing(thread(43, pid: 42, ptid: 1, comm: "app")),
            thread(50, pid: 50, ptid: 42, comm: "child"), thread(51, pid: 51, ptid: 42, comm: "sibling"),
            thread(60, pid: 60, ptid: 1, comm: "other"),
        ]
    }()

    /// The main script: spans on several threads, nested spans, fragments, JSON tracers, bad tracers,
    /// escapes, every scope form, and other events inside and outside the spans.
    static let script: [Step] = [
        .open(tid: 42, fd: 3, path: "/dev/null"),
        .other(tid: 42),
        .write(tid: 42, fd: 3, text: ">:t:mysql.query:a=1,b=2:"),
        .other(tid: 42), .other(tid: 43), .other(tid: 50), .other(tid: 51), .other(tid: 60),
        .write(tid: 42, fd: 3, text: ">:123:outer::"),
        .write(tid: 42, fd: 3, text: ">:123:outer.inner:x=1:"),
        .other(tid: 42), .other(tid: 43),
        .write(tid: 42, fd: 3, text: "<:123:outer.inner:y=2:"),
        .other(tid: 42),
        .write(tid: 42, fd: 3, text: "<:123:outer::"),
        .write(tid: 42, fd: 3, text: "<:t:mysql.query:c=3:"),
        // A tracer without its argument section waits for more text, and the next one spoils it.
        .write(tid: 42, fd: 3, text: ">:t:waits:"),
        .write(tid: 42, fd: 3, text: "<:t:waits::"),
        .other(tid: 42),
        // Fragments: the first two writes are held until the tracer is whole.
        .write(tid: 42, fd: 3, text: ">:p:frag"),
        .write(tid: 42, fd: 3, text: "ment.two:k="),
        .write(tid: 42, fd: 3, text: "v:"),
        .other(tid: 43),
        .write(tid: 42, fd: 3, text: "<:p:fragment.two::"),
        // Scopes: the parent's tid, global, empty, negative numbers.
        .write(tid: 42, fd: 3, text: ">:pp:scope::"),
        .write(tid: 42, fd: 3, text: "<:pp:scope::"),
        .write(tid: 42, fd: 3, text: ">:g:glob::"),
        .write(tid: 42, fd: 3, text: ">:::empty:"),
        .write(tid: 42, fd: 3, text: ">:-7:neg:"),
        .write(tid: 42, fd: 3, text: "<:-7:neg:r=ok:"),
        // Escapes in tags and arguments.
        .write(tid: 42, fd: 3, text: #">:t:a\.b.c\:d:k\=x=v\,w,z=\::"#),
        .write(tid: 42, fd: 3, text: #"<:t:a\.b.c\:d::"#),
        // JSON tracers.
        .write(tid: 42, fd: 3, text: #"[">", 12345, ["mysql", "query", "init"], [{"argname1":"argval1"}, {"argname2":"argval2"}]]"#),
        .other(tid: 42),
        .write(tid: 42, fd: 3, text: #"["<", 12345, ["mysql", "query", "init"], []]"#),
        .write(tid: 42, fd: 3, text: #"[">", "t", ["j"], []]"#),
        .write(tid: 42, fd: 3, text: #"["<", "t", ["j"], [{"r":"1"}]]"#),
        // Bad tracers on a tracer fd: sysdig reports them as enter tracers.
        .write(tid: 42, fd: 3, text: "hello"),
        .write(tid: 42, fd: 3, text: ">:t:bad>tag:"),
        .write(tid: 42, fd: 3, text: ">:t:noval:k:"),
        // A failed write is parsed all the same.
        .write(tid: 42, fd: 3, text: ">:t:failed::", res: -9),
        .write(tid: 42, fd: 3, text: "<:t:failed::"),
        // Another thread of the process, and a child process, trace their own spans.
        .write(tid: 43, fd: 3, text: ">:t:second::"),
        .other(tid: 42), .other(tid: 43),
        .write(tid: 43, fd: 3, text: "<:t:second::"),
        .open(tid: 50, fd: 4, path: "/dev/null"),
        .write(tid: 50, fd: 4, text: ">:77:child.span:q=1:"),
        .other(tid: 50), .other(tid: 51), .other(tid: 42), .other(tid: 60),
        .write(tid: 50, fd: 4, text: "<:77:child.span::"),
        // An exit without enter, and an enter never closed.
        .write(tid: 42, fd: 3, text: "<:t:orphan::"),
        .write(tid: 42, fd: 3, text: ">:t:open.forever::"),
        .other(tid: 42),
        // A /dev/null whose first write is not a tracer is an ordinary file for good.
        .open(tid: 60, fd: 5, path: "/dev/null"),
        .write(tid: 60, fd: 5, text: "plain text"),
        .write(tid: 60, fd: 5, text: ">:t:ignored:"),
        // Not /dev/null: never a tracer.
        .open(tid: 60, fd: 6, path: "/tmp/file"),
        .write(tid: 60, fd: 6, text: ">:t:file:"),
        .close(tid: 42, fd: 3),
        .other(tid: 42),
    ]

    /// More spans open at once than libsinsp's pool holds (128): it forgets them all and starts over.
    static let overflowScript: [Step] = {
        var steps: [Step] = [.open(tid: 42, fd: 3, path: "/dev/null"), .open(tid: 50, fd: 3, path: "/dev/null")]
        for i in 0..<130 { steps.append(.write(tid: i % 3 == 0 ? 50 : 42, fd: 3, text: ">:\(i):s\(i % 4).x:n=\(i):")) }
        steps.append(.other(tid: 42))
        steps.append(.other(tid: 50))
        for i in (0..<130).reversed() { steps.append(.write(tid: i % 3 == 0 ? 50 : 42, fd: 3, text: "<:\(i):s\(i % 4).x::")) }
        return steps
    }()

    static func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }
    static func str(_ s: String) -> [UInt8] { Array(s.utf8) + [0] }

    /// Writes `script` (by default ``script``) as a capture at `path`; `extraThreads` join the
    /// process list.
    static func write(to path: String, script: [Step] = TracerCapture.script) throws {
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeMachineInfo(ScapSamples.machine)
        try writer.writeUserList(ScapSamples.users)
        try writer.writeProcessList(ProcessList(threads: threads))
        var ts: UInt64 = 1_600_000_000_000_000_000
        func event(_ type: UInt16, _ tid: UInt64, _ params: [[UInt8]]) throws {
            let bytes = ScapSamples.event(type: type, ts: ts, tid: tid, params: params)
            try bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: UInt16(tid % 4)) }
            ts += 1_234_567
        }
        for step in script {
            switch step {
            case .open(let tid, let fd, let path):
                try event(EventCode.openE, tid, [str(path), le(UInt32(1)), le(UInt32(0))])
                try event(EventCode.openX, tid, [le(fd), str(path), le(UInt32(1)), le(UInt32(0)), le(UInt32(0))])
            case .write(let tid, let fd, let text, let res):
                let data = Array(text.utf8)
                try event(EventCode.writeE, tid, [le(fd), le(UInt32(data.count))])
                try event(EventCode.writeX, tid, [le(res ?? Int64(data.count)), data])
            case .other(let tid):
                // getpid-like: a close of an fd that does not exist.
                try event(EventCode.closeE, tid, [le(Int64(99))])
                try event(EventCode.closeX, tid, [le(Int64(-9))])
            case .close(let tid, let fd):
                try event(EventCode.closeE, tid, [le(fd)])
                try event(EventCode.closeX, tid, [le(Int64(0))])
            }
        }
        try writer.close()
    }
}
