// SPDX-License-Identifier: Apache-2.0

extension ScapWriter {
    /// Writes a process list block in the layout of its version; fields the version lacks are left
    /// out. In version 9 the fields after root follow the newer layout (libs 0.10 on) when any field
    /// only that layout has is set, and then all of them are written; otherwise they follow the
    /// layout of sysdig 0.29.3, up to the last one set.
    public func writeProcessList(_ list: ProcessList) throws(ScapError) {
        guard let version = list.blockType.processListVersion else {
            throw invalid("\(list.blockType) is not a process list block type")
        }
        let start = beginBlock(list.blockType)
        do {
            for thread in list.threads { try writeThread(thread, version: version) }
        } catch {
            abandonBlock(start)
            throw error
        }
        try endBlock(start)
    }

    private func writeThread(_ thread: ProcessRecord, version: Int) throws(ScapError) {
        let entry = try beginEntry(sized: version >= 9)
        try withPending { (sink: inout ByteSink) throws(ScapError) in
            sink.append(thread.tid)
            sink.append(thread.pid)
            sink.append(thread.ptid)
            if version >= 6 { sink.append(thread.sid) }
            if version >= 8 { sink.append(thread.vpgid) }
        }
        try appendString(thread.comm, "comm")
        try appendString(thread.exe, "exe")
        if version >= 7 { try appendString(thread.exepath, "exepath") }
        try appendString(thread.args, "args")
        try appendString(thread.cwd, "cwd")
        try withPending { (sink: inout ByteSink) throws(ScapError) in
            sink.append(thread.fdlimit)
            sink.append(thread.flags)
            sink.append(thread.uid)
            sink.append(thread.gid)
            if version >= 2 {
                sink.append(thread.vmsizeKB)
                sink.append(thread.vmrssKB)
                sink.append(thread.vmswapKB)
                sink.append(thread.pfMajor)
                sink.append(thread.pfMinor)
            }
        }
        if version >= 3 { try appendString(thread.env, "env") }
        if version >= 4 {
            try withPending { (sink: inout ByteSink) throws(ScapError) in
                sink.append(thread.vtid)
                sink.append(thread.vpid)
            }
            try appendString(thread.cgroups, "cgroups")
        }
        if version >= 5 { try appendString(thread.root, "root") }
        if version >= 9 {
            try withPending { (sink: inout ByteSink) throws(ScapError) in Self.appendTail(thread, &sink) }
        }
        try endEntry(entry)
    }

    private static func appendTail(_ thread: ProcessRecord, _ sink: inout ByteSink) {
        if thread.hasNewerTail {
            sink.append(thread.pidnsInitStartTs ?? 0)
            sink.append(thread.tty ?? 0)
            sink.append(thread.loginUID ?? .max)
            sink.append(UInt8(thread.exeWritable == true ? 1 : 0))
            sink.append(thread.capInheritable ?? 0)
            sink.append(thread.capPermitted ?? 0)
            sink.append(thread.capEffective ?? 0)
            sink.append(UInt8(thread.exeUpperLayer == true ? 1 : 0))
            sink.append(thread.exeIno ?? 0)
            sink.append(thread.exeInoCtime ?? 0)
            sink.append(thread.exeInoMtime ?? 0)
            sink.append(UInt8(thread.exeFromMemfd == true ? 1 : 0))
            sink.append(UInt8(thread.exeLowerLayer == true ? 1 : 0))
            sink.append(thread.pgid ?? -1)
            return
        }
        let present = [
            thread.loginUID != nil, thread.exeWritable != nil, thread.capInheritable != nil,
            thread.capPermitted != nil, thread.capEffective != nil,
        ]
        let count = (present.lastIndex(of: true) ?? -1) + 1
        if count > 0 { sink.append(thread.loginUID ?? .max) }
        if count > 1 { sink.append(UInt8(thread.exeWritable == true ? 1 : 0)) }
        if count > 2 { sink.append(thread.capInheritable ?? 0) }
        if count > 3 { sink.append(thread.capPermitted ?? 0) }
        if count > 4 { sink.append(thread.capEffective ?? 0) }
    }
}
