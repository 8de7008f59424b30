// SPDX-License-Identifier: Apache-2.0

extension ScapWriter {
    /// Writes the file descriptor list of one thread in the layout of its block type. Each entry's
    /// details must be the kind its type calls for. A version 1 list never carries a file's device.
    public func writeFDList(_ list: FDList) throws(ScapError) {
        let sized: Bool
        switch list.blockType {
        case .fdListV2: sized = true
        case .fdList, .fdListInt: sized = false
        default: throw invalid("\(list.blockType) is not an fd list block type")
        }
        let start = beginBlock(list.blockType)
        do {
            try withPending { (sink: inout ByteSink) throws(ScapError) in sink.append(list.tid) }
            for entry in list.fds { try writeFD(entry, sized: sized) }
        } catch {
            abandonBlock(start)
            throw error
        }
        try endBlock(start)
    }

    private func writeFD(_ entry: FDInfo, sized: Bool) throws(ScapError) {
        let mismatch = invalid("fd \(entry.fd): type \(entry.type) does not go with details \(entry.details)")
        let lengthAt = try beginEntry(sized: sized)
        try withPending { (sink: inout ByteSink) throws(ScapError) in
            sink.append(entry.fd)
            sink.append(entry.ino)
            sink.append(entry.type.rawValue)
        }
        switch entry.details {
        case .none:
            guard entry.type == .unknown else { throw mismatch }
        case let .name(name):
            guard entry.type.carriesName else { throw mismatch }
            try appendString(name, "fd name")
        case let .file(openFlags, name, dev):
            guard entry.type == .fileV2 else { throw mismatch }
            try withPending { (sink: inout ByteSink) throws(ScapError) in sink.append(openFlags) }
            try appendString(name, "fd name")
            if sized, let dev { try withPending { (sink: inout ByteSink) throws(ScapError) in sink.append(dev) } }
        case let .ipv4Socket(sourceIP, destinationIP, sourcePort, destinationPort, l4Protocol):
            guard entry.type == .ipv4Socket else { throw mismatch }
            try withPending { (sink: inout ByteSink) throws(ScapError) in
                sink.append(sourceIP)
                sink.append(destinationIP)
                sink.append(sourcePort)
                sink.append(destinationPort)
                sink.append(l4Protocol)
            }
        case let .ipv6Socket(sourceIP, destinationIP, sourcePort, destinationPort, l4Protocol):
            guard entry.type == .ipv6Socket else { throw mismatch }
            try withPending { (sink: inout ByteSink) throws(ScapError) in
                sink.append(bytes: sourceIP.bytes)
                sink.append(bytes: destinationIP.bytes)
                sink.append(sourcePort)
                sink.append(destinationPort)
                sink.append(l4Protocol)
            }
        case let .ipv4Server(ip, port, l4Protocol):
            guard entry.type == .ipv4ServerSocket else { throw mismatch }
            try withPending { (sink: inout ByteSink) throws(ScapError) in
                sink.append(ip)
                sink.append(port)
                sink.append(l4Protocol)
            }
        case let .ipv6Server(ip, port, l4Protocol):
            guard entry.type == .ipv6ServerSocket else { throw mismatch }
            try withPending { (sink: inout ByteSink) throws(ScapError) in
                sink.append(bytes: ip.bytes)
                sink.append(port)
                sink.append(l4Protocol)
            }
        case let .unixSocket(source, destination, name):
            guard entry.type == .unixSocket else { throw mismatch }
            try withPending { (sink: inout ByteSink) throws(ScapError) in
                sink.append(source)
                sink.append(destination)
            }
            try appendString(name, "unix socket name")
        case .unknownType:
            // Only a list with entry lengths lets a reader skip a type it does not know.
            guard sized else { throw invalid("fd \(entry.fd): an fd of unknown type needs a version 2 list") }
        }
        try endEntry(lengthAt)
    }
}
