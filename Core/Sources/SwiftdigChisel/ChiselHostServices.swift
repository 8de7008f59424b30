// SPDX-License-Identifier: Apache-2.0

/// What the runner does for a chisel's ``ChiselContext``: the runner implements it, chisels never
/// see it. It keeps this library free of the core's types, so a plugin's binary interface is this
/// library's alone.
public protocol ChiselHostServices: AnyObject {
    /// Compiles `text` in sysdig's filter language and makes it the chisel's filter.
    /// - Throws: the filter's error, with sysdig's message.
    func setFilter(_ text: String) throws
    /// Binds the field `name` to be read as `kind`.
    /// - Returns: the slot ``ChiselEventSource`` reads the field's values by.
    /// - Throws: when the field is unknown or its values do not convert to `kind`.
    func bindField(_ name: String, as kind: ChiselValueKind) throws -> Int
    /// How the runner was started.
    var environment: ChiselEnvironment { get }
    /// The timestamp of the capture's first event, in nanoseconds since the epoch (0 before it).
    var firstEventTimestamp: UInt64 { get }
    /// The timestamp of the latest event read, in nanoseconds since the epoch.
    var lastEventTimestamp: UInt64 { get }
    /// The event being handled, or whose time ended an interval; `nil` outside them. Since 1.1.
    var currentEvent: ChiselEvent? { get }
    /// The machine's threads with the fds `filter` matches, by ascending tid (see
    /// ``ChiselContext/threadTable(filter:fds:)``). Since 1.2.
    func threadTable(filter: String, fds: Bool) throws -> [ChiselThreadInfo]
    /// Makes `format` how buffers render in text fields, unless the command line chose a format.
    /// Since 1.2.
    func setBufferFormat(_ format: ChiselBufferFormat)
    /// Asks live captures to keep `bytes` of each I/O buffer. Since 1.2.
    func setSnapLength(_ bytes: Int)
    /// The context's ``ChiselContext/interval`` or ``ChiselContext/captureEndRequested`` changed:
    /// a runner that keeps copies of them (to read them per event without calling into this
    /// library) reads them again. Since 1.4.
    func requestsChanged()
    /// Runs the runner again once this run ends, with `arguments` as its command line (sysdig's
    /// `sysdig.run_app`). Since 1.4.
    func runAfterCapture(_ arguments: [String])
    /// The containers known (see ``ChiselContext/containerTable()``). Since 1.5.
    func containerTable() -> [ChiselContainerInfo]
}

extension ChiselHostServices {
    /// No current event: the default for hosts that do not track one.
    public var currentEvent: ChiselEvent? { nil }
    /// Buffers keep their format: the default for hosts older than 1.2.
    public func setBufferFormat(_ format: ChiselBufferFormat) {}
    /// No live capture to tell: the default for hosts older than 1.2.
    public func setSnapLength(_ bytes: Int) {}
    /// Nothing kept: the default for hosts older than 1.4.
    public func requestsChanged() {}
    /// No second run: the default for hosts older than 1.4.
    public func runAfterCapture(_ arguments: [String]) {}
}

/// How the runner was started: what sysdig's `sysdig.is_live()`, `sysdig.get_output_format()` and
/// `sysdig.is_print_container_data()` tell a Lua chisel.
public struct ChiselEnvironment: Sendable {
    /// Whether events come from the live system rather than a capture file.
    public var isLive: Bool
    /// Whether the command line asked for JSON (`-j`).
    public var prefersJSON: Bool
    /// Whether the command line asked for container columns (`-pc`).
    public var printsContainerData: Bool
    /// The command line's capture filter, empty when none.
    public var filter: String
    /// The capture file read (`sysdig.get_evtsource_name()`), empty when live. Since 1.4.
    public var captureSource: String = ""
    /// Whether the run writes a partial result (`--partial-out`) instead of the chisel's output: a
    /// ``MergeableChisel`` records what it would print along the way. Since 1.6.
    public var writesPartial = false
    /// Whether the run prints the merge of partial results (`swiftdig merge`): no events come, the
    /// chisel absorbs parts, then ends. Since 1.6.
    public var printsMerged = false

    /// An environment.
    public init(isLive: Bool = false, prefersJSON: Bool = false, printsContainerData: Bool = false, filter: String = "") {
        self.isLive = isLive
        self.prefersJSON = prefersJSON
        self.printsContainerData = printsContainerData
        self.filter = filter
    }
}
