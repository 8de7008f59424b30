// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// `Scripts/dask-batch.py` on a LocalCluster of two worker processes on loopback: one task per
/// capture, partials merged at the end, the same output as the partials made and merged on this
/// machine. Skips without `dask[distributed]` (fails when CI=true: `.ci/run` installs it).
@Suite(.serialized) struct DaskBatchTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    /// Whether `python3` can import dask.distributed; else says why the test skips (or fails in CI).
    static func daskOrSkip() -> Bool {
        if system("python3 -c 'import distributed' > /dev/null 2>&1") == 0 { return true }
        let reason = "python3 cannot import dask.distributed (pip install 'dask[distributed]'): skipping the Dask batch test"
        if Checkout.inCI { Issue.record("CI=true but \(reason)") } else { print("skipping: \(reason)") }
        return false
    }

    @Test(arguments: [("-c topscalls", "-c topscalls"), ("-c fdbytes_by --chisel-args fd.name -j", "-j -c fdbytes_by fd.name")])
    func clusterOfTwoWorkersPrintsTheSingleMachineAnswer(_ chisel: (batch: String, swiftdig: String)) throws {
        guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable, Self.daskOrSkip() else { return }
        let fixtures = ChiselFixtures()
        let files = Self.captures.map { "'\(dir)/\($0).scap'" }
        // The single-machine answer: each capture's partial, merged here.
        var parts: [String] = []
        for (i, file) in files.enumerated() {
            let part = "'\(fixtures.directory)/\(i).part'"
            #expect(MergeChiselTests.swiftdig("-r \(file) \(chisel.swiftdig) --partial-out \(part)", fixtures).status == 0)
            parts.append(part)
        }
        let local = MergeChiselTests.swiftdig("merge \(parts.joined(separator: " "))", fixtures)
        try #require(local.status == 0 && !local.out.isEmpty, "\(local.err)")
        let batch = Checkout.shell(
            "python3 Scripts/dask-batch.py --local 2 --swiftdig '\(swiftdig)' \(chisel.batch) \(files.joined(separator: " "))",
            cache: fixtures.directory + "/cache")
        #expect(batch.status == 0, "\(batch.err)")
        #expect(batch.out == local.out)
    }

    @Test func aCaptureThatFailsIsListedAndTheRestMerged() throws {
        guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable, Self.daskOrSkip() else { return }
        let fixtures = ChiselFixtures()
        let shared = fixtures.directory + "/shared"
        mkdir(shared, 0o755)
        let batch = Checkout.shell(
            "python3 Scripts/dask-batch.py --local 2 --swiftdig '\(swiftdig)' --partials-dir '\(shared)' -c topscalls '\(dir)/test_ipv6_client.scap' '\(dir)/missing.scap'",
            cache: fixtures.directory + "/cache")
        let alone = MergeChiselTests.swiftdig("-r '\(dir)/test_ipv6_client.scap' -c topscalls", fixtures)
        #expect(batch.status == 1)
        #expect(batch.out == alone.out)
        #expect(batch.err.contains("missing.scap: swiftdig: ") && batch.err.contains("1 of 2 captures failed"), "\(batch.err)")
    }
}
