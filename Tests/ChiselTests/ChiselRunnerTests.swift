// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// The `swiftdig` executable with chisels: output identical to sysdig's, the listing, the examples,
/// and one clear line for bad input.
@Suite struct ChiselRunnerTests {
    static let captures = ["curl_google", "single_ipv6_conn", "test_ipv6_client"]

    @Test(arguments: captures)
    func topprocsNetMatchesSysdig(_ capture: String) throws {
        guard let dir = Checkout.captures, let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let run = Checkout.shell("'\(swiftdig)' -r '\(dir)/\(capture).scap' -c topprocs_net", cache: fixtures.directory + "/cache")
        let reference = try #require(FileBytes.read("\(dir)/reference/\(capture)/c_topprocs_net.out"))
        #expect(run.status == 0)
        #expect(run.out == String(decoding: reference, as: UTF8.self))
    }

    @Test func listAndInfoAreLaidOutAsSysdigDoes() throws {
        guard let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let list = Checkout.shell("'\(swiftdig)' -cl", cache: fixtures.directory + "/cache")
        #expect(list.out.contains("\nCategory: Net\n-------------\n"))
        #expect(list.out.contains("\ntopprocs_net    Top processes by network I/O\n"))
        #expect(!list.out.contains("table_generator"))  // hidden, as in sysdig
        // sysdig's listing ends with the -i hint; swiftdig adds one line naming where chisels come from.
        let lines = list.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count > 3 && lines[lines.count - 3] == "Use the -i flag to get detailed information about a specific chisel")
        #expect(lines.count > 3 && lines[lines.count - 2].hasPrefix("Chisels are loaded only from these folders, in this order: "))
        #expect(lines.last == "")
        let info = Checkout.shell("'\(swiftdig)' -i topprocs_net", cache: fixtures.directory + "/cache")
        #expect(info.out == """

            Category: Net
            -------------
            topprocs_net    Top processes by network I/O

            Sort the list of the processes that use the most network bandwidth. This chisel
             is compatible with containers using the sysdig -pc or -pcontainer argument, ot
            herwise no container information will be shown.
            Args:
            (None)

            """)
    }

    @Test func examplesRunAsSingleFiles() throws {
        guard let dir = Checkout.captures, let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let cache = fixtures.directory + "/cache"
        let capture = "\(dir)/curl_google.scap"
        let net = Checkout.shell("'\(swiftdig)' -r '\(capture)' -c Examples/net_bytes.swift", cache: cache)
        #expect(net.out.contains("1534527349 in:11562 out:110 tot:11672\n"), "\(net.err)")
        let idle = Checkout.shell("'\(swiftdig)' -r '\(capture)' -c Examples/idle_sockets.swift 0.01", cache: cache)
        #expect(idle.out.contains("curl 2600:1f18:262c:6542:9aa6:df7a:9a47:d29e:37140->2607:f8b0:4004:802::2004:80 idle 37ms"), "\(idle.err)")
        let top = Checkout.shell("'\(swiftdig)' -r '\(capture)' -c Examples/top_by_field.swift \"proc.name evt.latency 'evt.type=read' 5\"", cache: cache)
        #expect(top.out.hasSuffix("67127               curl\n"), "\(top.err)")
    }

    @Test(arguments: [
        ("-c nosuch", "swiftdig: chisel nosuch not found - use -cl to list them\n"),
        ("-c Examples/top_by_field.swift", "swiftdig: missing arguments for chisel Examples/top_by_field.swift\n"),
        ("-c Examples/top_by_field.swift 'a b c d e'", "swiftdig: too many parameters for chisel Examples/top_by_field.swift, 2 required, 2 optional, 5 given\n"),
        ("-i nosuch", "Error: chisel nosuch not found - use -cl to list them.\n"),
    ])
    func badInputIsOneLineAndAFailure(_ arguments: String, _ message: String) {
        guard let dir = Checkout.captures, let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let run = Checkout.shell("'\(swiftdig)' -r '\(dir)/curl_google.scap' \(arguments)", cache: fixtures.directory + "/cache")
        #expect(run.status != 0)
        #expect(run.err.hasPrefix(message), "\(run.err)")
    }
}
