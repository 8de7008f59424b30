// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// The job of `swiftdig -r FILE -c NAME …`: read a capture and hand its events to chisels instead of
/// printing them, as sysdig's main loop does when chisels are given.
public enum ChiselRun {
    /// How to run.
    public struct Options {
        /// The command line's filter: events it rejects reach no chisel.
        public var filter: Filter?
        /// Stop after this many events.
        public var eventLimit: UInt64?
        /// Stop once the events span this many nanoseconds (`-M`).
        public var duration: UInt64?
        /// What chisels are told about the command line.
        public var environment = ChiselEnvironment()
        /// Where chisels print.
        public var outputFD: Int32 = 1
        /// How buffers render in text fields (`-A`, `-x`, `-X`, `-b`, `-j`); chisels may choose
        /// another while it is ``BufferFormat/normal``.
        public var bufferFormat: BufferFormat = .normal

        /// The defaults: every event, standard output.
        public init() {}
    }

    /// Runs `requests` over the capture at `path`. Output printed before an error is flushed.
    /// - Throws: ``ChiselRunError`` naming the chisel that failed; the core's errors for the capture.
    public static func run(path: String, requests: [ChiselRequest], loader: ChiselLoader, options: Options) throws {
        try run(inspector: Inspector(path: path), requests: requests, loader: loader, options: options)
    }

    /// Runs `requests` over the events of `inspector` (a file or a live capture).
    /// - Returns: the number of events that reached the chisels (past the filter).
    @discardableResult
    public static func run(
        inspector: Inspector, requests: [ChiselRequest], loader: ChiselLoader, options: Options
    ) throws -> UInt64 {
        let source = HostEventSource(inspector: inspector, bufferFormat: options.bufferFormat)
        let output = ChiselOutput(fd: options.outputFD)
        defer { output.flush() }
        var chisels: [ChiselInstance] = []
        for request in requests {
            chisels.append(try start(request, loader: loader, source: source, options: options, output: output))
        }
        if let filter = options.filter { inspector.parser.setFilter(filter, context: source.context) }
        let event = ChiselEvent(source: source)
        for c in chisels { c.event = event }
        for c in chisels { try guarded(c.name, "captureStarted") { try c.chisel.captureStarted() } }
        var delivered: UInt64 = 0
        var durationStart: UInt64 = 0
        var stopRequested = false
        try inspector.run { current in
            if let filterFailure = inspector.parser.filterFailure { throw filterFailure }
            if inspector.parser.filteredOut {
                // sysdig's chisels read the filtered-out event in on_interval (its one event object).
                source.current = current
                defer { source.current = nil }
                for c in chisels { try guarded(c.name, "interval") { try c.tick(current.timestamp) } }
                return true
            }
            if let limit = options.eventLimit, delivered >= limit { return false }
            if let duration = options.duration {
                if durationStart == 0 {
                    durationStart = current.timestamp
                } else if current.timestamp &- durationStart >= duration {
                    return false
                }
            }
            delivered += 1
            source.current = current
            source.context.firstTimestamp = inspector.firstTimestamp
            defer { source.current = nil }
            for c in chisels {
                try guarded(c.name, "handle") { try c.process(current, event) }
                stopRequested = stopRequested || c.context.captureEndRequested
            }
            return !stopRequested
        }
        let end = ChiselTime(
            timestamp: inspector.lastTimestamp, delta: Int64(bitPattern: inspector.lastTimestamp &- inspector.firstTimestamp))
        for c in chisels { try guarded(c.name, "captureEnded") { try c.chisel.captureEnded(end) } }
        return delivered
    }

    /// Creates and initialises the chisel of `request`, following `exec` requests to the chisel that
    /// finally runs (`topprocs_net` runs as `table_generator`).
    private static func start(
        _ request: ChiselRequest, loader: ChiselLoader, source: HostEventSource, options: Options, output: ChiselOutput
    ) throws -> ChiselInstance {
        var plugin = request.plugin, name = request.name, arguments = request.arguments
        while true {
            let instance = ChiselInstance(
                plugin: plugin, name: name, source: source, environment: options.environment, output: output)
            let values = ChiselArguments(arguments, for: plugin.info)
            try guarded(name, "initialize") { try instance.chisel.initialize(instance.context, values) }
            guard let exec = instance.context.execRequest else { return instance }
            do {
                plugin = try loader.load(exec.chisel)
                try ChiselCommandLine.validate(exec.arguments, against: plugin.info, chisel: exec.chisel)
            } catch {
                throw ChiselRunError(chisel: name, message: error.message)
            }
            name = exec.chisel
            arguments = exec.arguments
        }
    }

    /// Runs a chisel's callback, naming the chisel in what it throws.
    @inline(__always)
    private static func guarded(_ chisel: String, _ callback: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ChiselRunError {
            throw error
        } catch let error as ChiselError {
            throw ChiselRunError(chisel: chisel, message: error.message)
        } catch {
            throw ChiselRunError(chisel: chisel, message: "\(callback) threw \(error)")
        }
    }
}

/// A chisel failed while running: the message names it.
public struct ChiselRunError: Error, CustomStringConvertible {
    /// The chisel's name.
    public let chisel: String
    /// What went wrong.
    public let message: String

    /// `chisel NAME: MESSAGE`.
    public var description: String { "chisel \(chisel): \(message)" }
}
