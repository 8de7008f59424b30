// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore
import Testing

/// The bundled chisels that print as events come (`echo_fds`, `stdout`, `spy_file`, the `*slower`
/// family, `spy_ip`…) or a fixed list at the end (`proc_exec_time`, `bottlenecks`), against sysdig:
/// byte for byte, on the reference outputs and, when sysdig is installed, with other arguments.
@Suite struct LineChiselTests {
    /// The chisels, each with the `c_*` variant of `reference/variants.txt` when there is one.
    static let chisels = [
        "echo_fds", "stdout", "stdin", "stderr", "spy_file", "fileslower", "netlower", "scallslower", "proc_exec_time",
        "bottlenecks", "spy_ip", "spy_port",
    ]

    static let referenceRuns: [TableChiselTests.Run] = TableChiselTests.captures.flatMap { capture in
        chisels.compactMap { chisel in
            TableChiselTests.referenceArguments[chisel].map { TableChiselTests.Run(capture: capture, arguments: $0) }
        }
    }

    @Test(arguments: referenceRuns)
    func matchesSysdigsReferenceOutput(_ run: TableChiselTests.Run) throws {
        guard let dir = Checkout.capturesOrSkip(), let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let ours = Checkout.shell("'\(swiftdig)' -r '\(dir)/\(run.capture).scap' \(run.arguments)", cache: fixtures.directory + "/cache")
        let reference = try #require(FileBytes.read("\(dir)/reference/\(run.capture)/c_\(run.chisel).out"))
        #expect(ours.status == 0, "\(ours.err)")
        #expect(ours.out == String(decoding: reference, as: UTF8.self))
    }

    /// Arguments, buffer formats, container columns and filters the reference outputs do not cover.
    static let variantRuns: [TableChiselTests.Run] = TableChiselTests.captures.flatMap { capture in
        [
            "-A -c echo_fds", "-X -c echo_fds", "-x -c echo_fds", "-b -c echo_fds", "-c echo_fds disable_color",
            "-pc -c echo_fds", "-c echo_fds proc.name=curl", "-c stdin", "-c stderr", "-pc -c stderr",
            "-c stderr disable_color", "-c stderr foo", "-X -c stdout", "-c spy_file R", "-c spy_file W",
            "-c spy_file 'RW /etc/resolv.conf'", "-c spy_file 'R /dev/urandom'", "-X -c spy_file", "-j -c spy_file",
            "-c fileslower 1", "-c fileslower abc", "-pc -c fileslower 0", "-c fileslower '0 disable_color'",
            "-c netlower '0 disable_color'", "-pc -c netlower 0", "-c scallslower 1", "-pc -c scallslower 0",
            "-c scallslower '0.01 disable_color'", "-c proc_exec_time disable_colors", "-pc -c proc_exec_time",
            "-c bottlenecks proc.name=curl", "-c spy_ip 2001:4860:4860::8888", "-c spy_ip 2001:db8::3",
            "-A -c spy_ip '::1 disable_colors'", "-c spy_port 53", "-c spy_port 1234", "-X -c spy_port '2345 disable_colors'",
        ].map { TableChiselTests.Run(capture: capture, arguments: $0) }
    }

    @Test(arguments: variantRuns)
    func variantsMatchSysdig(_ run: TableChiselTests.Run) throws {
        guard let (ours, theirs) = run.outputsWithSysdig() else { return }
        #expect(ours.status == theirs.status, "\(ours.err)")
        #expect(ours.out == theirs.out)
    }

    @Test(arguments: chisels)
    func infoReadsAsSysdigs(_ chisel: String) throws {
        guard let (ours, theirs) = TableChiselTests.info(of: chisel) else { return }
        #expect(ours == theirs)
    }

    @Test func columnsPadAndCutAsCsPrintfDoes() {
        #expect(ChiselFormat.left("curl", 8) == "curl    ")
        #expect(ChiselFormat.left("evt.datetime", 5) == "evt.datetime")  // %-5s never cuts
        #expect(ChiselFormat.left("evt.datetime", 5, cut: true) == "evt.d")  // %-5.5s does
        #expect(ChiselFormat.right("12", 5) == "   12")
        #expect(ChiselFormat.right("123456", 5) == "123456")
    }

    @Test func paletteIsEmptyWhenColoursAreOff() {
        #expect(ChiselTerminal.Palette()[.red] == "\u{1B}[31m")
        #expect(ChiselTerminal.Palette().reset == "\u{1B}[0m")
        #expect(ChiselTerminal.Palette(enabled: false)[.red] == "")
        #expect(ChiselTerminal.Palette(enabled: false).reset == "")
    }
}
