// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import ChiselHost
import SwiftdigChisel
import SwiftdigCore

/// The runner's chisel options: `-c NAME [ARGS]` (several allowed), `-cl`, `-i NAME`.
///
/// `-c` cannot go through the argument parser: whether the word after a chisel's name is its
/// arguments depends on the chisel (sysdig's rule), so chisels are found and loaded before parsing.
enum ChiselOptions {
    /// The chisels of this command line, loaded (set before parsing, once).
    nonisolated(unsafe) static var requests: [ChiselRequest] = []
    /// The loader every chisel of this process comes from (exec'd chisels too).
    nonisolated(unsafe) static var loader = ChiselLoader()

    /// `words` without the chisel options, after loading the chisels they name. `-cl` prints the
    /// list and exits; a chisel that cannot be loaded is one error line and exit status 1.
    static func takeChisels(from words: [String]) -> [String] {
        guard words.contains(where: { $0 == "-c" || $0 == "--chisel" || $0 == "--list-chisels" }) else { return words }
        do {
            let found = try ChiselCommandLine.extract(words, loader: loader) { text in
                (try? Filter(compiling: text)) != nil
            }
            if found.listRequested {
                write(ChiselListing.list(ChiselCatalog.all(loader)), to: 1)
                Swiftdig.exit()
            }
            requests = found.requests
            return found.rest
        } catch {
            write("swiftdig: \(error.description)\n", to: 2)
            Swiftdig.exit(withError: ExitCode(1))
        }
    }

    /// What `-i NAME` prints.
    /// - Throws: a one-line error when no visible chisel has that name.
    static func details(of name: String) throws -> String {
        guard let info = ChiselCatalog.all(loader).first(where: { $0.name == name && !$0.hidden }) else {
            throw ValidationError("chisel \(name) not found - use -cl to list them.")
        }
        return ChiselListing.details(info)
    }

    /// The command line a chisel asked to run once the run has ended (sysdig's `run_app`).
    nonisolated(unsafe) static var nextRun: [String]?

    /// Runs the chisels over the events of `inspector` with the command line's filter and limits.
    /// - Returns: the number of events that reached the chisels.
    static func run(
        inspector: Inspector, textOptions: TextDump.Options, printsContainerData: Bool, partialOutput: String? = nil
    ) throws -> UInt64 {
        var options = ChiselRun.Options()
        options.filter = textOptions.filter
        options.eventLimit = textOptions.eventLimit
        options.duration = textOptions.duration
        options.bufferFormat = textOptions.bufferFormat
        options.resetsColours = textOptions.resetsColours
        options.partialOutput = partialOutput
        options.environment = ChiselEnvironment(
            isLive: inspector.reader == nil, prefersJSON: textOptions.json, printsContainerData: printsContainerData,
            filter: textOptions.filter?.text ?? "")
        options.environment.captureSource = inspector.reader?.path ?? ""
        let outcome = try ChiselRun.run(inspector: inspector, requests: requests, loader: loader, options: options)
        nextRun = outcome.nextRun
        return outcome.delivered
    }

    private static func write(_ text: String, to fd: Int32) {
        var out = OutputBuffer()
        out.append(text)
        out.flush(to: fd)
    }
}
