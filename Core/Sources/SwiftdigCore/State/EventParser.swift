// SPDX-License-Identifier: Apache-2.0

/// Keeps a ``SystemState`` current with each event, as sysdig's parser does, and tells what the
/// event is about: its thread and, for fd events, its fd.
///
/// The order matters and follows sysdig: deferred removals from the previous event first, then the
/// per-thread bookkeeping (``reset(_:)``), then the event's own effect. Output is rendered after.
public final class EventParser {
    /// The state being kept.
    public let state: SystemState
    /// The thread of the current event, if known.
    public internal(set) var thread: ThreadInfo? {
        didSet { threadRef = thread.map(Unmanaged.passUnretained) }
    }
    /// The fd the current event is about, if any.
    public internal(set) var fdInfo: FDInfo? {
        didSet { fdInfoRef = fdInfo.map(Unmanaged.passUnretained) }
    }
    /// ``thread`` and ``fdInfo`` for reading without reference counting (valid while they hold them).
    private(set) var threadRef: Unmanaged<ThreadInfo>?
    private(set) var fdInfoRef: Unmanaged<FDInfo>?
    /// The error code of the current exit event (0 for success).
    public private(set) var errorCode: Int32 = 0
    /// Whether the current event is hidden by sysdig's own rules (state-only events).
    public internal(set) var filteredOut = false
    /// Whether parsing the current event changed the name of its fd (`fd.name_changed`).
    public private(set) var fdNameChanged = false
    /// Room to build paths in, reused from event to event.
    var pathScratch = OutputBuffer(capacity: 4096)
    /// The open tracer spans of the capture (see ``TracerTracking``).
    public let spans = SpanTable()
    /// Whether the run writes a capture (`-w`): sysdig then keeps the writes that tracers hide.
    public var isDumping = false
    /// The tracer event that stands for the current event, if it became one.
    public internal(set) var tracerEvent: Event?
    /// Whether ``tracerEvent`` is set (tested per event instead of the optional).
    public internal(set) var madeTracerEvent = false
    /// Where ``tracerEvent`` is made.
    let tracerScratch = EventScratch()
    /// Whether an event other than a container event was parsed.
    var pastLeadingContainerEvents = false
    /// The threads of the process list, whose containers are found once the container events that
    /// open the capture were read (libsinsp reads those first, then imports the threads).
    public var threadsAwaitingContainers: [ThreadInfo] = []

    /// Creates a parser over `state`.
    public init(state: SystemState) {
        self.state = state
    }

    /// The capture filter (`swiftdig -r FILE FILTER` without `-d`): it runs inside the parser, as
    /// sysdig's does, and decides ``filteredOut``. Events that do not change the state are tested before
    /// they are parsed and, when rejected, not parsed at all; the others after. Set it with
    /// ``setFilter(_:context:)``.
    public private(set) var filter: Filter? {
        didSet {
            filterRef = filter.map(Unmanaged.passUnretained)
            typeGate = filter?.typeGate
            gated = typeGate.map(GatedEventCodes.init)
        }
    }
    /// The filter's ``Filter/mayMatch(_:)``, tested per event without calling into the filter.
    private var typeGate: EventTypeGate?
    /// The codes ``typeGate`` rejects whose events need no parsing, as one bit each.
    private var gated: GatedEventCodes? {
        didSet { gatedCodes = gated?.codes }
    }
    /// ``gated``'s bits, tested per event (valid while it holds them).
    private var gatedCodes: EventCodeBits?
    /// The codes whose events skip parsing (see ``watchOnly(_:)``).
    var unwatched: UnwatchedEventCodes? {
        didSet {
            unwatchedCodes = unwatched?.codes
            hiddenCodes = unwatched?.hidden
        }
    }
    /// ``unwatched``'s bits, tested per event (valid while it holds them).
    private var unwatchedCodes: EventCodeBits?
    private var hiddenCodes: EventCodeBits?
    /// The context the capture filter evaluates in (its ``FieldContext/firstTimestamp`` is kept by
    /// the ``Inspector``).
    public private(set) var filterContext: FieldContext? {
        didSet { filterContextRef = filterContext.map(Unmanaged.passUnretained) }
    }
    // Read per event without reference counting (valid while the properties above hold them).
    private var filterRef: Unmanaged<Filter>?
    private var filterContextRef: Unmanaged<FieldContext>?
    /// The error the capture filter raised, if it did: the event it met is rejected, and the run
    /// should stop with the error as sysdig does.
    public private(set) var filterFailure: FilterError?

    /// Installs `filter` as the capture filter (`nil`: none), evaluated in `context`.
    public func setFilter(_ filter: Filter?, context: FieldContext) {
        self.filter = filter
        filterContext = filter == nil ? nil : context
    }

    /// Whether the current event has been through its parser. A capture filter tests the events
    /// that do not change the state before that, when what the parser derives (syslog messages
    /// decoded from writes) is not there yet.
    public private(set) var eventParsed = false

    /// Updates the state with `event`. When the event became a tracer event (a write to a tracer
    /// fd), ``tracerEvent`` holds it: that is the event to show.
    public func process(_ event: Event) {
        if _slowPath(!pastLeadingContainerEvents) { noteLeadingEvent(event) }
        state.applyDeferredRemovals()
        if _slowPath(madeTracerEvent) {
            madeTracerEvent = false
            tracerEvent = nil
        }
        eventParsed = false
        fdNameChanged = false
        // The gate exists only with a filter. Its bits cover the codes of the schema but the generic
        // ones (whose type is their system call); the others are tested in full.
        if let gatedCodes,
            gatedCodes.contains(event.type)
                || (!GatedEventCodes.covers(event.type) && !typeGate!.admits(event)
                    && !GatedEventCodes.mustBeParsed(event.type, flags: event.layout.pointee.flags))
        {
            // Rejected on its type alone, as filtering before parsing would reject it: only what
            // later events can see is done.
            resetRejected(event)
            filteredOut = true
            return
        }
        if let unwatchedCodes, unwatchedCodes.contains(event.type),
            event.type > EventCode.genericX || event.integer(0, as: UInt16.self) != nil  // a filter may pass one without its id
        {
            resetUnwatched(event)
            filteredOut = true
            return
        }
        filteredOut = false
        processAdmitted(event)
        // Parsed for the state, but no watcher can pass it (see ``watchOnly(_:)``).
        if let hiddenCodes, hiddenCodes.contains(event.type), !madeTracerEvent {
            filteredOut = true
        }
    }

    /// ``process(_:)`` for an event the type gate let through. Out of line: most events of a
    /// selective filter stop at the gate, and then need none of this function's registers.
    @inline(never) private func processAdmitted(_ event: Event) {
        var filterAfterParsing = false
        if filterRef != nil {
            // sysdig parses the event even when the bookkeeping found a problem with it.
            _ = reset(event)
            if modifiesState(event) {
                filterAfterParsing = true
            } else if !runFilter(event) {
                rejectBeforeParsing(event, thread: threadRef)
                filteredOut = true
                return
            }
        } else {
            _ = reset(event)
        }
        dispatch(event, type: event.type)
        eventParsed = true
        if filterAfterParsing {
            // An event the type gate rejects (parsed for its effect on the state) fails the filter,
            // whose evaluation would change nothing: not evaluated. A tracer event has its own type.
            let rejectedByType = !madeTracerEvent && typeGate.map { !$0.admits(event) } ?? false
            if rejectedByType || !runFilter(madeTracerEvent ? tracerEvent! : event) {
                // Rejected events keep their thread's stored enter event (sysdig skips its cleanup).
                filteredOut = true
                return
            }
            // Even when parsing hid it (a tracer fragment).
            filteredOut = false
        }
        // As libsinsp, after parsing and filtering (so filters see `false`): the fd's name against
        // its name when it was looked up.
        if let fdi = fdInfoRef {
            fdNameChanged = fdi._withUnsafeGuaranteedRef { $0.nameVersion != $0.lookupNameVersion }
        }
        // SCAP_DF_STATE_ONLY: parsed, then hidden like a rejected event, so libsinsp skips its
        // cleanup too (below).
        let stateOnly = event.dumpFlags & 1 != 0
        // Exit events free the stored enter event (libsinsp's event_cleanup): a later exit cannot
        // pair with it, even one whose own enter was not stored (fcntl F_SETFD after F_DUPFD).
        // Not tracers: libsinsp has let go of their thread. Not state-only exits: a following
        // fcntl F_SETFD pairs with a state-only F_DUPFD's enter and dups its fd onto the result.
        if !event.isEnter, !madeTracerEvent, !stateOnly, let t = threadRef {
            t._withUnsafeGuaranteedRef { $0.releaseEnterEvent() }
        }
        if stateOnly && !Self.showsStateOnlyEvents { filteredOut = true }
        // libsinsp reads the container events that open a capture when it opens it: never shown.
        if _slowPath(!pastLeadingContainerEvents) { filteredOut = true }
        // Output looks the thread up again when parsing did not set it (scheduler events).
        if threadRef == nil { setThread(state.threadRef(event.tid)) }
    }

    /// The capture filter's verdict on the current event; an error rejects it and is kept in
    /// ``filterFailure``.
    @inline(__always) private func runFilter(_ event: Event) -> Bool {
        guard let filterRef, let filterContextRef else { return true }
        return filterRef._withUnsafeGuaranteedRef { filter in
            filterContextRef._withUnsafeGuaranteedRef { context in
                do throws(FilterError) {
                    return try filter.matches(event, context)
                } catch {
                    filterFailure = error
                    return false
                }
            }
        }
    }

    /// What rejecting an event before parsing it does to its thread: a rejected enter event must not
    /// pair with its exit.
    @inline(__always) private func rejectBeforeParsing(_ event: Event, thread: Unmanaged<ThreadInfo>?) {
        if let thread, !event.layout.pointee.flags.contains(.skipParseReset), event.type != EventCode.schedSwitch6E {
            thread._withUnsafeGuaranteedRef { $0.lastEventType = UInt16.max }
        }
    }

    // Storing a reference costs a retain and a release; consecutive events mostly keep the same.
    @inline(__always) private func setThread(_ new: Unmanaged<ThreadInfo>?) {
        if new?.toOpaque() != threadRef?.toOpaque() { thread = new?.takeUnretainedValue() }
    }

    @inline(__always) private func setFDInfo(_ new: Unmanaged<FDInfo>?) {
        if new?.toOpaque() != fdInfoRef?.toOpaque() { fdInfo = new?.takeUnretainedValue() }
    }

    /// Whether the filter must wait until `event` has been parsed: events that change the state, and
    /// writes to the tracer fd (sysdig's `EF_MODIFIES_STATE` test in `process_event`).
    @inline(__always) private func modifiesState(_ event: Event) -> Bool {
        if event.layout.pointee.flags.contains(.modifiesState) { return true }
        return event.type == EventCode.writeX && writeModifiesState(event)
    }

    /// ``modifiesState(_:)`` for a write exit: whether it writes to a tracer fd.
    @inline(never) private func writeModifiesState(_ event: Event) -> Bool {
        if fdInfo == nil, let t = thread { fdInfo = state.fd(t.lastEventFD, of: t) }
        if let fdi = fdInfo, !fdi.flags.isDisjoint(with: [.isTracerFD, .isTracerFile]) { return true }
        if event.dumpFlags & 2 != 0 {  // SCAP_DF_TRACER
            fdInfo = nil
            return true
        }
        return false
    }

    /// The per-event bookkeeping sysdig does before parsing: find the thread, remember what an enter
    /// event was about, check that an exit matches its enter. Returns false when the event cannot be
    /// parsed further.
    private func reset(_ event: Event) -> Bool {
        var thread: Unmanaged<ThreadInfo>? = nil
        var fd: Unmanaged<FDInfo>? = nil
        let parsed = reset(event, thread: &thread, fd: &fd, findingEnterFD: true)
        setThread(thread)
        setFDInfo(fd)
        return parsed
    }

    /// For an event rejected on its type alone (see ``Filter/mayMatch(_:)``), what ``reset(_:)`` and
    /// the rejection leave behind for later events: the thread (created if new) and its pairing and
    /// latency bookkeeping. Not the enter event's fd lookup, whose only effect is ``fdInfo``, nor
    /// ``thread`` and ``fdInfo`` themselves, which no one reads for a rejected event (storing them
    /// costs a retain and a release whenever the thread changes).
    @inline(__always) private func resetRejected(_ event: Event) {
        // For these sysdig's reset() only finds procinfo's thread, which a rejected event does not need
        // (procinfo events come for every process, so the lookup mostly misses the thread cache).
        if event.layout.pointee.flags.contains(.skipParseReset) { return }
        var thread: Unmanaged<ThreadInfo>? = nil
        var fd: Unmanaged<FDInfo>? = nil
        _ = reset(event, thread: &thread, fd: &fd, findingEnterFD: false, mayChangeState: false)
        rejectBeforeParsing(event, thread: thread)
    }

    /// ``reset(_:)``, finding the event's thread into `thread` and its fd into `fd` (the caller stores
    /// them). `findingEnterFD`: whether an enter event's fd is looked up.
    /// `mayChangeState`: false for an event without `EF_MODIFIES_STATE`, which is neither a clone
    /// exit nor a container event.
    @inline(__always) func reset(
        _ event: Event, thread threadOut: inout Unmanaged<ThreadInfo>?, fd fdOut: inout Unmanaged<FDInfo>?,
        findingEnterFD: Bool, mayChangeState: Bool = true
    ) -> Bool {
        let type = event.type
        let layout = event.layout
        let flags = layout.pointee.flags
        errorCode = 0
        if flags.contains(.skipParseReset) {
            threadOut = type == 234 ? state.threadRef(event.tid) : nil  // procinfo keeps its thread
            return false
        }
        let isClone = mayChangeState && EventCode.isCloneExit(type)
        let queryOS = !(isClone || type == EventCode.schedSwitch6E)
        if mayChangeState && (type == 272 || type == 324) { return true }  // container json events have no thread
        threadOut = state.threadRef(event.tid, create: queryOS)
        if type == EventCode.schedSwitch6E { return false }
        guard let threadRef = threadOut else { return false }
        // Not `_withUnsafeGuaranteedRef`: its closure stayed out of line, a call per event. The thread
        // stays in its table during the event, so the reference needs no retain.
        unowned(unsafe) let t = threadRef.takeUnretainedValue()
        if queryOS { t.flags |= CloneFlag.active }
        if event.isEnter {
            t.lastEventFD = -1
            t.lastEventType = type
            if flags.contains(.usesFD), let fd = event.int64(0) {
                t.lastEventFD = fd
                if findingEnterFD { fdOut = state.fdRef(fd, of: threadRef) }
            }
            t.latency = 0
            t.lastLatencyEnterTime = event.timestamp
            return true
        }
        if t.lastLatencyEnterTime != 0 { t.latency = event.timestamp &- t.lastLatencyEnterTime }
        if type == t.lastEventType &+ 1 {
            t.lastEventDataValid = true
        } else {
            t.lastEventDataValid = false
            if t.lastEventType != EventCode.tracerE { return false }
        }
        if event.paramCount != 0, layout.pointee.firstParamIsResult, let res = event.int64(0), res < 0 {
            errorCode = 0 &- Int32(truncatingIfNeeded: res)  // libsinsp's -(int32_t)res: no trap on Int64.min
        }
        if flags.contains(.usesFD) {
            if type == EventCode.copyFileRangeX, let out = event.int64(1) { t.lastEventFD = out }
            fdOut = state.fdRef(t.lastEventFD, of: threadRef)
            guard let fdi = fdOut else { return false }
            fdi._withUnsafeGuaranteedRef { fdi in
                if fdi.flags.contains(.closeCanceled) {
                    fdi.flags.remove(.closeCanceled)
                    if state.fdRef(-1, of: threadRef) != nil {
                        state.tidOfFDsToRemove = t.tid
                        state.fdsToRemove.append(-1)
                    }
                }
            }
        }
        return true
    }

    /// Keeps a copy of an enter event for its exit to use.
    func storeEnterEvent(_ event: Event) {
        threadRef?._withUnsafeGuaranteedRef { t in
            t.lastEventData.removeAll(keepingCapacity: true)
            t.lastEventData.append(contentsOf: event.bytes)
            t.lastEventCPU = event.cpu
        }
    }

    /// Calls `body` with the stored enter event matching the exit `event`, if there is one.
    func withEnterEvent<R>(of event: Event, _ body: (Event) -> R) -> R? {
        guard let t = thread, t.lastEventDataValid, t.lastEventData.count >= Event.headerSize else { return nil }
        return t.lastEventData.withUnsafeBytes { raw -> R? in
            let type = raw.loadUnaligned(fromByteOffset: 20, as: UInt16.self)
            let count = event.headerSize == Event.headerSize ? nil : EventSchema.info(type)?.params.count ?? 0
            let enter = Event(
                bytes: raw, cpu: t.lastEventCPU, dumpFlags: 0, number: 0, lengthWidth: event.lengthWidth,
                headerSize: event.headerSize, paramCount: count)
            guard enter.type == event.type &- 1 else {
                t.lastEventDataValid = false
                return nil
            }
            return body(enter)
        }
    }

    private func dispatch(_ event: Event, type: UInt16) {
        switch type {
        case EventCode.sendtoE:
            if fdInfo == nil, thread != nil { inferSendtoFD(event) }
            storeEnterEvent(event)
        case EventCode.openE, EventCode.creatE, EventCode.openatE, EventCode.openat2E, EventCode.openat2SyscallE,
            EventCode.socketE, EventCode.eventfdE, EventCode.chdirE, EventCode.fchdirE, EventCode.shutdownE,
            EventCode.getrlimitE, EventCode.setrlimitE, EventCode.prlimitE, EventCode.sendmsgE,
            EventCode.sendfileE, EventCode.setresuidE, EventCode.setresgidE, EventCode.setuidE, EventCode.setgidE,
            EventCode.execve18E, EventCode.execve19E, EventCode.execveatE, EventCode.setpgidE:
            storeEnterEvent(event)
        case EventCode.writeE:
            parseWriteEnter(event)
        case EventCode.readX, EventCode.writeX, EventCode.recvX, EventCode.sendX, EventCode.recvfromX,
            EventCode.recvmsgX, EventCode.sendtoX, EventCode.sendmsgX, EventCode.readvX, EventCode.writevX,
            EventCode.preadX, EventCode.pwriteX, EventCode.preadvX, EventCode.pwritevX:
            parseReadWriteExit(event)
        case EventCode.openX, EventCode.creatX, EventCode.openatX, EventCode.openat2X, EventCode.openat2SyscallX:
            parseOpenExit(event)
        case _ where EventCode.isCloneExit(type):
            parseCloneExit(event)
        case _ where EventCode.isExecveExit(type):
            parseExecveExit(event)
        case EventCode.procexitE, EventCode.procexit1E:
            if let t = thread {
                t.flags |= CloneFlag.closed
                state.tidToRemove = event.tid
            }
        case EventCode.pipeX, EventCode.pipe2X: parsePipeExit(event)
        case EventCode.socketX: parseSocketExit(event)
        case EventCode.bindX: parseBindExit(event)
        case EventCode.connectE: parseConnectEnter(event)
        case EventCode.connectX: parseConnectExit(event)
        case EventCode.acceptX, EventCode.accept5X, EventCode.accept4X, EventCode.accept45X, EventCode.accept46X:
            parseAcceptExit(event)
        case EventCode.closeE:
            // Unmanaged: strong references to the thread and the fd cost three retains and releases.
            if let t = threadRef, let fdi = state.fdRef(t._withUnsafeGuaranteedRef { $0.lastEventFD }, of: t) {
                setFDInfo(fdi)
                fdi._withUnsafeGuaranteedRef { $0.flags.insert(.closeInProgress) }
            }
        case EventCode.closeX: parseCloseExit(event)
        case EventCode.fcntlE:
            // Only F_DUPFD and F_DUPFD_CLOEXEC create an fd: keep the enter event for them.
            if let cmd = event.integer(1, as: UInt8.self), cmd == 1 || cmd == 26 { storeEnterEvent(event) }
        case EventCode.fcntlX: parseFcntlExit(event)
        case EventCode.eventfdX, EventCode.eventfd2X: addSimpleFD(event, type: .event)
        case EventCode.signalfdX, EventCode.signalfd4X: addSimpleFD(event, type: .signalfd)
        case EventCode.timerfdCreateX: addSimpleFD(event, type: .timerfd)
        case EventCode.inotifyInitX, EventCode.inotifyInit1X: addSimpleFD(event, type: .inotify)
        case EventCode.chdirX: parseChdirExit(event)
        case EventCode.fchdirX: parseFchdirExit(event)
        case EventCode.getcwdX: parseGetcwdExit(event)
        case EventCode.dupX, EventCode.dup1X, EventCode.dup2X, EventCode.dup3X: parseDupExit(event)
        case EventCode.socketpairX: parseSocketpairExit(event)
        case EventCode.prlimitX, EventCode.getrlimitX, EventCode.setrlimitX: parseRlimitExit(event)
        case EventCode.brk4X, EventCode.mmapX, EventCode.mmap2X, EventCode.munmapX: parseMemoryExit(event)
        case EventCode.setuidX, EventCode.setresuidX: parseSetIDExit(event, group: false)
        case EventCode.setgidX, EventCode.setresgidX: parseSetIDExit(event, group: true)
        case EventCode.chrootX: parseChrootExit(event)
        case EventCode.schedSwitch1E, EventCode.schedSwitch6E: parseContextSwitch(event)
        case 228, 272, 324: parseContainerEvent(event)
        case EventCode.setsidX:
            if let t = thread, let res = event.int64(0), res >= 0 { t.sid = res }
        default:
            // A code without a handler: no need to parse its events while no one watches them.
            if unwatchedCodes != nil { unwatched?.noteUnhandled(type) }
        }
    }
}
