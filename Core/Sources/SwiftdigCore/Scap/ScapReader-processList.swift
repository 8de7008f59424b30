// SPDX-License-Identifier: Apache-2.0

extension ScapReader {
    /// The most bytes that can follow root in a version 9 entry written by libs before 0.10:
    /// loginuid (4), exe_writable (1), three capability sets (24).
    static let legacyTailLimit = 29

    /// Decodes a process list body of any version.
    static func decodeProcessList(
        _ body: UnsafeRawBufferPointer, blockType: ScapBlockType
    ) throws(BodyError) -> ProcessList {
        let version = blockType.processListVersion ?? 1
        var list = ProcessList(blockType: blockType, threads: [])
        var reader = BlockBodyReader(body, context: "process list")
        while reader.remaining >= 4 {
            reader.context = "process list entry \(list.threads.count)"
            list.threads.append(try decodeThread(&reader, version: version, body: body))
        }
        return list
    }

    private static func decodeThread(
        _ reader: inout BlockBodyReader, version: Int, body: UnsafeRawBufferPointer
    ) throws(BodyError) -> ThreadInfo {
        let entryStart = reader.index
        let size: UInt32 = version >= 9 ? try reader.integer("entry length") : 0
        if size != 0 && Int(size) > body.count - entryStart {
            throw reader.failure("entry length \(size) runs past the end of the block", at: entryStart)
        }
        let tid = try reader.integer("tid", as: Int64.self)
        let pid = try reader.integer("pid", as: Int64.self)
        let ptid = try reader.integer("ptid", as: Int64.self)
        var thread = ThreadInfo(tid: tid, pid: pid, ptid: ptid, comm: "")
        if version >= 6 { thread.sid = try reader.integer("sid") }
        if version >= 8 { thread.vpgid = try reader.integer("vpgid") }
        thread.comm = try reader.string("comm")
        thread.exe = try reader.string("exe")
        if version >= 7 { thread.exepath = try reader.string("exepath") }
        thread.args = try reader.string("args")
        thread.cwd = try reader.string("cwd")
        thread.fdlimit = try reader.integer("fdlimit")
        thread.flags = try reader.integer("flags")
        thread.uid = try reader.integer("uid")
        thread.gid = try reader.integer("gid")
        if version >= 2 {
            thread.vmsizeKB = try reader.integer("vmsize_kb")
            thread.vmrssKB = try reader.integer("vmrss_kb")
            thread.vmswapKB = try reader.integer("vmswap_kb")
            thread.pfMajor = try reader.integer("pfmajor")
            thread.pfMinor = try reader.integer("pfminor")
        }
        if version >= 3 { thread.env = try reader.string("env") }
        if version >= 4 {
            thread.vtid = try reader.integer("vtid")
            thread.vpid = try reader.integer("vpid")
            thread.cgroups = try reader.string("cgroups")
        }
        if version >= 5 { thread.root = try reader.string("root") }
        if size != 0 {
            let entryEnd = entryStart + Int(size)
            guard reader.index <= entryEnd else {
                throw reader.failure(
                    "entry length \(size) is shorter than its fields (\(reader.index - entryStart))", at: entryStart)
            }
            try decodeTail(&reader, into: &thread, end: entryEnd)
            reader.index = entryEnd
        }
        return thread
    }

    /// Reads the optional version 9 fields after root, each only if the entry still has room for it.
    private static func decodeTail(
        _ reader: inout BlockBodyReader, into thread: inout ThreadInfo, end: Int
    ) throws(BodyError) {
        func take<T: FixedWidthInteger>(_ field: String, _ type: T.Type) throws(BodyError) -> T? {
            guard reader.index + MemoryLayout<T>.size <= end else { return nil }
            return try reader.integer(field, as: T.self)
        }
        if end - reader.index > legacyTailLimit {
            thread.pidnsInitStartTs = try take("pidns_init_start_ts", UInt64.self)
            thread.tty = try take("tty", UInt32.self)
        }
        thread.loginUID = try take("loginuid", UInt32.self)
        thread.exeWritable = try take("exe_writable", UInt8.self).map { $0 != 0 }
        thread.capInheritable = try take("cap_inheritable", UInt64.self)
        thread.capPermitted = try take("cap_permitted", UInt64.self)
        thread.capEffective = try take("cap_effective", UInt64.self)
        thread.exeUpperLayer = try take("exe_upper_layer", UInt8.self).map { $0 != 0 }
        thread.exeIno = try take("exe_ino", UInt64.self)
        thread.exeInoCtime = try take("exe_ino_ctime", UInt64.self)
        thread.exeInoMtime = try take("exe_ino_mtime", UInt64.self)
        thread.exeFromMemfd = try take("exe_from_memfd", UInt8.self).map { $0 != 0 }
        thread.exeLowerLayer = try take("exe_lower_layer", UInt8.self).map { $0 != 0 }
        thread.pgid = try take("pgid", Int64.self)
    }
}
