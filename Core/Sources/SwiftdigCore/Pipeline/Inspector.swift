// SPDX-License-Identifier: Apache-2.0

/// Reads a capture and hands out its events in order, each after the state was updated with it:
/// the first stages of the pipeline (bytes → events → state).
///
/// ```swift
/// let inspector = try Inspector(path: "trace.scap")
/// try inspector.run { event in
///     print(event.info.name, inspector.parser.thread?.comm ?? "<NA>")
///     return true
/// }
/// ```
public final class Inspector {
    /// The machine state as of the current event.
    public let state = SystemState()
    /// The parser that keeps ``state`` and knows the current event's thread and fd.
    public let parser: EventParser
    /// The number of events read so far.
    public private(set) var eventCount: UInt64 = 0
    /// The timestamp of the first event.
    public private(set) var firstTimestamp: UInt64 = 0
    /// The timestamp of the latest event.
    public private(set) var lastTimestamp: UInt64 = 0
    /// The machine the capture was taken on, once its block was read.
    public private(set) var machine: MachineInfo?
    /// The capture file being read (with ``init(pieces:)``, the current piece), or `nil` when the
    /// events come from another ``source``.
    public private(set) var reader: ScapReader?
    /// The source of the events when they do not come from a file (a live capture).
    public let source: EventSource?
    /// Whether events of codes sysdig 0.29.3 does not know (``EventSchema/legacyCount`` and up)
    /// are dropped as it drops them: unnumbered, uncounted, without effect on the state.
    public var skipsNewerEvents = true
    /// The current event as the reader returned it (block type, cpu, dump flags), during `run`'s body,
    /// when ``recordsRawEvent`` is on.
    public private(set) var rawEvent: ScapEvent?
    /// Whether ``rawEvent`` is set for `run`'s body (a few instructions per event handed out); off for
    /// a consumer that never reads it.
    public var recordsRawEvent = true
    /// Whether `run`'s body sees the events the capture filter (or sysdig's own rules) hid; when false
    /// it sees only the shown ones (and any event that raised a filter error). Hidden events matter
    /// to `-w` (state-only copies) and `-P` (every event read counts), not to plain printing.
    public var deliversHiddenEvents = true
    /// Sees every block other than events, before the state takes it in (`-w` copies them).
    public var metadataObserver: ((ScapBlock) throws -> Void)?
    /// The thread table's periodic scan, for a live source (sysdig runs none on a capture file).
    public var threadPurge: ThreadPurge?

    /// Told the index and path of each piece of ``init(pieces:)`` as its reading starts (the first
    /// one included).
    public var pieceStarted: ((Int, String) -> Void)?

    /// The pieces not opened yet, in reading order (``init(pieces:)``).
    private var laterPieces: ArraySlice<String> = []
    /// The index of the piece being read (0 for a single file).
    public private(set) var pieceIndex = 0

    private var progress: ReadProgress?
    /// Hands the tracer event that stands for the current event to `body` (out of line: rare).
    @inline(never) private func deliverTracer(_ body: (Event) throws -> Bool) throws -> Bool {
        try body(parser.tracerEvent!)
    }
    /// ``EventLayouts/table``, read once.
    private let layouts = EventLayouts.table

    /// Opens the capture at `path`.
    ///
    /// - Parameter bufferSize: the reader's buffer (see ``ScapReader/init(path:bufferSize:largePayloadTypes:)``):
    ///   the default suits big files; the fuzz targets read small ones, many times a second.
    public init(path: String, bufferSize: Int = ScapReader.defaultBufferSize) throws(ScapError) {
        reader = try ScapReader(
            path: path, bufferSize: bufferSize, largePayloadTypes: EventSchema.largePayloadTypes)
        source = nil
        parser = EventParser(state: state)
    }

    /// Opens the first of `paths`, the pieces of one capture (the rotation files of one `-C`, `-G` or
    /// `-e` run, in the order written), read one after the other as one capture: the state, event
    /// numbers and relative times carry across; the state blocks that open each later piece (the
    /// writer's copy of a state this inspector already has) are skipped.
    public convenience init(pieces paths: [String]) throws(ScapError) {
        precondition(!paths.isEmpty, "a capture has at least one piece")
        try self.init(path: paths[0])
        laterPieces = paths.dropFirst()
    }

    /// Reads the blocks of `source` (a live capture) instead of a file.
    public init(source: EventSource) {
        reader = nil
        self.source = source
        parser = EventParser(state: state)
    }

    /// The counters of the driver that produced the events (zero for a file).
    public var statistics: CaptureStatistics { source?.statistics ?? CaptureStatistics() }

    /// Reads events to the end of the capture, or until `body` returns false.
    ///
    /// `body` sees each event after the state was updated with it; the event's bytes are valid only
    /// during the call. A damaged capture ends the run with a ``ScapError`` after the events before
    /// the damage were delivered.
    public func run(_ body: (Event) throws -> Bool) throws {
        guard var reader else { return try runSource(beforeWaiting: { true }, body) }
        // libscap skips them before looking at their parameters.
        reader.uncheckedEventTypes = skipsNewerEvents ? UInt16(EventSchema.legacyCount)... : nil
        if pieceIndex == 0 { pieceStarted?(0, reader.path) }
        // Read once: it is set before the run (``trackReadProgress()``).
        let progress = self.progress
        while true {
            let blockStart = reader.offset
            // Events, nearly every block, skip the block wrapper and its checks when they can.
            if let raw = try reader.nextEvent() {
                progress?.event(at: blockStart, length: Int(reader.offset - blockStart))
                // The reader's fast path takes no code sysdig 0.29.3 skips (see uncheckedEventTypes).
                // `raw` is made again for the events `body` sees rather than kept across the parser's work.
                if try !deliverKnown(raw, body, rawAfterParsing: { reader.lastFastEvent($0, offset: blockStart) }) {
                    return
                }
                continue
            }
            // Between buffer refills (every few MiB): a stop asked for by a signal ends the run here.
            if RunInterruption.isRequested { return }
            guard let block = try reader.nextBlock() else {
                if let next = try openNextPiece() {
                    reader = next
                    continue
                }
                progress?.end()
                return endOfInput()
            }
            if let progress {
                let length = Int(reader.offset - blockStart)
                if case .event = block {
                    progress.event(at: blockStart, length: length)
                } else {
                    progress.otherBlock(at: blockStart, length: length)
                }
            }
            if try !handle(block, body) { return }
        }
    }

    /// ``run(_:)``, and before the source waits for events not produced yet (``EventSource/mayWait``:
    /// a live capture), `beforeWaiting`, which writes out what was printed so far; when it returns
    /// false (the output was closed) the run ends. A file never waits.
    public func run(beforeWaiting: () throws -> Bool, _ body: (Event) throws -> Bool) throws {
        if reader == nil { try runSource(beforeWaiting: beforeWaiting, body) } else { try run(body) }
    }

    /// ``run(_:)`` over a ``source``: the blocks as it hands them out, until it ends. The source
    /// watches ``RunInterruption`` itself (a live capture hands out what it collected before the
    /// stop, then ends). (Out of line: inlined into ``run(_:)`` it made the file's reading loop too
    /// big for the reader's fast path to be inlined into it, 80 instructions more per event.)
    @inline(never) private func runSource(beforeWaiting: () throws -> Bool, _ body: (Event) throws -> Bool) throws {
        guard let source else { return }
        while true {
            if source.mayWait, try !beforeWaiting() { return }
            guard let block = try source.nextBlock() else { break }
            if threadPurge != nil, case .event(let raw) = block { purgeThreads(at: raw.header.ts) }
            if try !handle(block, body) { return }
        }
        endOfInput()
    }

    /// As libsinsp before it parses a live event: the thread table's periodic scan, by event time.
    /// The previous event's thread counts as used at that event's time (libsinsp marks every thread
    /// it looks up; the event's own thread is the one that matters).
    @inline(__always) private func purgeThreads(at timestamp: UInt64) {
        if let previous = parser.thread { previous.lastAccess = lastTimestamp }
        _ = threadPurge?.scanIfDue(at: timestamp, in: state)
    }

    /// The next piece of ``init(pieces:)``, opened and made the ``reader``, or `nil` after the last.
    private func openNextPiece() throws(ScapError) -> ScapReader? {
        guard let path = laterPieces.popFirst() else { return nil }
        let next = try ScapReader(path: path, largePayloadTypes: EventSchema.largePayloadTypes)
        next.uncheckedEventTypes = reader?.uncheckedEventTypes
        reader = next
        pieceIndex += 1
        pieceStarted?(pieceIndex, path)
        return next
    }

    /// A block read the slow way: an event goes to `body` (returns what it returned), any other
    /// block to the metadata observer and then into the state (in a later piece, nowhere: the state
    /// carried over from the earlier pieces is already the one it describes).
    private func handle(_ block: ScapBlock, _ body: (Event) throws -> Bool) throws -> Bool {
        if case .event(let raw) = block { return try deliver(raw, body) }
        if pieceIndex > 0 { return true }
        try metadataObserver?(block)
        absorb(block)
        return true
    }

    /// The input ended: threads still waiting for their containers get them (a capture without
    /// events never reached the point where libsinsp resolves them).
    private func endOfInput() {
        parser.resolveAwaitingContainers()
    }

    /// Takes a state block (interfaces, machine, processes, fds, users) into the state.
    private func absorb(_ block: ScapBlock) {
        switch block {
        case .interfaceList(let list):
            state.interfaceList = list
            state.interfaces.ipv4 = list.ipv4.map { ($0.address, $0.netmask) }
            state.interfaces.ipv6 = list.ipv6.map { $0.address.bytes }
        case .machineInfo(let info):
            machine = info
        case .processList(let list):
            for record in list.threads {
                let t = Self.thread(from: record)
                state.addThread(t, fromProcessList: true)
                parser.threadsAwaitingContainers.append(t)
            }
        case .fdList(let list):
            guard let t = state.thread(list.tid) else { return }
            for record in list.fds { state.addFD(record.fd, Self.fd(from: record, interfaces: state.interfaces), to: t) }
        case .userList(let list):
            state.userList = list
            for u in list.users {
                state.users[u.uid] = UserInfo(
                    uid: u.uid, gid: u.gid, name: u.name.string, homedir: u.homedir.string, shell: u.shell.string)
            }
            for g in list.groups { state.groups[g.gid] = GroupInfo(gid: g.gid, name: g.name.string) }
        default:
            break
        }
    }

    /// Updates the state with the event `raw` and hands it to `body`; returns what `body` returned.
    @inline(__always) private func deliver(_ raw: ScapEvent, _ body: (Event) throws -> Bool) throws -> Bool {
        // libscap 0.29.3 skips such events as soon as it has read their block.
        if skipsNewerEvents && Int(raw.header.type) >= EventSchema.legacyCount { return true }
        return try deliverKnown(raw, body, rawAfterParsing: { _ in raw })
    }

    /// ``deliver(_:_:)`` for an event of a code sysdig 0.29.3 knows, or when ``skipsNewerEvents`` is off.
    /// `rawAfterParsing` gives `raw` for ``rawEvent``, from the event made of it.
    @inline(__always) private func deliverKnown(
        _ raw: ScapEvent, _ body: (Event) throws -> Bool, rawAfterParsing: (Event) -> ScapEvent
    ) throws -> Bool {
        // libsinsp fixes the direction of /proc's sockets once the lists are in, before any event,
        // and counts the listed threads as their main threads' children.
        if eventCount == 0 { startEvents() }
        eventCount &+= 1
        let event = Event(
            bytes: raw.bytes, cpu: raw.cpu, dumpFlags: raw.flags ?? 0, number: eventCount,
            lengthWidth: raw.header.lengthSize, headerSize: raw.header.headerSize,
            paramCount: Int(raw.header.nparams), layouts: layouts)
        let ts = event.timestamp
        // Container events do not start the capture's clock.
        if firstTimestamp == 0 && !EventParser.isContainerEvent(event.type) {
            firstTimestamp = ts
            // The capture filter's relative times count from here.
            parser.filterContext?.firstTimestamp = ts
        }
        lastTimestamp = ts
        parser.process(event)
        if !deliversHiddenEvents && parser.filteredOut && parser.filterFailure == nil { return true }
        // Stored only for `body` (a copy of some 80 bytes, per event).
        if recordsRawEvent { rawEvent = rawAfterParsing(event) }
        // A write to a tracer fd shows as the tracer event that stands for it.
        if parser.madeTracerEvent { return try deliverTracer(body) }
        return try body(event)
    }

    /// What libsinsp does once the state lists are in, before the first event.
    @inline(never) private func startEvents() {
        state.createChildDependencies()
        state.fixSocketsComingFromProc()
    }

    /// Starts following how far sysdig 0.29.3 would be in the file, for ``readProgress`` (a second
    /// pass over the file: only for `-P`). Call it before ``run(_:)``.
    public func trackReadProgress() {
        if progress == nil, let reader { progress = ReadProgress(path: reader.path) }
    }

    /// How far in the file sysdig 0.29.3 would be after the current event, in percent, when
    /// ``trackReadProgress()`` was called (0 when the file could not be opened again).
    public var readProgress: Double { progress?.percent ?? 0 }

    /// A thread as sysdig builds it from a process-list entry.
    static func thread(from r: ProcessRecord) -> ThreadInfo {
        let t = ThreadInfo(tid: r.tid, pid: r.pid)
        t.ptid = r.ptid
        t.sid = r.sid
        t.vpgid = r.vpgid
        t.comm = r.comm.string
        t.exe = r.exe.string
        t.exepath = r.exepath.string
        t.exeWritable = r.exeWritable ?? false
        r.args.bytes.withUnsafeBytes { t.setArgs($0) }
        if t.isMainThread {
            r.env.bytes.withUnsafeBytes { t.setEnv($0) }
            var cwd = r.cwd.bytes
            if let nul = cwd.firstIndex(of: 0) { cwd.removeSubrange(nul...) }
            var joined = cwd.withUnsafeBytes { PathResolution.concatenate([], $0).path }
            if joined.last != UInt8(ascii: "/") { joined.append(UInt8(ascii: "/")) }
            t.cwd = String(decoding: joined, as: UTF8.self)
        }
        t.flags = r.flags | CloneFlag.active
        t.fdlimit = r.fdlimit
        t.uid = r.uid
        t.gid = r.gid
        t.vmsizeKB = r.vmsizeKB
        t.vmrssKB = r.vmrssKB
        t.vmswapKB = r.vmswapKB
        t.pfmajor = r.pfMajor
        t.pfminor = r.pfMinor
        t.vtid = r.vtid
        t.vpid = r.vpid
        t.tty = r.tty ?? 0
        t.loginuid = r.loginUID ?? 0xFFFF_FFFF
        r.cgroups.bytes.withUnsafeBytes { t.setCgroups($0) }
        t.root = r.root.string
        return t
    }

    /// An fd as sysdig builds it from an fd-list entry.
    static func fd(from r: FDRecord, interfaces: NetworkInterfaces) -> FDInfo {
        let info = FDInfo(type: FDType(rawValue: Int8(truncatingIfNeeded: r.type.rawValue)) ?? .unknown)
        info.ino = r.ino
        info.flags = .fromProc
        switch r.details {
        case .ipv4Socket(let sip, let dip, let sport, let dport, let proto):
            info.sockinfo.v4sip = sip
            info.sockinfo.v4dip = dip
            info.sockinfo.v4sport = sport
            info.sockinfo.v4dport = dport
            info.sockinfo.v4l4proto = proto
            if proto == L4Proto.tcp.rawValue { info.flags.insert(.socketConnected) }
            interfaces.update(info)
            info.name = NetworkAddresses.ipv4Tuple(info.sockinfo.v4sip, sport, info.sockinfo.v4dip, dport)
        case .ipv4Server(let ip, let port, let proto):
            info.sockinfo.v4serverIP = ip
            info.sockinfo.v4serverPort = port
            info.sockinfo.v4serverL4proto = proto
            info.name = NetworkAddresses.ipv4Server(ip, port)
        case .ipv6Socket(let sip, let dip, let sport, let dport, let proto):
            let s = sip.bytes, d = dip.bytes
            if NetworkAddresses.isIPv4Mapped(s) && NetworkAddresses.isIPv4Mapped(d) {
                info.type = .ipv4Socket
                let sip4 = s.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self) }
                let dip4 = d.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: 12, as: UInt32.self) }
                info.sockinfo.v4sip = sip4
                info.sockinfo.v4dip = dip4
                info.sockinfo.v4sport = sport
                info.sockinfo.v4dport = dport
                info.sockinfo.v4l4proto = proto
                interfaces.update(info)
                info.name = NetworkAddresses.ipv4Tuple(info.sockinfo.v4sip, sport, info.sockinfo.v4dip, dport)
            } else {
                s.withUnsafeBytes { info.sockinfo.setBytes(0, $0) }
                d.withUnsafeBytes { info.sockinfo.setBytes(16, $0) }
                info.sockinfo.v6sport = sport
                info.sockinfo.v6dport = dport
                info.sockinfo.v6l4proto = proto
                info.name = "\(NetworkAddresses.ipv6(s)):\(sport)->\(NetworkAddresses.ipv6(d)):\(dport)"
            }
            if proto == L4Proto.tcp.rawValue { info.flags.insert(.socketConnected) }
        case .ipv6Server(let ip, let port, let proto):
            let b = ip.bytes
            b.withUnsafeBytes { info.sockinfo.setBytes(0, $0) }
            info.sockinfo.v6serverPort = port
            info.sockinfo.v6serverL4proto = proto
            info.name = "\(NetworkAddresses.ipv6(b)):\(port)"
        case .unixSocket(let source, let destination, let name):
            info.sockinfo.unixSource = source
            info.sockinfo.unixDest = destination
            info.name = name.string
            if info.name.isEmpty { info.setRoleClient() } else { info.setRoleServer() }
        case .file(let openFlags, let name, let dev):
            info.openFlags = openFlags
            info.name = name.string
            info.dev = dev ?? 0
            info.flags.insert(info.name == FDInfo.tracerDevice ? .isTracerFile : .isNotTracerFD)
        case .name(let name):
            info.name = name.string
            info.flags.insert(info.name == FDInfo.tracerDevice ? .isTracerFile : .isNotTracerFD)
        default:
            break
        }
        return info
    }
}
