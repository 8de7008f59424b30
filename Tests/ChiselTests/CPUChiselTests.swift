// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigCore
import Testing

/// The CPU Usage chisels (`topcontainers_cpu`, `subsecoffset`, `spectrogram`) against sysdig, on
/// the shared captures; the two heat maps also on a terminal of 100 columns, through `script`.
@Suite struct CPUChiselTests {
    static let chisels = ["topcontainers_cpu", "subsecoffset", "spectrogram"]

    static let variantRuns: [TableChiselTests.Run] = TableChiselTests.captures.flatMap { capture in
        [
            "-c topcontainers_cpu", "-pc -c topcontainers_cpu", "-c topcontainers_cpu proc.name=curl",
            "-c subsecoffset", "-c subsecoffset 100", "-c subsecoffset foo", "-c spectrogram", "-c spectrogram foo",
        ].map { TableChiselTests.Run(capture: capture, arguments: $0) }
    }

    /// Off a terminal the heat maps print sysdig's refusal and fail, as sysdig's do.
    @Test(arguments: variantRuns)
    func variantsMatchSysdig(_ run: TableChiselTests.Run) throws {
        guard let (ours, theirs) = run.outputsWithSysdig() else { return }
        #expect(ours.status == theirs.status, "\(ours.err)")
        #expect(ours.out == theirs.out)
    }

    static let terminalRuns: [TableChiselTests.Run] = TableChiselTests.captures.flatMap { capture in
        ["-c subsecoffset", "-c subsecoffset 3", "-c subsecoffset 100 proc.name=curl", "-c spectrogram", "-c spectrogram 100"]
            .map { TableChiselTests.Run(capture: capture, arguments: $0) }
    }

    /// On a terminal, the heat maps byte for byte, with the colour reset (`ESC[00m`) sysdig itself
    /// (not the chisel) writes when the file's events end.
    @Test(arguments: terminalRuns)
    func heatMapsOnATerminalMatchSysdig(_ run: TableChiselTests.Run) throws {
        guard let (ours, theirs) = run.outputsOnTerminal() else { return }
        #expect(ours.status == theirs.status, "\(ours.err)")
        #expect(ours.out.contains("\u{1B}[1F"))
        #expect(ours.out == theirs.out)
    }

    @Test(arguments: chisels)
    func infoReadsAsSysdigs(_ chisel: String) throws {
        guard let (ours, theirs) = TableChiselTests.info(of: chisel) else { return }
        #expect(ours == theirs)
    }
}
