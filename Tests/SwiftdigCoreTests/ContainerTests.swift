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

    /// In the order of sysdig's hash table; with `desc`, LuaJIT orders each entry's keys anew at each
    /// run: lines are compared as sets.
    @Test func lscontainers() throws {
        try TracerTests.expectSame(["-c lscontainers", "-pc -c lscontainers"], capture: ContainerCapture.write)
        try TracerTests.expectSame(["-c lscontainers desc"], unordered: true, capture: ContainerCapture.write)
    }

    /// The iteration order of libstdc++'s `unordered_map<string, ...>`, checked with g++ when there
    /// is one: 300 keys, through several rehashes.
    @Test func stdHashOrder() throws {
        let keys = (0..<300).map { "container-\($0 * 7919 % 1000)" }
        #expect(StdHashOrder.hash("a1a1a1a1a1a1") % 13 == 11)
        guard ScapTestSupport.shell("command -v g++").status == 0 else { return print("skipping: no g++") }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        let source = "#include <unordered_map>\n#include <string>\n#include <cstdio>\nint main(int c, char** v) { std::unordered_map<std::string, int> m; for (int i = 1; i < c; i++) m[v[i]] = i; for (auto& kv : m) std::printf(\"%s\\n\", kv.first.c_str()); }\n"
        ScapTestSupport.write(Array(source.utf8), to: directory + "/order.cpp")
        let built = ScapTestSupport.shell("cd '\(directory)' && g++ -O1 -o order order.cpp 2>&1")
        #expect(built.status == 0)
        let run = ScapTestSupport.shell("'\(directory)/order' " + keys.joined(separator: " "))
        var order = StdHashOrder()
        for key in keys { order.insert(key) }
        #expect(String(decoding: run.output, as: UTF8.self) == order.keys.map { $0.key + "\n" }.joined())
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
        // Hex digits of either case, and nothing else (where libsinsp looks: before position 64 of
        // the whole path).
        #expect(SystemState.dockerID("/docker/" + id.uppercased()) == "0123456789AB")
        #expect(SystemState.dockerID("/docker/g" + id.dropFirst()) == nil)
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
