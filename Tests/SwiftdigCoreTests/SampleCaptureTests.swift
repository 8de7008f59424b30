// SPDX-License-Identifier: Apache-2.0
import Glibc
import Testing

/// The bundled sample (Tests/Fixtures/sample.scap.gz), made by swiftdig's own live capture with
/// Scripts/make-sample.sh: sysdig 0.29.3 and swiftdig print it the same way, as text, JSON and
/// through chisels. It holds what the shared captures do not: a modern kernel's system calls as
/// our driver and encoder write them.
@Suite struct SampleCaptureTests {
    static let sample = ScapTestSupport.packageRoot + "/Tests/Fixtures/sample.scap.gz"

    static let variants = [
        "", "-j", "-A", "-p '*%evt.num %proc.name %proc.pname %fd.name %fd.type %evt.args'",
        "-c topprocs_net", "-c topfiles_bytes", "-c httplog", "-c topscalls", "-c spy_users", "-c ps", "-c lsof",
        "'proc.name=webclient and fd.type=ipv4'", "-c echo_fds 'proc.name=webserver'",
    ]

    @Test(arguments: variants)
    func matchesSysdig(_ args: String) throws {
        guard let exe = RunnerTests.executable else { return }
        guard access(SharedCaptures.sysdig, X_OK) == 0 else {
            #expect(!SharedCaptures.inCI, "sysdig is not installed")
            return
        }
        let ours = ScapTestSupport.shell("TZ=UTC '\(exe)' -r '\(Self.sample)' \(args)")
        let theirs = ScapTestSupport.shell("TZ=UTC \(SharedCaptures.sysdig) -r '\(Self.sample)' \(args)")
        #expect(ours.status == 0)
        #expect(ours.output.count > 100)
        if args.hasPrefix("-c") && !args.contains("echo_fds") {
            // Rows of equal value come in hash order: compare the lines as a set.
            let sorted = { (b: [UInt8]) in String(decoding: b, as: UTF8.self).split(separator: "\n").sorted() }
            #expect(sorted(ours.output) == sorted(theirs.output), "\(args)")
        } else {
            #expect(ours.output == theirs.output, "\(args): \(SharedCaptures.firstDifference(ours.output, theirs.output))")
        }
    }
}
