// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

/// A synthetic capture with containers: no shared capture has any. Threads in docker cgroups, the
/// container events sysdig writes at the start of a capture (`container` JSON), and a few events.
enum ContainerCapture {
    static let idA = String(repeating: "a1", count: 32)
    static let idB = String(repeating: "b2", count: 32)

    /// The container events: one for the container of thread 100, one for a container no thread of
    /// the capture is in (a CRI one), in both event versions.
    static let containerEvents: [(type: UInt16, json: String)] = [
        (272, #"{"container":{"id":"a1a1a1a1a1a1","full_id":"\#(idA)","type":0,"name":"web","image":"nginx:latest","imageid":"6f7e2741b66b","imagerepo":"nginx","imagetag":"latest","imagedigest":"sha256:d977378f890d445c","privileged":true,"lookup_state":1,"created_time":1600000000,"Mounts":[{"Source":"/data","Destination":"/var/www","Mode":"ro","RW":false,"Propagation":"rprivate"}],"labels":{"app":"web"},"env":[],"ip":"172.17.0.2"}}"#),
        (324, #"{"container":{"id":"c3c3c3c3c3c3","type":6,"name":"k8s_pod","image":"busybox","imageid":"","imagerepo":"busybox","imagetag":"","imagedigest":"","privileged":false,"lookup_state":1}}"#),
    ]

    /// Writes the capture at `path`.
    static func write(to path: String) throws {
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeMachineInfo(ScapSamples.machine)
        try writer.writeUserList(ScapSamples.users)
        func thread(_ tid: Int64, comm: String, cgroup: String?) -> ProcessRecord {
            var t = ScapSamples.thread(tid)
            t.pid = tid
            t.comm = ByteString(comm)
            t.cgroups = ByteString(cgroup.map { "cpu=\($0)\0memory=\($0)\0" } ?? "cpu=/user.slice\0")
            return t
        }
        try writer.writeProcessList(
            ProcessList(threads: [
                thread(100, comm: "nginx", cgroup: "/docker/" + idA), thread(200, comm: "redis", cgroup: "/system.slice/docker-\(idB).scope"),
                thread(300, comm: "bash", cgroup: nil), thread(400, comm: "init", cgroup: "/lxc/box1/init.scope"),
                thread(500, comm: "guest", cgroup: #"/machine.slice/machine-lxc\x2d42\x2dguest.scope"#),
                thread(600, comm: "crio", cgroup: "/kubepods/crio-" + String(repeating: "c6", count: 32)),
            ]))
        var ts: UInt64 = 1_600_000_000_000_000_000
        func event(_ type: UInt16, _ tid: UInt64, _ params: [[UInt8]], large: Bool = false) throws {
            let bytes = ScapSamples.event(type: type, ts: ts, tid: tid, params: params, large: large)
            try bytes.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0, blockType: large ? .eventV2Large : .eventV2) }
            ts += 1_000_000
        }
        for (type, json) in containerEvents {
            try event(type, UInt64(bitPattern: -1), [Array(json.utf8) + [0]], large: type == 324)
        }
        for tid: UInt64 in [100, 200, 300, 400, 500, 600, 100] {
            try event(EventCode.closeE, tid, [TracerCapture.le(Int64(99))])
            try event(EventCode.closeX, tid, [TracerCapture.le(Int64(-9))])
        }
        try writer.close()
    }
}
