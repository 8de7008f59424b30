// SPDX-License-Identifier: Apache-2.0
// The chisel Scripts/benchmark.sh times: it receives every event and does nothing, so its run minus
// a plain `-q` run is the cost of the chisel boundary.
import SwiftdigChisel

final class Empty: Chisel {
    static let info = ChiselInfo(name: "empty", category: "Benchmark", shortDescription: "Receive every event, do nothing")
    init() {}
    func handle(_ event: ChiselEvent) throws {}
}

@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Empty.self, version)
}
