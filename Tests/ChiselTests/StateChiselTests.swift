// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// The System State and Security chisels (`ps`, `lsof`, `netstat`, `list_login_shells`,
/// `spy_users`) against sysdig: its reference outputs of the shared captures, and, when sysdig is
/// installed, filter arguments, `-pc` and `-i` run through both.
@Suite struct StateChiselTests {
    typealias Run = TableChiselTests.Run

    static let chisels = ["list_login_shells", "lsof", "netstat", "ps", "spy_users"]

    /// The `c_*` variants of `reference/variants.txt` for these chisels, on every capture.
    static let referenceRuns: [Run] = TableChiselTests.captures.flatMap { capture in
        chisels.compactMap { chisel in TableChiselTests.referenceArguments[chisel].map { Run(capture: capture, arguments: $0) } }
    }

    @Test(arguments: referenceRuns)
    func matchesSysdigsReferenceOutput(_ run: Run) throws {
        // The whole fd table of a thread is a Lua array: lsof's lines come in sysdig's order here.
        try TableChiselTests.expectReferenceOutput(run) { Self.difference($0, $1, ordered: run.chisel != "netstat") }
    }

    /// Filters of the chisels' own (one word: sysdig splits chisel arguments at spaces), the command
    /// line's filter choosing the moment, and the Security chisels' arguments.
    static let variantRuns: [Run] = TableChiselTests.captures.flatMap { capture in
        [
            "-c ps proc.name=sshd", "-c ps fd.type=ipv6", "-c ps proc.name=nothere", "-c ps '' proc.name=curl",
            "-c lsof proc.name=sshd", "-c lsof fd.type=ipv4", "-c lsof 'fd.num>60'", "-c lsof '' evt.type=open",
            "-c lsof user.name=root", "-c netstat fd.port=22", "-c netstat proc.name=sshd", "-c netstat '' proc.name=curl",
            "-c list_login_shells curl", "-c list_login_shells '* google'", "-c list_login_shells bash",
            "-pc -c list_login_shells", "-c spy_users 0", "-c spy_users '1 disable_color'", "-pc -c spy_users",
            "-c spy_users x",
        ].map { Run(capture: capture, arguments: $0) }
    }

    @Test(arguments: variantRuns)
    func variantsMatchSysdig(_ run: Run) {
        TableChiselTests.expectSysdigsOutput(run) { Self.difference($0, $1, ordered: !["lsof", "netstat"].contains(run.chisel)) }
    }

    @Test(arguments: chisels)
    func infoReadsAsSysdigs(_ chisel: String) { TableChiselTests.expectSysdigsInfo(chisel) }

    /// Where `ours` and `theirs` differ, or `nil`. Unless `ordered`, lines after the first may come
    /// in another order: sysdig's netstat walks threads, and lsof with a filter a thread's fds, with
    /// Lua's `pairs`, in LuaJIT's hash order; swiftdig lists both by number.
    static func difference(_ ours: String, _ theirs: String, ordered: Bool) -> String? {
        if ours == theirs { return nil }
        let a = ours.split(separator: "\n", omittingEmptySubsequences: false)
        let b = theirs.split(separator: "\n", omittingEmptySubsequences: false)
        if !ordered, a.first == b.first, a.dropFirst().sorted() == b.dropFirst().sorted() { return nil }
        return "ours:\n\(ours)\nsysdig:\n\(theirs)"
    }

    /// The thread table a chisel sees: threads by tid, each listing only the fds the filter kept, and
    /// socket ends turned to name the server first.
    @Test func threadTableFiltersFDsAndNamesSocketEnds() throws {
        guard let dir = Checkout.capturesOrSkip() else { return }
        let fixtures = ChiselFixtures()
        let plugin = try fixtures.load("tables", ChiselFixtures.chisel("Tables", """
            private var context: ChiselContext!
            func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws { self.context = context }
            func handle(_ event: ChiselEvent) throws { context.endCapture() }
            func captureEnded(_ time: ChiselTime) throws {
                let all = try context.threadTable()
                context.print("sorted \\(all.map(\\.tid) == all.map(\\.tid).sorted()) fds \\(all.allSatisfy { $0.fds.map(\\.number) == $0.fds.map(\\.number).sorted() })")
                for t in try context.threadTable(filter: "proc.pid=3111 and fd.type=ipv4") {
                    for fd in t.fds {
                        let s = fd.socket
                        context.print("\\(t.tid) \\(t.userName) \\(fd.number) \\(fd.name) \\(s?.l4Protocol ?? "") \\(s?.serverAddress ?? ""):\\(s?.serverPort ?? 0) \\(s?.clientAddress ?? ""):\\(s?.clientPort ?? 0) \\(s?.isServer ?? false)")
                    }
                }
                context.print("bare \\(try context.threadTable(fds: false).allSatisfy(\\.fds.isEmpty))")
                do { _ = try context.threadTable(filter: "a=") } catch let e as ChiselError { context.print(e.message) }
            }
            """))
        let out = "\(fixtures.directory)/out"
        var options = ChiselRun.Options()
        options.outputFD = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { close(options.outputFD) }
        try ChiselRun.run(
            path: "\(dir)/curl_google.scap", requests: [ChiselRequest(plugin: plugin, name: "tables", arguments: [])],
            loader: ChiselLoader(compiler: fixtures.compiler), options: options)
        let output = FileBytes.read(out).map { String(decoding: $0, as: UTF8.self) }
        #expect(output == """
            sorted true fds true
            3111 root 3 50.207.137.246:63740->10.0.0.79:22 tcp 10.0.0.79:22 50.207.137.246:63740 true
            bare true
            invalid filter argument for get_thread_table in chisel tables: filter error at position 1: filter error: unrecognized field a at pos 0

            """)
    }
}
