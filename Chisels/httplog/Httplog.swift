// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `httplog`: a line for each HTTP request answered, when the response came:
/// `2018-08-17 17:35:48.586317233 > method=GET url=www.google.com/ response_code=200 latency=37ms size=0B`.
final class Httplog: Chisel {
    static let info = ChiselInfo(
        name: "httplog", category: "Application", shortDescription: "HTTP requests log",
        description: "Show a log of all HTTP requests")

    private var context: ChiselContext!
    private var http: ChiselHTTPTracker!
    private var time: ChiselField<String>!

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        http = try ChiselHTTPTracker(context)
        time = try context.field("evt.datetime")
    }

    func handle(_ event: ChiselEvent) throws {
        guard let t = http.transaction(ending: event) else { return }
        let container = context.environment.printsContainerData ? " \(t.container) " : " "
        context.print(
            "\(event[time] ?? "")\(container)\(t.direction) method=\(t.method) url=\(t.url) response_code=\(t.code) latency=\(t.latency / 1_000_000)ms size=\(t.length)B")
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Httplog.self, version)
}
