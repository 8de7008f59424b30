// SPDX-License-Identifier: Apache-2.0

extension ScapWriter {
    /// Writes a machine info block (hostname cut to 127 bytes).
    public func writeMachineInfo(_ info: MachineInfo) throws(ScapError) {
        guard info.blockType == .machineInfo || info.blockType == .machineInfoInt else {
            throw invalid("\(info.blockType) is not a machine info block type")
        }
        let start = beginBlock(info.blockType)
        try withPending { (sink: inout ByteSink) throws(ScapError) in
            sink.append(info.numCPUs)
            sink.append(info.memorySizeBytes)
            sink.append(info.maxPID)
            let name = info.hostname.bytes.prefix(127)
            sink.append(bytes: Array(name))
            sink.appendZeros(128 - name.count)
            sink.append(info.bootTimeEpochNs)
            sink.append(info.flags)
            sink.append(info.reserved3)
            sink.append(info.reserved4)
        }
        try endBlock(start)
    }

    /// Writes an interface list block in the layout of its block type, IPv4 entries first.
    public func writeInterfaceList(_ list: InterfaceList) throws(ScapError) {
        let sized: Bool
        switch list.blockType {
        case .interfaceListV2: sized = true
        case .interfaceList, .interfaceListInt: sized = false
        default: throw invalid("\(list.blockType) is not an interface list block type")
        }
        let start = beginBlock(list.blockType)
        do {
            for entry in list.ipv4 {
                try interfaceEntry(sized: sized, name: entry.name) { (sink: inout ByteSink) in
                    sink.append(UInt16(entry.linkSpeed == nil ? 3 : 1))
                    sink.append(UInt16(entry.name.count))
                    sink.append(entry.address)
                    sink.append(entry.netmask)
                    sink.append(entry.broadcast)
                    if let speed = entry.linkSpeed { sink.append(speed) }
                }
            }
            for entry in list.ipv6 {
                try interfaceEntry(sized: sized, name: entry.name) { (sink: inout ByteSink) in
                    sink.append(UInt16(entry.linkSpeed == nil ? 4 : 2))
                    sink.append(UInt16(entry.name.count))
                    sink.append(bytes: entry.address.bytes)
                    sink.append(bytes: entry.netmask.bytes)
                    sink.append(bytes: entry.broadcast.bytes)
                    if let speed = entry.linkSpeed { sink.append(speed) }
                }
            }
        } catch {
            abandonBlock(start)
            throw error
        }
        try endBlock(start)
    }

    private func interfaceEntry(
        sized: Bool, name: ByteString, fields: (inout ByteSink) -> Void
    ) throws(ScapError) {
        guard name.count <= Int(UInt16.max) else { throw invalid("interface name is \(name.count) bytes") }
        try withPending { (sink: inout ByteSink) throws(ScapError) in
            let lengthAt = sink.count
            if sized { sink.append(UInt32(0)) }
            fields(&sink)
            sink.append(bytes: name.bytes)
            // The version 2 entry length does not count itself.
            if sized { sink.set(UInt32(sink.count - lengthAt - 4), at: lengthAt) }
        }
    }

    /// Writes a user list block in the layout of its block type, users first.
    public func writeUserList(_ list: UserList) throws(ScapError) {
        let sized: Bool
        switch list.blockType {
        case .userListV2: sized = true
        case .userList, .userListInt: sized = false
        default: throw invalid("\(list.blockType) is not a user list block type")
        }
        let start = beginBlock(list.blockType)
        do {
            for user in list.users {
                let entry = try beginEntry(sized: sized)
                try withPending { (sink: inout ByteSink) throws(ScapError) in
                    sink.append(UInt8(0))
                    sink.append(user.uid)
                    sink.append(user.gid)
                }
                try appendString(user.name, "user name")
                try appendString(user.homedir, "user homedir")
                try appendString(user.shell, "user shell")
                try endEntry(entry)
            }
            for group in list.groups {
                let entry = try beginEntry(sized: sized)
                try withPending { (sink: inout ByteSink) throws(ScapError) in
                    sink.append(UInt8(1))
                    sink.append(group.gid)
                }
                try appendString(group.name, "group name")
                try endEntry(entry)
            }
        } catch {
            abandonBlock(start)
            throw error
        }
        try endBlock(start)
    }

    /// Starts an entry; for a sized one, reserves its length (which counts itself). Returns where
    /// the length goes, or `nil` for an entry without one.
    func beginEntry(sized: Bool) throws(ScapError) -> Int? {
        guard sized else { return nil }
        return try withPending { (sink: inout ByteSink) throws(ScapError) -> Int? in
            let at = sink.count
            sink.append(UInt32(0))
            return at
        }
    }

    /// Fills in the length of an entry started with ``beginEntry(sized:)``.
    func endEntry(_ lengthAt: Int?) throws(ScapError) {
        guard let lengthAt else { return }
        try withPending { (sink: inout ByteSink) throws(ScapError) in
            sink.set(UInt32(sink.count - lengthAt), at: lengthAt)
        }
    }
}
