// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// `swiftdig merge`, and the batch runner's way to combine the partial results of its children:
/// reads partials, checks they agree, has a fresh instance of their chisel absorb them in order, and
/// prints its output, or writes the merged partial (merges are trees).
///
/// ```swift
/// try PartialMerge.printMerged(partials: ["a.part", "b.part"], loader: loader)
/// ```
public enum PartialMerge {
    /// How to merge.
    public struct Options {
        /// Print JSON (`-j`); `nil`: as the partials were written (JSON if they all were).
        public var prefersJSON: Bool?
        /// Where the chisel prints.
        public var outputFD: Int32 = 1
        /// Write the merged partial to this file instead of printing.
        public var partialOutput: String?

        /// Print to standard output in the partials' own form.
        public init() {}
    }

    /// Reads the partial at `path`.
    /// - Throws: ``PartialMergeError``: `PATH: offset N: WHAT` for a damaged file.
    public static func read(_ path: String) throws(PartialMergeError) -> PartialResult {
        let bytes = try PartialFiles.read(path)
        do {
            return try PartialResult(bytes: bytes)
        } catch {
            throw PartialMergeError("\(path): \(error.description)")
        }
    }

    /// Merges the partial files at `paths` (in that order) and prints the chisel's output, or
    /// writes the merged partial when ``Options/partialOutput`` is set.
    /// - Throws: ``PartialMergeError`` for a file that does not read or does not agree with the
    ///   first; ``ChiselRunError`` for the chisel's own failures; ``ChiselLoadError``.
    public static func printMerged(partials paths: [String], loader: ChiselLoader, options: Options = Options()) throws {
        var parts: [(name: String, result: PartialResult)] = []
        for path in paths { parts.append((path, try read(path))) }
        try printMerged(parts, loader: loader, options: options)
    }

    /// ``printMerged(partials:loader:options:)`` over partials already read; `name` is what errors
    /// call each.
    public static func printMerged(_ parts: [(name: String, result: PartialResult)], loader: ChiselLoader, options: Options = Options()) throws {
        guard let (firstName, first) = parts.first else { throw PartialMergeError("no partial results to merge") }
        for (name, part) in parts.dropFirst() { try checkAgreement(part, named: name, with: first, named: firstName) }
        // A newer protocol's chisel may write payloads this one's cannot read.
        let ours = ChiselProtocolVersion.packed
        guard first.protocolVersion >> 16 == ours >> 16, first.protocolVersion <= ours else {
            throw PartialMergeError(
                "\(firstName): written by chisel protocol \(ChiselProtocolVersion.text(first.protocolVersion)), this swiftdig merges \(ChiselProtocolVersion.text(ours & 0xFFFF_0000)) to \(ChiselProtocolVersion.text(ours))")
        }
        let inputs = parts.flatMap(\.result.inputs)
        let firstTimestamp = inputs.map(\.firstTimestamp).filter { $0 != 0 }.min() ?? 0
        let lastTimestamp = inputs.map(\.lastTimestamp).max() ?? 0

        var environment = ChiselEnvironment(
            prefersJSON: options.prefersJSON ?? parts.allSatisfy(\.result.json), printsContainerData: first.containerColumns)
        environment.writesPartial = options.partialOutput != nil
        environment.printsMerged = options.partialOutput == nil
        let (instance, chisel) = try instantiate(
            first.chisel, first.arguments, loader: loader, environment: environment, outputFD: options.outputFD)
        defer { instance.context.output.flush() }
        guard instance.name == first.resolvedChisel, instance.arguments == first.resolvedArguments else {
            throw PartialMergeError(
                "\(firstName): written by \(first.chisel) running as \(first.resolvedChisel) \(quoted(first.resolvedArguments)); here it runs as \(instance.name) \(quoted(instance.arguments))")
        }
        instance.coveredTimestamps = (firstTimestamp, lastTimestamp)
        if options.partialOutput == nil {
            try ChiselRun.guarded(instance, "captureStarted") { try chisel.captureStarted() }
        }
        for (name, part) in parts {
            var reader = ChiselPartialReader(part.payload, baseOffset: part.payloadOffset)
            do {
                try chisel.absorbPartial(&reader)
                try reader.expectEnd("the \(part.resolvedChisel) payload")
            } catch let error as ChiselPartialError {
                throw PartialMergeError("\(name): \(error.description)")
            } catch let error as ChiselError {
                throw PartialMergeError("\(name): \(error.message)")
            }
        }
        if let path = options.partialOutput {
            var writer = ChiselPartialWriter()
            try ChiselRun.guarded(instance, "writePartial") { try chisel.writePartial(to: &writer) }
            var merged = first
            merged.protocolVersion = ChiselProtocolVersion.packed
            merged.json = environment.prefersJSON
            merged.inputs = inputs
            merged.payload = writer.bytes
            try PartialFiles.write(merged.bytes, to: path)
            return
        }
        let end = ChiselTime(timestamp: lastTimestamp, delta: Int64(bitPattern: lastTimestamp &- firstTimestamp))
        try ChiselRun.guarded(instance, "captureEnded") { try chisel.captureEnded(end) }
    }

    /// Whether `chisel` with `arguments` can write partial results (a batch runs those that cannot
    /// one file after another). Loads and initialises it, reads no event.
    /// - Throws: ``ChiselLoadError`` or ``ChiselRunError`` when it does not load or initialise.
    public static func canWritePartial(
        chisel: String, arguments: [String], loader: ChiselLoader, environment: ChiselEnvironment = ChiselEnvironment()
    ) throws -> Bool {
        var environment = environment
        environment.writesPartial = true
        return try start(chisel, arguments, loader: loader, environment: environment, outputFD: -1).chisel is any MergeableChisel
    }

    /// A started instance of `name` over no events (its output to `outputFD`).
    private static func start(
        _ name: String, _ arguments: [String], loader: ChiselLoader, environment: ChiselEnvironment, outputFD: Int32
    ) throws -> ChiselInstance {
        let plugin = try loader.load(name)
        let request = ChiselRequest(plugin: plugin, name: name, arguments: arguments)
        let source = HostEventSource(inspector: Inspector(source: NoEvents()))
        var options = ChiselRun.Options()
        options.environment = environment
        let instance = try ChiselRun.start(request, loader: loader, source: source, options: options, output: ChiselOutput(fd: outputFD))
        instance.event = ChiselEvent(source: source)
        return instance
    }

    /// A started instance of `name` over no events, and it as a ``MergeableChisel``.
    private static func instantiate(
        _ name: String, _ arguments: [String], loader: ChiselLoader, environment: ChiselEnvironment, outputFD: Int32
    ) throws -> (ChiselInstance, any MergeableChisel) {
        let instance = try start(name, arguments, loader: loader, environment: environment, outputFD: outputFD)
        guard let chisel = instance.chisel as? any MergeableChisel else {
            throw ChiselRunError(chisel: name, message: "cannot merge partial results: this build's \(instance.name) does not merge")
        }
        return (instance, chisel)
    }

    /// Throws unless `part` was written by the same chisel, arguments, options and protocol as `first`.
    private static func checkAgreement(_ part: PartialResult, named name: String, with first: PartialResult, named firstName: String) throws(PartialMergeError) {
        func differ(_ what: String, _ theirs: String, _ ours: String) -> PartialMergeError {
            PartialMergeError("\(name): \(what) \(theirs) does not match \(firstName)'s \(ours): partials of different runs do not merge")
        }
        if part.chisel != first.chisel { throw differ("chisel", part.chisel, first.chisel) }
        if part.arguments != first.arguments { throw differ("arguments", quoted(part.arguments), quoted(first.arguments)) }
        if part.containerColumns != first.containerColumns {
            throw differ("-pc", part.containerColumns ? "on" : "off", first.containerColumns ? "on" : "off")
        }
        if part.resolvedChisel != first.resolvedChisel || part.resolvedArguments != first.resolvedArguments {
            throw differ(
                "chisel run", "\(part.resolvedChisel) \(quoted(part.resolvedArguments))",
                "\(first.resolvedChisel) \(quoted(first.resolvedArguments))")
        }
        if part.protocolVersion != first.protocolVersion {
            throw differ(
                "chisel protocol", ChiselProtocolVersion.text(part.protocolVersion), ChiselProtocolVersion.text(first.protocolVersion))
        }
    }

    private static func quoted(_ arguments: [String]) -> String {
        "[" + arguments.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
    }
}

/// The event source of a merge: it has ended before it began.
private final class NoEvents: EventSource {
    var name: String { "merged partial results" }
    func nextBlock() throws -> ScapBlock? { nil }
    var statistics: CaptureStatistics { CaptureStatistics() }
}
