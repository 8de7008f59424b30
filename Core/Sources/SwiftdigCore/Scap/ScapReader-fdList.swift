// SPDX-License-Identifier: Apache-2.0

extension ScapReader {
    /// Decodes the file descriptor list body of one thread.
    static func decodeFDList(_ body: UnsafeRawBufferPointer, blockType: ScapBlockType) throws(BodyError) -> FDList {
        let sized = blockType == .fdListV2
        var reader = BlockBodyReader(body, context: "fd list")
        var list = FDList(blockType: blockType, tid: try reader.integer("tid"), fds: [])
        while reader.remaining >= 4 {
            reader.context = "fd list entry \(list.fds.count)"
            let entryStart = reader.index
            let size: UInt32 = sized ? try reader.integer("entry length") : 0
            if size != 0 && Int(size) > body.count - entryStart {
                throw reader.failure("entry length \(size) runs past the end of the block", at: entryStart)
            }
            let fd = try reader.integer("fd", as: Int64.self)
            let ino = try reader.integer("ino", as: UInt64.self)
            let type = FDType(rawValue: try reader.integer("type", as: UInt8.self))
            let details = try decodeDetails(&reader, type: type, entryStart: entryStart, size: size)
            list.fds.append(FDInfo(fd: fd, ino: ino, type: type, details: details))
            try finishEntry(&reader, start: entryStart, size: size)
        }
        return list
    }

    private static func decodeDetails(
        _ reader: inout BlockBodyReader, type: FDType, entryStart: Int, size: UInt32
    ) throws(BodyError) -> FDDetails {
        switch type {
        case .unknown:
            return .none
        case .ipv4Socket:
            return .ipv4Socket(
                sourceIP: try reader.integer("source ip"), destinationIP: try reader.integer("destination ip"),
                sourcePort: try reader.integer("source port"), destinationPort: try reader.integer("destination port"),
                l4Protocol: try reader.integer("l4 protocol"))
        case .ipv4ServerSocket:
            return .ipv4Server(
                ip: try reader.integer("ip"), port: try reader.integer("port"),
                l4Protocol: try reader.integer("l4 protocol"))
        case .ipv6Socket:
            return .ipv6Socket(
                sourceIP: IPv6Address.load(try reader.bytes("source ip", count: 16)),
                destinationIP: IPv6Address.load(try reader.bytes("destination ip", count: 16)),
                sourcePort: try reader.integer("source port"), destinationPort: try reader.integer("destination port"),
                l4Protocol: try reader.integer("l4 protocol"))
        case .ipv6ServerSocket:
            return .ipv6Server(
                ip: IPv6Address.load(try reader.bytes("ip", count: 16)), port: try reader.integer("port"),
                l4Protocol: try reader.integer("l4 protocol"))
        case .unixSocket:
            return .unixSocket(
                source: try reader.integer("source"), destination: try reader.integer("destination"),
                name: try reader.string("name"))
        case .fileV2:
            let flags = try reader.integer("open flags", as: UInt32.self)
            let name = try reader.string("name")
            // The device is there only when the entry length leaves room for it.
            var dev: UInt32?
            if size != 0 && reader.index + 4 <= entryStart + Int(size) { dev = try reader.integer("dev") }
            return .file(openFlags: flags, name: name, dev: dev)
        default:
            if type.carriesName { return .name(try reader.string("name")) }
            guard size != 0 else {
                throw reader.failure(
                    "unknown fd type \(type.rawValue), which a list without entry lengths gives no way to skip",
                    at: reader.index - 1)
            }
            return .unknownType
        }
    }
}
