// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// `context.threadTable(filter:fds:)`: the core's threads copied into the protocol's values, as
/// libsinsp's `get_thread_table` builds its Lua table.
extension ChiselInstance {
    func threadTable(filter text: String, fds: Bool) throws -> [ChiselThreadInfo] {
        var filter: Filter?
        if !text.isEmpty {
            do {
                filter = try Filter(compiling: text)
            } catch {
                throw ChiselError("invalid filter argument for get_thread_table in chisel \(name): \(error.description)")
            }
        }
        let state = source.inspector.state
        // sysdig tests the filter on a fake event stamped with the latest event's time.
        let timestamp = source.inspector.lastTimestamp
        var table: [ChiselThreadInfo] = []
        for (tid, thread) in state.threads.sorted(by: { $0.key < $1.key }) {
            let open = state.fdTable(of: thread).sorted { $0.key < $1.key }
            var kept = open
            if let filter {
                kept = try open.filter { try filter.matches(thread: thread, fd: $0.key, $0.value, timestamp: timestamp, source.context) }
                // A thread with no fd the filter matches is left out, not listed without fds.
                if kept.isEmpty { continue }
            }
            table.append(ChiselThreadInfo(
                tid: tid, pid: thread.pid, parentTid: thread.ptid, processName: thread.comm, executable: thread.exe,
                arguments: thread.args, environment: thread.env, flags: thread.flags, fdLimit: thread.fdlimit,
                uid: thread.uid, gid: thread.gid, userName: Self.userName(thread.uid, state),
                childCount: thread.childCount, virtualMemoryKB: thread.vmsizeKB, residentMemoryKB: thread.vmrssKB,
                swapKB: thread.vmswapKB, majorPageFaults: thread.pfmajor, minorPageFaults: thread.pfminor,
                cloneTimestamp: thread.cloneTimestamp, fds: fds ? kept.map(Self.fdInfo) : []))
        }
        return table
    }

    private static func userName(_ uid: UInt32, _ state: SystemState) -> String {
        uid == 0xFFFF_FFFF ? "<NA>" : state.users[uid]?.name ?? "<NA>"
    }

    private static func fdInfo(_ entry: (key: Int64, value: FDInfo)) -> ChiselFDInfo {
        let ends = entry.value.socketEnds.map {
            ChiselSocketEnds(
                l4Protocol: $0.l4Protocol, serverAddress: $0.serverAddress, serverPort: $0.serverPort,
                clientAddress: $0.client?.address, clientPort: $0.client?.port, isServer: $0.isServer)
        }
        return ChiselFDInfo(
            number: entry.key, name: String(decoding: entry.value.sanitizedNameUTF8, as: UTF8.self),
            typeName: entry.value.type.typeName, socket: ends)
    }
}

/// `context.containerTable()`: the core's containers, as libsinsp's `get_container_table` lists them.
extension ChiselInstance {
    func containerTable() -> [ChiselContainerInfo] {
        source.inspector.state.containers.all.map {
            ChiselContainerInfo(id: $0.id, name: $0.name, image: $0.image, type: $0.tableTypeName)
        }
    }
}
