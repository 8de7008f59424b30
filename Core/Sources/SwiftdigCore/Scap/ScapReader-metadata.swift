// SPDX-License-Identifier: Apache-2.0

extension ScapReader {
    /// Decodes a section header body whose magic was checked; options that do not parse are dropped.
    static func decodeSectionHeader(_ body: UnsafeRawBufferPointer) -> SectionHeader {
        let cursor = ByteCursor(body)
        return SectionHeader(
            majorVersion: cursor.getInteger(at: 4) ?? 0,
            minorVersion: cursor.getInteger(at: 6) ?? 0,
            sectionLength: cursor.getInteger(at: 8) ?? .max,
            options: body.count > 16 ? BlockOption.parseList(UnsafeRawBufferPointer(rebasing: body[16...])) : [])
    }

    /// Decodes a machine info body; bytes past the 180 of the record are ignored.
    static func decodeMachineInfo(
        _ body: UnsafeRawBufferPointer, blockType: ScapBlockType
    ) throws(BodyError) -> MachineInfo {
        var reader = BlockBodyReader(body, context: "machine info")
        guard body.count >= MachineInfo.bodySize else {
            throw reader.failure("body is \(body.count) bytes, expected \(MachineInfo.bodySize)", at: 0)
        }
        let numCPUs = try reader.integer("num_cpus", as: UInt32.self)
        let memory = try reader.integer("memory_size_bytes", as: UInt64.self)
        let maxPID = try reader.integer("max_pid", as: UInt64.self)
        let hostname = ByteString(cString: try reader.bytes("hostname", count: 128))
        return MachineInfo(
            blockType: blockType, numCPUs: numCPUs, memorySizeBytes: memory, maxPID: maxPID, hostname: hostname,
            bootTimeEpochNs: try reader.integer("boot_ts_epoch"), flags: try reader.integer("flags"),
            reserved3: try reader.integer("reserved3"), reserved4: try reader.integer("reserved4"))
    }

    /// Decodes an interface list body.
    static func decodeInterfaceList(
        _ body: UnsafeRawBufferPointer, blockType: ScapBlockType
    ) throws(BodyError) -> InterfaceList {
        let sized = blockType == .interfaceListV2
        var list = InterfaceList(blockType: blockType, ipv4: [], ipv6: [])
        var reader = BlockBodyReader(body, context: "interface list")
        var number = 0
        // Fewer than 4 bytes left is the block's padding.
        while reader.remaining >= 4 {
            reader.context = "interface list entry \(number)"
            let entryStart = reader.index
            var entryEnd: Int?
            if sized {
                let size = try reader.integer("entry length", as: UInt32.self)
                guard Int(size) <= reader.remaining else {
                    throw reader.failure("entry length \(size) runs past the end of the block", at: entryStart)
                }
                entryEnd = reader.index + Int(size)
            }
            let kind = try reader.integer("type", as: UInt16.self)
            let nameLength = Int(try reader.integer("name length", as: UInt16.self))
            switch kind {
            case 1, 3:
                let address = try reader.integer("address", as: UInt32.self)
                let netmask = try reader.integer("netmask", as: UInt32.self)
                let broadcast = try reader.integer("broadcast", as: UInt32.self)
                let speed: UInt64? = kind == 1 ? try reader.integer("link speed", as: UInt64.self) : nil
                let name = ByteString(try reader.bytes("name", count: nameLength))
                list.ipv4.append(
                    IPv4Interface(
                        name: name, address: address, netmask: netmask, broadcast: broadcast, linkSpeed: speed))
            case 2, 4:
                let address = IPv6Address.load(try reader.bytes("address", count: 16))
                let netmask = IPv6Address.load(try reader.bytes("netmask", count: 16))
                let broadcast = IPv6Address.load(try reader.bytes("broadcast", count: 16))
                let speed: UInt64? = kind == 2 ? try reader.integer("link speed", as: UInt64.self) : nil
                let name = ByteString(try reader.bytes("name", count: nameLength))
                list.ipv6.append(
                    IPv6Interface(
                        name: name, address: address, netmask: netmask, broadcast: broadcast, linkSpeed: speed))
            default:
                throw reader.failure("unknown interface type \(kind)", at: reader.index - 4)
            }
            if let entryEnd {
                guard reader.index <= entryEnd else {
                    throw reader.failure("entry is longer than its length says", at: entryStart)
                }
                reader.index = entryEnd
            }
            number += 1
        }
        return list
    }

    /// Decodes a user list body.
    static func decodeUserList(_ body: UnsafeRawBufferPointer, blockType: ScapBlockType) throws(BodyError) -> UserList {
        let sized = blockType == .userListV2
        var list = UserList(blockType: blockType, users: [], groups: [])
        var reader = BlockBodyReader(body, context: "user list")
        var number = 0
        while reader.remaining >= 4 {
            reader.context = "user list entry \(number)"
            let entryStart = reader.index
            let size = sized ? try reader.integer("entry length", as: UInt32.self) : 0
            if size != 0 && Int(size) > body.count - entryStart {
                throw reader.failure("entry length \(size) runs past the end of the block", at: entryStart)
            }
            let kind = try reader.integer("type", as: UInt8.self)
            if kind == 0 {
                let uid = try reader.integer("uid", as: UInt32.self)
                let gid = try reader.integer("gid", as: UInt32.self)
                let name = try reader.string("name")
                let homedir = try reader.string("homedir")
                let shell = try reader.string("shell")
                list.users.append(UserInfo(uid: uid, gid: gid, name: name, homedir: homedir, shell: shell))
            } else {
                let gid = try reader.integer("gid", as: UInt32.self)
                let name = try reader.string("name")
                list.groups.append(GroupInfo(gid: gid, name: name))
            }
            try Self.finishEntry(&reader, start: entryStart, size: size)
            number += 1
        }
        return list
    }

    /// Moves past the unread end of an entry that starts at `start` and is `size` bytes long
    /// (0: the entry has no length), or throws when more than that was read.
    static func finishEntry(_ reader: inout BlockBodyReader, start: Int, size: UInt32) throws(BodyError) {
        guard size != 0 else { return }
        let end = start + Int(size)
        guard reader.index <= end else {
            throw reader.failure("entry length \(size) is shorter than its fields (\(reader.index - start))", at: start)
        }
        reader.index = end
    }
}
