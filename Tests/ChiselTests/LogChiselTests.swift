// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// The log, application and security chisels (`spy_logs`, `spy_syslog`, `shellshock_detect`,
/// `udp_extract`, `httplog`, `httptop`, `memcachelog`) against sysdig, on the shared captures with
/// arguments, buffer formats, container columns and filters.
@Suite struct LogChiselTests {
    static let chisels = ["spy_logs", "spy_syslog", "shellshock_detect", "udp_extract", "httplog", "httptop", "memcachelog"]

    static let variantRuns: [TableChiselTests.Run] = TableChiselTests.captures.flatMap { capture in
        [
            "-c spy_logs", "-pc -c spy_logs", "-c spy_logs proc.name=curl",
            "-c spy_syslog", "-pc -c spy_syslog", "-c shellshock_detect", "-c httplog", "-pc -c httplog", "-A -c httplog",
            "-X -c httplog", "-c httplog proc.name=curl", "-c httplog evt.type=read", "-c httptop", "-c httptop bytes",
            "-c httptop time", "-pc -c httptop", "-c httptop foo", "-A -c httptop", "-c memcachelog", "-c memcachelog get",
            "-c memcachelog 'set 10'", "-c memcachelog set", "-c memcachelog evt.type=read",
        ].map { TableChiselTests.Run(capture: capture, arguments: $0) }
    }

    @Test(arguments: variantRuns)
    func variantsMatchSysdig(_ run: TableChiselTests.Run) throws {
        guard let (ours, theirs) = run.outputsWithSysdig() else { return }
        #expect(ours.status == theirs.status, "\(ours.err)")
        #expect(ours.out == theirs.out)
    }

    /// The files `udp_extract` writes, byte for byte, one capture at a time in a folder of its own.
    @Test(arguments: TableChiselTests.captures)
    func udpExtractWritesSysdigsFiles(_ capture: String) throws {
        guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable else { return }
        guard let sysdig = Checkout.sysdig else {
            #expect(!Checkout.inCI, "sysdig is not installed: cannot compare udp_extract with it")
            return
        }
        let fixtures = ChiselFixtures(), cache = fixtures.directory + "/cache"
        let arguments = "-r '\(dir)/\(capture).scap' -c udp_extract"
        let ours = Checkout.shell("mkdir '\(fixtures.directory)/ours' && cd '\(fixtures.directory)/ours' && '\(swiftdig)' \(arguments)", cache: cache)
        let theirs = Checkout.shell(
            "mkdir '\(fixtures.directory)/theirs' && cd '\(fixtures.directory)/theirs' && '\(sysdig)' \(arguments)", cache: cache)
        #expect(ours.status == 0, "\(ours.err)")
        #expect(ours.out == theirs.out)
        let files = Checkout.shell(
            "cd '\(fixtures.directory)' && diff -r ours/udp_dump_files theirs/udp_dump_files && ls theirs/udp_dump_files | wc -l", cache: cache)
        #expect(files.status == 0, "\(files.out)")
    }

    @Test(arguments: chisels)
    func infoReadsAsSysdigs(_ chisel: String) throws {
        guard let (ours, theirs) = TableChiselTests.info(of: chisel) else { return }
        #expect(ours == theirs)
    }
}
