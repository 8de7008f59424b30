// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// Containers (container events, threads in docker cgroups, `container.*`, `lscontainers`) on a
/// synthetic capture, against sysdig 0.29.3.
@Suite struct ContainerTests {
    @Test func fields() throws {
        try TracerTests.expectSame(
            [
                "", "-pc", "'container.name=web'", "-j -p '*%container.name %container.privileged %container.id'",
                "-p '*%evt.num %proc.name %container.id %container.name %container.image %container.type %container.privileged %evt.reltime'",
                "-p '*%evt.num %container.image.id %container.image.repository %container.image.tag %container.image.digest %container.healthcheck %container.liveness_probe'",
                "-p '*%evt.num %container.mounts %container.mount[0] %container.mount[1] %container.mount.source[/var/www] %container.mount.dest[/d*] %container.mount.rdwr[0] %container.mount.mode[0] %container.mount.propagation[/data]'",
                "-c topcontainers_cpu", "-pc -c topprocs_cpu",
            ], capture: ContainerCapture.write)
    }

    /// sysdig lists containers in the order of its hash table: rows are compared as sets.
    @Test func lscontainers() throws {
        try TracerTests.expectSame(["-c lscontainers"], unordered: true, capture: ContainerCapture.write)
    }

    /// `-w` copies the container events that open the capture: sysdig reads the copy's containers.
    @Test func writeCopiesContainerEvents() throws {
        guard let (original, reread) = try TracerTests.copyOutputs(
            "-p '*%evt.num %container.name %container.image %container.type'", filter: "proc.name=nginx",
            capture: ContainerCapture.write)
        else { return }
        #expect(original.contains("web nginx:latest docker"))
        #expect(original == reread)
    }

    @Test func dockerCgroups() {
        let id = String(repeating: "0123456789abcdef", count: 4)
        #expect(SystemState.dockerID("/docker/" + id) == "0123456789ab")
        #expect(SystemState.dockerID("/system.slice/docker-\(id).scope") == "0123456789ab")
        #expect(SystemState.dockerID("/kubepods/pod1/" + id) == "0123456789ab")
        #expect(SystemState.dockerID("/docker/" + id.dropLast()) == nil)
        #expect(SystemState.dockerID("/user.slice") == nil)
        #expect(SystemState.dockerID("/crio-" + id) == nil)  // CRI's: it sets the id and records nothing
    }

    @Test func containerJSON() {
        let info = ContainerInfo(json: Array(ContainerCapture.containerEvents[0].json.utf8))
        #expect(info?.id == "a1a1a1a1a1a1" && info?.name == "web" && info?.privileged == true)
        #expect(info?.mountText(0) == "/data:/var/www:ro:false:rprivate")
        #expect(ContainerInfo(json: Array("{\"container\":".utf8)) == nil)
        #expect(JSONDocument(parsing: Array(#"{"a":[1,"\u0041\n",true,null]}"#.utf8))?["a"]
            == .array([.number(1), .string("A\n"), .bool(true), .null]))
    }
}
