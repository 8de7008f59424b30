// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// `--partial-out`: checks, before the run, that its one chisel can merge, and writes its partial
/// result at the end in place of its output.
struct PartialOutput {
    let path: String
    let request: ChiselRequest
    let instance: ChiselInstance
    let chisel: any MergeableChisel

    /// - Throws: ``ChiselRunError`` naming the chisel when there are several or it cannot merge.
    init(path: String, requests: [ChiselRequest], chisels: [ChiselInstance]) throws {
        guard requests.count == 1, let request = requests.first, let instance = chisels.first else {
            throw ChiselRunError(
                chisel: requests.map(\.name).joined(separator: ", "), message: "--partial-out takes exactly one chisel")
        }
        guard let chisel = instance.chisel as? any MergeableChisel else {
            let ran = instance.name == request.name ? "" : " (it runs as \(instance.name))"
            throw ChiselRunError(
                chisel: request.name,
                message: "cannot write a partial result\(ran): its output does not merge (it prints as events come or reads the machine's state); run it without --partial-out")
        }
        self.path = path
        self.request = request
        self.instance = instance
        self.chisel = chisel
    }

    /// Writes the partial file of the run over `inspector`, around the chisel's `payload`.
    /// - Throws: ``PartialMergeError`` naming the file when it cannot be written.
    func write(_ payload: [UInt8], inspector: Inspector, delivered: UInt64, options: ChiselRun.Options) throws(PartialMergeError) {
        let input = PartialResult.Input(
            name: inspector.reader?.path ?? "live capture",
            filter: options.environment.filter, events: inspector.eventCount, delivered: delivered,
            firstTimestamp: inspector.firstTimestamp, lastTimestamp: inspector.lastTimestamp)
        let result = PartialResult(
            chisel: request.name, arguments: request.arguments, resolvedChisel: instance.name,
            resolvedArguments: instance.arguments, containerColumns: options.environment.printsContainerData,
            json: options.environment.prefersJSON, inputs: [input], payload: payload)
        try PartialFiles.write(result.bytes, to: path)
    }
}
