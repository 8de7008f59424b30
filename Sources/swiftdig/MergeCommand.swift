// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import ChiselHost
import SwiftdigChisel
import SwiftdigCore

/// `swiftdig merge [-j] [--partial-out OUT] PART...`: prints what the chisel of the partial results
/// prints over all their inputs, or writes their merge as one partial (docs/batch.md).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftdig merge",
        abstract: "Merge partial results written with --partial-out and print the chisel's output.",
        discussion: """
            The partials must come from the same chisel with the same arguments and options; they are \
            merged in the order given.

            Examples:
              swiftdig -r a.scap -c topscalls --partial-out a.part
              swiftdig -r b.scap -c topscalls --partial-out b.part
              swiftdig merge a.part b.part                     # topscalls over both captures
              swiftdig merge --partial-out ab.part a.part b.part   # or one partial, to merge further
            """)

    @Flag(name: .customShort("j"), help: "Print the chisel's JSON form (as -j does), whatever the partials were written with.")
    var json = false

    @Option(name: .customLong("partial-out"), help: ArgumentHelp("Write the merged partial result to <file> instead of printing.", valueName: "file"))
    var partialOut: String?

    @Argument(help: ArgumentHelp("The partial results, in order.", valueName: "partial"))
    var partials: [String] = []

    func validate() throws {
        if partials.isEmpty { throw ValidationError("give the partial results to merge.") }
    }

    func run() throws {
        var options = PartialMerge.Options()
        if json { options.prefersJSON = true }
        options.partialOutput = partialOut
        do {
            try PartialMerge.printMerged(partials: partials, loader: ChiselOptions.loader, options: options)
        } catch let error as PartialMergeError {
            fail("swiftdig merge: \(error.description)")
        } catch let error as ChiselRunError {
            fail("swiftdig merge: \(error.description)")
        } catch let error as ChiselLoadError {
            fail("swiftdig merge: \(error.description)")
        }
    }

    private func fail(_ message: String) -> Never {
        var out = OutputBuffer()
        out.append(message + "\n")
        out.flush(to: 2)
        Self.exit(withError: ExitCode(1))
    }
}
