// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// Several captures in one run (docs/batch.md): a folder, globs and several `-r` as independent
/// captures run in parallel (output as the file-by-file runs, failures listed at the end), and
/// `--pieces` for the rotation files of one capture.
@Suite struct BatchTests {
    /// The sample capture of the repository.
    static let sample = ScapTestSupport.packageRoot + "/Tests/Fixtures/sample.scap.gz"

    /// A folder of captures: the sample at the top, the shared captures (when present) in a
    /// subfolder, and a file that is not a capture by its name (ignored).
    static func archive() -> (directory: String, files: [String]) {
        let directory = ScapTestSupport.temporaryDirectory()
        var files = [directory + "/a.scap.gz"]
        _ = ScapTestSupport.shell("cp '\(sample)' '\(files[0])' && echo text > '\(directory)/notes.txt'")
        if let shared = SharedCaptures.directory {
            _ = ScapTestSupport.shell("mkdir '\(directory)/more'")
            for name in ["curl_google.scap", "single_ipv6_conn.scap", "test_ipv6_client.scap"] {
                let path = directory + "/more/" + name
                _ = ScapTestSupport.shell("cp '\(shared)/\(name)' '\(path)' && chmod u+w '\(path)'")
                files.append(path)
            }
        } else {
            print("skipping the shared captures: \(SharedCaptures.absentReason)")
            // Still several files: a second copy of the sample.
            files.append(directory + "/b.scap.gz")
            _ = ScapTestSupport.shell("cp '\(sample)' '\(files[1])'")
        }
        return (directory, files)
    }

    /// Removes a folder made by ``archive()`` (with its subfolders).
    static func remove(_ directory: String) { _ = ScapTestSupport.shell("rm -rf '\(directory)'") }

    /// The concatenated standard output of running swiftdig with `arguments` on each of `files`.
    static func oneByOne(_ exe: String, _ files: [String], _ arguments: String, in directory: String) -> [UInt8] {
        files.flatMap { RunnerTests.run(exe, "-r '\($0)' \(arguments)", in: directory).stdout }
    }

    @Test func folderFilterPrintsWhatFileByFileRunsPrint() throws {
        guard let exe = RunnerTests.executable else { return }
        let (directory, files) = Self.archive()
        defer { Self.remove(directory) }
        let filter = "'evt.type in (open, openat, connect, execve) or proc.name=curl'"
        let expected = Self.oneByOne(exe, files, filter, in: directory)
        #expect(expected.count > 1000)
        for jobs in [1, 2, 3] {
            let run = RunnerTests.run(exe, "-r '\(directory)' --jobs \(jobs) \(filter)", in: directory)
            #expect(run.status == 0, "\(String(decoding: run.stderr, as: UTF8.self))")
            #expect(run.stdout == expected, "--jobs \(jobs): \(SharedCaptures.firstDifference(run.stdout, expected))")
        }
        // -p, -j and -S go through the children alike.
        for options in ["-p '%evt.num %proc.name %fd.name' -t r", "-j -n 300", "-q -S"] {
            let run = RunnerTests.run(exe, "-r '\(directory)' \(options)", in: directory)
            #expect(run.stdout == Self.oneByOne(exe, files, options, in: directory), "\(options)")
        }
    }

    @Test func globsAndSeveralFiles() throws {
        guard let exe = RunnerTests.executable else { return }
        let (directory, files) = Self.archive()
        defer { Self.remove(directory) }
        // Quoted: the pattern reaches swiftdig, which expands it (sorted); then a file of its own.
        let run = RunnerTests.run(exe, "-r '\(directory)/*/*.scap' -r '\(files[0])' 'evt.dir=<'", in: directory)
        let matched = files.dropFirst().filter { $0.hasSuffix(".scap") }.sorted() + [files[0]]
        #expect(run.status == 0)
        #expect(run.stdout == Self.oneByOne(exe, matched, "'evt.dir=<'", in: directory))
        let none = RunnerTests.run(exe, "-r '\(directory)/*.nothing'", in: directory)
        #expect(none.status == 1)
        #expect(String(decoding: none.stderr, as: UTF8.self).contains("no file matches"))
    }

    @Test func badFileInTheMiddleIsReportedAndTheRestPrinted() throws {
        guard let exe = RunnerTests.executable else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { Self.remove(directory) }
        let paths = ["a", "b", "c", "d"].map { directory + "/\($0).scap" }
        var offsets: [UInt64] = []
        for path in paths { offsets = try RunnerTests.capture(path) }
        // b: cut in its fourth event (three events print, then the error); c: not a capture at all.
        var bytes = ScapTestSupport.read(paths[1])
        bytes.removeSubrange((Int(offsets[3]) + 20)...)
        ScapTestSupport.write(bytes, to: paths[1])
        ScapTestSupport.write(Array("not a capture\n".utf8), to: paths[2])
        let run = RunnerTests.run(exe, "-r '\(directory)' --jobs 2", in: directory)
        #expect(run.status == 1)
        #expect(run.stdout == Self.oneByOne(exe, paths, "", in: directory))
        #expect(run.lines.count == 6 + 3 + 6)
        let errors = String(decoding: run.stderr, as: UTF8.self).split(separator: "\n")
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.first == "swiftdig: 2 of 4 captures failed:")
        #expect(errors.dropFirst().first?.hasPrefix("  \(paths[1]): offset \(offsets[3] + 4)") == true, "\(errors)")
        #expect(errors.last?.hasPrefix("  \(paths[2]): ") == true, "\(errors)")
    }

    @Test func piecesReadAsTheWholeCapture() throws {
        guard let exe = RunnerTests.executable else { return }
        var captures = [Self.sample]
        if let shared = SharedCaptures.directory { captures.append(shared + "/curl_google_comments.scap") }
        for capture in captures {
            for rotation in ["-e 250", "-e 1000 -z", "-C 0"] where !(rotation == "-C 0" && capture != Self.sample) {
                let directory = ScapTestSupport.temporaryDirectory()
                defer { Self.remove(directory) }
                // -C 0 is no rotation: one piece, read as a single file.
                let written = RunnerTests.run(exe, "-r '\(capture)' -w '\(directory)/out.scap' \(rotation)", in: directory)
                #expect(written.status == 0)
                for format in ["", "-t r -p '%evt.num %evt.reltime %evt.type %proc.name %fd.name %thread.tid'"] {
                    let whole = RunnerTests.run(exe, "-r '\(capture)' \(format)", in: directory)
                    let pieces = RunnerTests.run(exe, "--pieces -r '\(directory)/out.scap*' \(format)", in: directory)
                    #expect(pieces.status == 0, "\(String(decoding: pieces.stderr, as: UTF8.self))")
                    #expect(
                        pieces.stdout == whole.stdout,
                        "\(capture) \(rotation) \(format): \(SharedCaptures.firstDifference(pieces.stdout, whole.stdout))")
                }
            }
        }
    }

    /// `-C 1` (a new file past a million bytes) over a capture of some 3 MB.
    @Test func piecesBySizeReadAsTheWholeCapture() throws {
        guard let exe = RunnerTests.executable, let shared = SharedCaptures.directory else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer { Self.remove(directory) }
        let big = directory + "/big.scap"
        _ = ScapTestSupport.shell(
            "python3 '\(shared)/../tools/replicate-scap.py' '\(shared)/curl_google.scap' '\(big)' 140 >/dev/null")
        let written = RunnerTests.run(exe, "-r '\(big)' -w '\(directory)/out' -C 1", in: directory)
        #expect(written.status == 0)
        #expect(try CaptureSet.files(for: [directory + "/out*"]).count >= 3)
        let whole = RunnerTests.run(exe, "-r '\(big)' -t r", in: directory)
        let pieces = RunnerTests.run(exe, "-r '\(directory)/out*' --pieces -t r", in: directory)
        #expect(whole.lines.count > 100_000)
        #expect(pieces.stdout == whole.stdout, "\(SharedCaptures.firstDifference(pieces.stdout, whole.stdout))")
    }

    @Test func piecesAreOrderedByTheirFirstEvent() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { Self.remove(directory) }
        var pieces = TextDump.Options()
        pieces.writePath = directory + "/out"
        pieces.rotation.eventLimit = 300
        pieces.quiet = true
        try TextDump.run(path: Self.sample, options: pieces)
        let names = try CaptureSet.files(for: [directory + "/out*"])
        #expect(names.count > 10)
        // By name, out10 comes before out2; by first event, after out9.
        let ordered = CaptureSet.orderedAsPieces(names.reversed())
        #expect(ordered == (0..<names.count).map { directory + "/out\($0)" })
    }

    @Test func foldersAreSearchedForCaptures() throws {
        let (directory, files) = Self.archive()
        defer { Self.remove(directory) }
        #expect(try CaptureSet.files(for: [directory]) == files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(try CaptureSet.files(for: [directory + "/missing.scap"]) == [directory + "/missing.scap"])
        #expect(throws: CaptureSetError.self) { try CaptureSet.files(for: [directory + "/*.nothing"]) }
        _ = ScapTestSupport.shell("mkdir '\(directory)/empty'")
        #expect(throws: CaptureSetError.self) { try CaptureSet.files(for: [directory + "/empty"]) }
    }

    /// `-c topscalls` over a folder: one table over every file, the counts of sysdig's tables file
    /// by file summed (sysdig's table_generator, not cut at 30 rows, is the oracle).
    @Test func topscallsOverAFolderSumsSysdigFileByFile() throws {
        guard let exe = RunnerTests.executable, Self.chiselsBuilt(next: exe) else { return }
        guard SharedCaptures.directoryWithSysdig("comparing -c topscalls over a folder") != nil else { return }
        let (directory, files) = Self.archive()
        defer { Self.remove(directory) }
        var expected: [String: Int] = [:]
        for file in files {
            let table = ScapTestSupport.shell(
                "TZ=UTC \(SharedCaptures.sysdig) -r '\(file)' -c table_generator "
                    + "'evt.type Syscall evt.count Calls evt.type!=switch 100000 none'")
            for (count, name) in Self.rows(table.output) { expected[name, default: 0] += count }
        }
        let run = RunnerTests.run(exe, "-r '\(directory)' -c topscalls", in: directory)
        #expect(run.status == 0)
        let ours = Self.rows(run.stdout)
        #expect(ours.count == min(30, expected.count))
        // Counts in order; names per count (tied rows may come in any order, and the 30th row's
        // count may be shared by rows left out).
        let sorted = expected.sorted { $0.value > $1.value }
        #expect(ours.map(\.count) == sorted.prefix(ours.count).map(\.value))
        for (count, name) in ours { #expect(expected[name] == count, "\(name)") }
    }

    /// A chisel that merges partial results runs in children: the same table whatever `--jobs`,
    /// and `--partial-out` over the folder writes the merged partial that `swiftdig merge` prints.
    @Test func mergeableChiselRunsInChildren() throws {
        guard let exe = RunnerTests.executable, Self.chiselsBuilt(next: exe) else { return }
        let (directory, _) = Self.archive()
        defer { Self.remove(directory) }
        let one = RunnerTests.run(exe, "-r '\(directory)' -c topscalls --jobs 1", in: directory)
        let two = RunnerTests.run(exe, "-r '\(directory)' -c topscalls --jobs 2", in: directory)
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout == two.stdout && !one.stdout.isEmpty)
        #expect(two.stderr.isEmpty, "\(String(decoding: two.stderr, as: UTF8.self))")
        let part = directory + "/all.part"
        let written = RunnerTests.run(exe, "-r '\(directory)' -c topscalls --partial-out '\(part)'", in: directory)
        #expect(written.status == 0 && written.stdout.isEmpty)
        #expect(RunnerTests.run(exe, "merge '\(part)'", in: directory).stdout == one.stdout)
    }

    /// A chisel that does not merge sees the files one after the other, in one process: one
    /// instance (its header once), each file's events with a state of their own, and a note.
    @Test func otherChiselsSeeEveryFileInTurn() throws {
        guard let exe = RunnerTests.executable, Self.chiselsBuilt(next: exe) else { return }
        let (directory, files) = Self.archive()
        defer { Self.remove(directory) }
        let run = RunnerTests.run(exe, "-r '\(directory)' -c proc_exec_time --jobs 2", in: directory)
        #expect(run.status == 0)
        #expect(String(decoding: run.stderr, as: UTF8.self).contains("proc_exec_time does not merge partial results"))
        let rows = { (output: [UInt8]) in String(decoding: output, as: UTF8.self).split(separator: "\n").filter { $0.contains("\u{1B}[32m") } }
        let expected = rows(Self.oneByOne(exe, files, "-c proc_exec_time", in: directory))
        #expect(!expected.isEmpty)
        #expect(rows(run.stdout) == expected)
        #expect(String(decoding: run.stdout, as: UTF8.self).components(separatedBy: "proc.duration").count == 2)
    }

    /// Whether the bundled chisels were built next to `exe` (with the tests, they are).
    static func chiselsBuilt(next exe: String) -> Bool {
        let folder = exe.split(separator: "/").dropLast().joined(separator: "/")
        guard access("/\(folder)/libtable_generator.so", R_OK) == 0 else {
            print("skipping: the chisels are not built next to \(exe)")
            return false
        }
        return true
    }

    /// The `count name` rows of a table_generator table.
    static func rows(_ output: [UInt8]) -> [(count: Int, name: String)] {
        String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 2, let count = Int(words[0]) else { return nil }
            return (count, String(words[1]))
        }
    }

    @Test func failureReportNamesEachFileOnce() {
        let report = BatchRunner.failureReport(
            [.init(path: "a.scap", error: "a.scap: offset 4: cut"), .init(path: "b.scap", error: "killed by signal 9 (Killed)")],
            total: 3)
        #expect(report == "swiftdig: 2 of 3 captures failed:\n  a.scap: offset 4: cut\n  b.scap: killed by signal 9 (Killed)\n")
    }
}
