// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@testable import ChiselHost

#if canImport(Glibc)
import Glibc
#endif

/// Chisels that fail: one line naming the chisel (and the argument), exit status 1, no crash; and
/// chisels found only on the search path, never in the current folder or the capture's.
@Suite struct ChiselErrorTests {
    /// The sample capture of the checkout (no shared captures needed).
    static let sample = Checkout.root + "/Tests/Fixtures/sample.scap.gz"

    // The bundled chisels answer bad values as sysdig's do (spectrogram: "Input refresh_time must be
    // a number.", tested against sysdig); a chisel that reads a number with ChiselArguments stops.
    @Test(arguments: [
        ("-c Examples/idle_sockets.swift 1x", "swiftdig: chisel Examples/idle_sockets.swift: argument seconds must be a number, not '1x'\n"),
        ("-c Examples/top_by_field.swift \"proc.name evt.latency 'evt.type=read' many\"",
         "swiftdig: chisel Examples/top_by_field.swift: argument top must be a whole number, not 'many'\n"),
    ])
    func argumentOfTheWrongTypeIsOneLine(_ arguments: String, _ message: String) {
        guard let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let run = Checkout.shell("'\(swiftdig)' -r '\(Self.sample)' \(arguments)", cache: fixtures.directory + "/cache")
        #expect(run.status == 1)
        #expect(run.err == message, "\(run.err)")
        #expect(run.out.isEmpty)
    }

    /// A chisel that throws in `callback`: `what` is thrown (a ChiselError or another error).
    static func thrower(_ callback: String, _ what: String) -> String {
        let signature = [
            "initialize": "func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws",
            "handle": "func handle(_ event: ChiselEvent) throws",
            "captureEnded": "func captureEnded(_ time: ChiselTime) throws",
        ][callback]!
        return ChiselFixtures.chisel("Thrower", """
                struct Odd: Error {}
                \(signature) { throw \(what) }
            """)
    }

    @Test(arguments: [
        ("initialize", "ChiselError(\"no such mode\")", ": no such mode\n"),
        ("handle", "ChiselError(\"boom\")", ": boom\n"),
        ("handle", "Odd()", ": handle threw Odd()\n"),
        ("captureEnded", "Odd()", ": captureEnded threw Odd()\n"),
    ])
    func chiselThatThrowsStopsWithOneLineNamingIt(_ callback: String, _ what: String, _ ending: String) {
        guard let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let path = fixtures.write("thrower", Self.thrower(callback, what))
        let run = Checkout.shell("'\(swiftdig)' -r '\(Self.sample)' -c '\(path)'", cache: fixtures.directory + "/cache")
        #expect(run.status == 1, "\(run.err)")
        #expect(run.err == "swiftdig: chisel \(path)\(ending)", "\(run.err)")
    }

    @Test func chiselsComeOnlyFromTheSearchPath() throws {
        guard let swiftdig = Checkout.executable else { return }
        let fixtures = ChiselFixtures()
        let cache = fixtures.directory + "/cache"
        // The capture's folder is also the current folder, and both hold a chisel called `sneaky`.
        let here = fixtures.directory
        #expect(system("cp '\(Self.sample)' '\(here)/capture.scap.gz'") == 0)
        fixtures.write("sneaky", ChiselFixtures.chisel("Sneaky", """
                func captureEnded(_ time: ChiselTime) throws { context.print("sneaky ran") }
                var context: ChiselContext!
                func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws { self.context = context }
            """))
        let inHere = "env -C '\(here)' SWIFTDIG_CHISEL_PATH= '\(swiftdig)' -r '\(here)/capture.scap.gz'"
        let missing = Checkout.shell("\(inHere) -c sneaky", cache: cache)
        #expect(missing.status == 1)
        #expect(missing.err == "swiftdig: chisel sneaky not found - use -cl to list them\n", "\(missing.err)")
        #expect(!missing.out.contains("sneaky ran"))

        // Named by its path, it runs.
        let named = Checkout.shell("\(inHere) -c ./sneaky.swift", cache: cache)
        #expect(named.status == 0, "\(named.err)")
        #expect(named.out.contains("sneaky ran"))

        // In ./chisels, which is on the search path as in sysdig, it is found by name and listed.
        #expect(system("mkdir '\(here)/chisels' && mv '\(here)/sneaky.swift' '\(here)/chisels/'") == 0)
        let found = Checkout.shell("\(inHere) -c sneaky", cache: cache)
        #expect(found.status == 0, "\(found.err)")
        #expect(found.out.contains("sneaky ran"))
        let list = Checkout.shell("env -C '\(here)' '\(swiftdig)' -cl", cache: cache)
        #expect(list.out.contains("\nSneaky "), "\(list.out)")
        #expect(list.out.contains("in this order: ./chisels, "), "\(list.out)")
    }
}
