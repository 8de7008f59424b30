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
}
