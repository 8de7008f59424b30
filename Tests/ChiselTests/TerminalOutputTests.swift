// SPDX-License-Identifier: Apache-2.0
import Foundation
import Testing

/// What the runner prints on a terminal (under `script`), against sysdig: its coloured default line,
/// and the colour reset (`ESC[00m`) it writes when a file's events end if its format has colours.
@Suite struct TerminalOutputTests {
    static let runs: [TableChiselTests.Run] = TableChiselTests.captures.flatMap { capture in
        ["", "-pc", "-p %evt.num", "-pp", "-j -n 3", "-q -S", "-n 20 -c topscalls", "-c topfiles_bytes"]
            .map { TableChiselTests.Run(capture: capture, arguments: $0) }
    }

    @Test(arguments: runs)
    func matchesSysdigOnATerminal(_ run: TableChiselTests.Run) throws {
        guard let (ours, theirs) = run.outputsOnTerminal() else { return }
        #expect(ours.status == theirs.status, "\(ours.err)")
        if run.chisel.isEmpty {
            #expect(ours.out == theirs.out)
        } else {
            // The reset comes first (before the chisel's table), then rows of equal value in any order.
            #expect(ours.out.hasPrefix("\u{1B}[00m") == theirs.out.hasPrefix("\u{1B}[00m"))
            let strip = { (text: String) in text.replacingOccurrences(of: "\u{1B}[00m", with: "").replacingOccurrences(of: "\r", with: "") }
            let found = (TableChiselTests.chisels[run.chisel] ?? .table(limit: 30)).difference(strip(ours.out), strip(theirs.out))
            #expect(found == nil, "\(found ?? "")")
        }
    }

    /// Off a terminal, a `-p` format with colours (`\e`) ends with the reset too.
    @Test func customColoursResetAtTheEnd() throws {
        let run = TableChiselTests.Run(capture: "single_ipv6_conn", arguments: #"-p '\e[31m%evt.num %proc.name'"#)
        guard let (ours, theirs) = run.outputsWithSysdig() else { return }
        #expect(ours.out == theirs.out)
        #expect(ours.out.hasSuffix("\u{1B}[00m"))
    }
}
