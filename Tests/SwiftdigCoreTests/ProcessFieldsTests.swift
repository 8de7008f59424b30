// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// The `process`, `user`, `group`, `container`, `k8s` and `mesos` field classes against sysdig.
@Suite struct ProcessFieldsTests {
    /// Every `proc.*` and `thread.*` field, with several argument forms.
    static let threadFields = [
        "proc.pid", "proc.exe", "proc.name", "proc.args", "proc.cmdline", "proc.exeline", "proc.cwd",
        "proc.nthreads", "proc.nchilds", "proc.ppid", "proc.pname", "proc.pcmdline", "proc.apid[0]", "proc.apid[1]",
        "proc.apid[2]", "proc.apid[3]", "proc.apid[9]", "proc.aname[0]", "proc.aname[1]", "proc.aname[2]",
        "proc.aname[5]", "proc.loginshellid", "proc.duration", "proc.fdopencount", "proc.fdlimit", "proc.fdusage",
        "proc.vmsize", "proc.vmrss", "proc.vmswap", "thread.pfmajor", "thread.pfminor", "thread.tid", "thread.ismain",
        "thread.exectime", "thread.totexectime", "thread.cgroups", "thread.cgroup.cpuacct", "thread.cgroup.memory",
        "thread.cgroup.pids", "thread.cgroup.nosuch", "thread.vtid", "proc.vpid", "thread.cpu", "thread.cpu.user",
        "thread.cpu.system", "thread.vmsize", "thread.vmrss", "thread.vmsize.b", "thread.vmrss.b", "proc.sid",
        "proc.sname", "proc.tty", "proc.exepath", "thread.nametid", "proc.vpgid", "proc.is_container_healthcheck",
        "proc.is_container_liveness_probe", "proc.is_container_readiness_probe", "proc.is_exe_writable",
    ]

    @Test(arguments: FieldComparison.captures)
    func threadFieldsMatchSysdig(_ capture: String) throws {
        try FieldComparison.expectMatch(capture, Self.threadFields)
    }

    /// `proc.env` prints `|` in these environments: compared with tabs between fields.
    @Test(arguments: FieldComparison.captures)
    func environmentMatchesSysdig(_ capture: String) throws {
        try FieldComparison.expectMatch(capture, ["proc.env", "thread.exectime", "thread.exectime"], separator: "\t")
    }

    /// Every `user`, `group`, `container`, `k8s` and `mesos` field, with argument forms.
    static let identityFields = [
        "user.uid", "user.name", "user.homedir", "user.shell", "user.loginuid", "user.loginname", "group.gid",
        "group.name", "container.id", "container.name", "container.image", "container.image.id", "container.type",
        "container.privileged", "container.mounts", "container.mount[0]", "container.mount[/usr]",
        "container.mount.source[0]", "container.mount.dest[/x]", "container.mount.mode[1]",
        "container.mount.rdwr[/a/b]", "container.mount.propagation[0]", "container.image.repository",
        "container.image.tag", "container.image.digest", "container.healthcheck", "container.liveness_probe",
        "container.readiness_probe", "k8s.pod.name", "k8s.pod.id", "k8s.pod.label.app", "k8s.pod.labels",
        "k8s.rc.name", "k8s.rc.id", "k8s.rc.label.x-y", "k8s.rc.labels", "k8s.svc.name", "k8s.svc.id",
        "k8s.svc.label.a/b", "k8s.svc.labels", "k8s.ns.name", "k8s.ns.id", "k8s.ns.label.n_1", "k8s.ns.labels",
        "k8s.rs.name", "k8s.rs.id", "k8s.rs.label.v.2", "k8s.rs.labels", "k8s.deployment.name", "k8s.deployment.id",
        "k8s.deployment.label.d", "k8s.deployment.labels", "mesos.task.name", "mesos.task.id",
        "mesos.task.label.t", "mesos.task.labels", "mesos.framework.name", "mesos.framework.id",
        "marathon.app.name", "marathon.app.id", "marathon.app.label.m", "marathon.app.labels",
        "marathon.group.name", "marathon.group.id",
    ]

    @Test(arguments: FieldComparison.captures)
    func identityFieldsMatchSysdig(_ capture: String) throws {
        try FieldComparison.expectMatch(capture, Self.identityFields)
    }

    /// Values known from the capture, checked without sysdig.
    @Test func knownValues() throws {
        let expected: [(String, UInt64, String)] = [
            ("proc.cmdline", 211, "curl -6 http://www.google.com"),
            ("proc.exeline", 211, "curl -6 http://www.google.com"),
            ("proc.apid[1]", 211, "3200"),
            ("proc.aname[2]", 211, "sshd"),
            ("proc.aname[5]", 211, "systemd"),
            ("proc.loginshellid", 211, "3200"),
            ("proc.pcmdline", 211, "bash"),
            ("proc.sname", 211, "systemd"),
            ("thread.cgroup.pids", 211, "/user.slice/user-1000.slice"),
            ("thread.nametid", 211, "curl17497"),
            ("thread.vmsize.b", 211, "520192"),
            ("proc.fdlimit", 211, "1024"),
            ("user.uid", 211, "4294967295"),
            ("group.gid", 1018, "8589934591"),
            ("container.id", 211, "host"),
            ("container.image", 211, "<NA>"),
        ]
        for (field, number, value) in expected {
            guard let got = try FieldComparison.value("curl_google.scap", field, event: number) else { return }
            #expect(got == value, "\(field) at #\(number)")
        }
    }

    /// Names bind with the length sysdig gives them in format strings.
    @Test func bindingLengths() throws {
        let cases: [(String, Int?)] = [
            ("proc.apid[2] rest", 12), ("proc.aname[10]|", 14), ("proc.apid", 9), ("proc.apid rest", 0),
            ("proc.apid[x] rest", 0), ("thread.cgroup.cpu_acct2", 22), ("thread.cgroups x", 14),
            ("k8s.pod.label.a/b-c.d e", 21), ("k8s.pod.labels x", 14), ("container.mount[/usr/lib] x", 25),
            ("container.mount.dest[3]x", 23), ("container.mounts x", 16), ("proc.name.x", 9),
        ]
        for (text, length) in cases {
            let bound = try FieldCatalog.bind(Substring(text), exact: false, forFiltering: true)
            #expect(bound?.length == length, "\(text)")
        }
        #expect(throws: FieldError.self) { try FieldCatalog.bind(Substring("thread.cgroup x"), exact: false, forFiltering: true) }
        #expect(throws: FieldError.self) { try FieldCatalog.bind(Substring("k8s.ns.label"), exact: false, forFiltering: true) }
        #expect(throws: FieldError.self) { try FieldCatalog.bind(Substring("container.mount.size[0]"), exact: false, forFiltering: true) }
    }
}
