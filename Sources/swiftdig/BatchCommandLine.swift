// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// The runner's side of a batch of independent captures: the command line each file's child runs,
/// and what children are told by their environment.
enum BatchCommandLine {
    /// The command line's words after getopt's rewriting, before the chisel options were taken out
    /// (set once, at the start).
    nonisolated(unsafe) static var words: [String] = []

    /// Set in a child's environment when the parent's standard output is a terminal: the child
    /// prints what a run on that terminal would (colours), though its own output is a pipe.
    static let terminalVariable = "SWIFTDIG_BATCH_TERMINAL"

    /// Whether this process prints for a terminal: its standard output is one, or its batch
    /// parent's is.
    static var printsToTerminal: Bool { isatty(1) != 0 || getenv(terminalVariable) != nil }

    /// The options that belong to the parent alone, with whether each takes a value.
    private static let parentOnly: [String: Bool] = [
        "-r": true, "--jobs": true, "--partial-out": true, "-P": false, "--pieces": false,
    ]

    /// ``words`` without the input files and the parent's own options: what each child runs
    /// besides its `-r FILE`.
    static func childArguments() -> [String] {
        var out: [String] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "--" {
                out.append(contentsOf: words[(index - 1)...])
                break
            }
            if word.hasPrefix("--jobs=") || word.hasPrefix("--partial-out=") { continue }
            if let takesValue = parentOnly[word] {
                if takesValue { index += 1 }
                continue
            }
            out.append(word)
        }
        return out
    }

    /// This executable's path (children run the same program).
    static var executable: String {
        var path = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &path, path.count - 1)
        return n > 0 ? String(decoding: path[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    }

    /// The number of processors online (the default of `--jobs`).
    static var coreCount: Int { max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), 1) }

    /// Tells the batch parent, when there is one, how many events this run read (for its events per
    /// second).
    static func report(events: UInt64) {
        guard let text = getenv(BatchRunner.reportVariable), let fd = Int32(String(cString: text)) else { return }
        var out = OutputBuffer(capacity: 64)
        out.append("\(events)\n")
        out.flush(to: fd)
    }

    /// Writes the list of failed files on standard error.
    static func reportFailures(_ failures: [BatchRunner.Failure], total: Int) {
        guard !failures.isEmpty else { return }
        var out = OutputBuffer()
        out.append(BatchRunner.failureReport(failures, total: total))
        out.flush(to: 2)
    }
}
