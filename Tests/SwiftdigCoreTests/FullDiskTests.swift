// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// `swiftdig -r IN -w OUT` onto a disk that fills up: one error line naming the file and the
/// system's reason, a failing exit status, and a file that swiftdig and sysdig read to its end
/// without error (plain: cut after the last whole block; gzip: ended at the last flush point).
///
/// The disk is a 1 MiB tmpfs mounted in a private mount namespace (`unshare -rm`: no root needed
/// where user namespaces are allowed); elsewhere a 1 MiB file-size limit (`prlimit --fsize`, which
/// fails writes with "File too large") stands in for it.
@Suite struct FullDiskTests {
    /// Events in the input: about 7 MB plain, 2 MB compressed, so both forms fill the disk.
    static let eventCount = 100_000

    /// An input capture with one thread and ``eventCount`` opens of files with varied names.
    static func makeInput(_ path: String) throws {
        let writer = try ScapWriter(path: path)
        try writer.writeSectionHeader()
        try writer.writeProcessList(ProcessList(threads: [ScapSamples.thread(42)]))
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for i in 0..<eventCount {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let name = "/var/data/\(String(seed >> 16, radix: 16))\0"
            let event = ScapSamples.event(
                type: EventCode.openX, ts: 1_000_000_000 + UInt64(i),
                params: [[3, 0, 0, 0, 0, 0, 0, 0], Array(name.utf8), [1, 0, 0, 0], [0xA4, 1, 0, 0]])
            try event.withUnsafeBytes { try writer.writeEvent(bytes: $0, cpu: 0) }
        }
        try writer.close()
    }

    /// What a write onto the full disk left.
    struct Outcome {
        var status: Int32
        var stderr: String
        /// The file as it was on the full disk, copied out.
        var file: String
    }

    /// Runs `swiftdig -r input -w OUT [-z]` with OUT on a full disk.
    static func writeOntoFullDisk(_ exe: String, input: String, gzip: Bool, in directory: String) -> Outcome {
        let z = gzip ? "-z" : ""
        let mount = directory + "/mnt"
        mkdir(mount, 0o700)
        let inNamespace = """
            unshare -rm sh -c "mount -t tmpfs -o size=1m swiftdig-full '\(mount)' && \
            { TZ=UTC timeout 60 '\(exe)' -r '\(input)' -w '\(mount)/out.scap' \(z) 2>'\(directory)/stderr.txt'; \
            echo \\$? > '\(directory)/status'; cp '\(mount)/out.scap' '\(directory)/out.scap'; }" 2>/dev/null
            """
        _ = ScapTestSupport.shell(inNamespace)
        if access(directory + "/status", R_OK) != 0 {
            // No user namespaces here: a file-size limit fails the writes instead (SIGXFSZ ignored,
            // as a full disk sends no signal).
            let limited = """
                trap '' XFSZ; TZ=UTC timeout 60 prlimit --fsize=1048576 '\(exe)' -r '\(input)' \
                -w '\(directory)/out.scap' \(z) 2>'\(directory)/stderr.txt'; echo $? > '\(directory)/status'
                """
            _ = ScapTestSupport.shell(limited)
        }
        let status = Int32(String(decoding: ScapTestSupport.read(directory + "/status"), as: UTF8.self)
            .filter(\.isNumber)) ?? -1
        let stderr = String(decoding: ScapTestSupport.read(directory + "/stderr.txt"), as: UTF8.self)
        return Outcome(status: status, stderr: stderr, file: directory + "/out.scap")
    }

    @Test(arguments: [false, true])
    func writeOntoAFullDiskLeavesAReadableFile(_ gzip: Bool) throws {
        guard let exe = RunnerTests.executable else { return }
        let directory = ScapTestSupport.temporaryDirectory()
        defer {
            ScapTestSupport.remove(directory + "/mnt")
            ScapTestSupport.remove(directory)
        }
        let input = directory + "/in.scap"
        try Self.makeInput(input)
        let outcome = Self.writeOntoFullDisk(exe, input: input, gzip: gzip, in: directory)

        #expect(outcome.status == 1, "exit status \(outcome.status): \(outcome.stderr)")
        let errors = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("swiftdig: ") }
        #expect(errors.count == 1, "stderr: \(outcome.stderr)")
        let error = errors.first.map(String.init) ?? ""
        #expect(error.contains("out.scap: offset "), "\(error)")
        #expect(error.contains("No space left on device") || error.contains("File too large"), "\(error)")

        // Read back by us: to the end, without error, some events but not all.
        let back = ScapTestSupport.shell("TZ=UTC '\(exe)' -r '\(outcome.file)' -q -S 2>&1; echo status=$?")
        let text = String(decoding: back.output, as: UTF8.self)
        #expect(text.hasSuffix("status=0\n"), "\(text)")
        let opens = Self.openExits(in: text)
        #expect(opens > 1000 && opens < Self.eventCount, "\(opens) events kept")

        // And by sysdig, the same number of events.
        guard access(SharedCaptures.sysdig, X_OK) == 0 else { return }
        let theirs = ScapTestSupport.shell("TZ=UTC '\(SharedCaptures.sysdig)' -r '\(outcome.file)' -q -S 2>&1; echo status=$?")
        let theirText = String(decoding: theirs.output, as: UTF8.self)
        #expect(theirText.hasSuffix("status=0\n"), "\(theirText)")
        #expect(Self.openExits(in: theirText) == opens, "\(theirText)")
    }

    /// The `< open` count of a `-S` table.
    static func openExits(in table: String) -> Int {
        for line in table.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 3 && words[0] == "<" && words[1] == "open" { return Int(words[2]) ?? 0 }
        }
        return 0
    }
}
