// SPDX-License-Identifier: Apache-2.0
import Testing

/// `lscontainers` on the shared captures (which have no containers) against sysdig; the captures
/// with containers are synthetic, in SwiftdigCoreTests' `ContainerTests`.
@Suite struct ContainerChiselTests {
    typealias Run = TableChiselTests.Run

    static let runs: [Run] = TableChiselTests.captures.flatMap { capture in
        ["-c lscontainers", "-c lscontainers desc", "-c lscontainers nodesc", "-pc -c lscontainers"].map {
            Run(capture: capture, arguments: $0)
        }
    }

    @Test(arguments: runs)
    func matchesSysdig(_ run: Run) {
        TableChiselTests.expectSysdigsOutput(run) { ours, theirs in
            ours == theirs ? nil : "ours:\n\(ours)\nsysdig:\n\(theirs)"
        }
    }

    @Test func infoReadsAsSysdigs() { TableChiselTests.expectSysdigsInfo("lscontainers") }
}
