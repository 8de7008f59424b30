// SPDX-License-Identifier: Apache-2.0

/// Writes the events a run keeps (`-w OUT [filter]`) to a new capture that reads back the way the
/// original did: a reader that opens it sees the kept events with the threads, fds and names they had.
///
/// - The state blocks of the input (machine, interfaces, users, processes and their fds) are copied
///   as they were read, under a plain section header (sysdig 0.29.3 cannot read header options).
/// - Kept events are copied as they are.
/// - Events the filter dropped but whose parsing changes the state (`EF_MODIFIES_STATE`: opens,
///   closes, clones, ...) and internal events are written with the `SCAP_DF_STATE_ONLY` dump flag:
///   readers parse them and print nothing, as with sysdig's fat files (`-F`).
/// - A dropped enter event whose exit is kept is written, state-only, just before that exit: the
///   exit's rendering reads the enter event (its fd, its arguments).
///
/// With a ``CaptureRotation`` the events are spread over several files, each readable on its own:
/// a file started mid-run opens with the state as it is at that point (`stateDump`).
public final class CaptureWriter {
    private var writer: ScapWriter
    private let compression: ScapWriter.Compression
    private var schedule: RotationSchedule?
    /// Writes the current state blocks into a file started mid-run.
    private let stateDump: ((ScapWriter) throws -> Void)?
    private var wroteHeader = false
    /// The last dropped enter event of each thread, kept until its exit shows whether it is needed.
    private var pendingEnters: [UInt64: PendingEnter] = [:]

    private struct PendingEnter {
        var bytes: [UInt8]
        var cpu: UInt16
        var blockType: ScapBlockType
    }

    /// The dump flag that marks an event as parsed for its state only.
    static let stateOnlyFlag: UInt32 = 1

    /// Creates `path` (mode 0600), gzip-compressed when `gzip`.
    /// - Parameters:
    ///   - rotation: how to split the capture (`-C`, `-G`, `-e`, `-W`); the first file's name
    ///     follows sysdig's rules (`path0`, ...) when it is active.
    ///   - stateDump: writes the state blocks a file started mid-run needs (after its section header).
    public init(
        path: String, gzip: Bool, rotation: CaptureRotation = CaptureRotation(),
        stateDump: ((ScapWriter) throws -> Void)? = nil
    ) throws(ScapError) {
        compression = gzip ? .gzip() : .none
        self.stateDump = stateDump
        var firstPath = path
        if rotation.isActive {
            let schedule = RotationSchedule(base: path, rotation: rotation)
            firstPath = schedule.currentName
            self.schedule = schedule
        }
        writer = try ScapWriter(path: firstPath, compression: compression)
    }

    /// The file being written now.
    public var currentPath: String { writer.path }

    /// Copies a state block of the input.
    public func copy(_ block: ScapBlock) throws(ScapError) {
        try writeHeaderOnce()
        switch block {
        case .sectionHeader, .event, .unknown:
            break  // one plain header of our own; events go through ``write(_:kept:modifiesState:)``
        default:
            try writer.write(block)
        }
    }

    /// Writes an event as the run decided: kept (as it is), state-only, or not at all.
    /// - Parameters:
    ///   - kept: the filter matched it.
    ///   - stateNeeded: the event changes the state (or is internal): readers must parse it even
    ///     when it is not shown.
    ///   - extraFlags: dump flags to add (`SCAP_DF_TRACER` for a write that became a tracer).
    public func write(_ event: ScapEvent, kept: Bool, stateNeeded: Bool, extraFlags: UInt32 = 0) throws(ScapError) {
        try writeHeaderOnce()
        if schedule != nil && (kept || stateNeeded) { try rotateIfDue(event) }
        let tid = event.header.tid
        let isEnter = event.header.type & 1 == 0
        if kept {
            // Most runs keep everything: no dictionary work then.
            if !pendingEnters.isEmpty { try writePendingEnter(tid: tid, beforeExit: !isEnter) }
            if extraFlags != 0 {
                try writer.writeEvent(
                    bytes: event.bytes, cpu: event.cpu, flags: (event.flags ?? 0) | extraFlags,
                    blockType: Self.withFlags(event.blockType))
            } else {
                try writer.writeEvent(event)
            }
            return
        }
        if stateNeeded {
            if !pendingEnters.isEmpty { pendingEnters[tid] = nil }
            try writer.writeEvent(
                bytes: event.bytes, cpu: event.cpu, flags: (event.flags ?? 0) | Self.stateOnlyFlag | extraFlags,
                blockType: Self.withFlags(event.blockType))
        } else if isEnter {
            remember(event, tid: tid)
        } else if !pendingEnters.isEmpty {
            pendingEnters[tid] = nil
        }
    }

    /// Before a kept exit, writes its thread's dropped enter event, state-only; a kept enter makes
    /// the stored one useless.
    private func writePendingEnter(tid: UInt64, beforeExit: Bool) throws(ScapError) {
        guard let enter = pendingEnters.removeValue(forKey: tid), beforeExit else { return }
        let failure: ScapError? = enter.bytes.withUnsafeBytes { raw -> ScapError? in
            do throws(ScapError) {
                try writer.writeEvent(
                    bytes: raw, cpu: enter.cpu, flags: Self.stateOnlyFlag, blockType: Self.withFlags(enter.blockType))
                return nil
            } catch { return error }
        }
        if let failure { throw failure }
    }

    /// Flushes and closes the file.
    public func close() throws(ScapError) {
        try writeHeaderOnce()
        try writer.close()
    }

    /// Starts the next file when the schedule says the event belongs there.
    private func rotateIfDue(_ event: ScapEvent) throws(ScapError) {
        guard var schedule else { return }
        let due = schedule.startsNewFile(timestamp: event.header.ts, bytesWritten: writer.offset)
        self.schedule = schedule
        guard due else { return }
        try writer.close()
        writer = try ScapWriter(path: schedule.currentName, compression: compression)
        try writer.writeSectionHeader()
        do {
            try stateDump?(writer)
        } catch let error as ScapError {
            throw error
        } catch {
            throw ScapError(file: writer.path, offset: writer.offset, kind: .io, message: "\(error)")
        }
        // Enter events kept for their exits belong to the previous file's state.
        pendingEnters.removeAll(keepingCapacity: true)
    }

    private func writeHeaderOnce() throws(ScapError) {
        guard !wroteHeader else { return }
        wroteHeader = true
        try writer.writeSectionHeader()
    }

    /// Keeps a copy of a dropped enter event, reusing the thread's storage.
    private func remember(_ event: ScapEvent, tid: UInt64) {
        var pending = pendingEnters.removeValue(forKey: tid)
            ?? PendingEnter(bytes: [], cpu: 0, blockType: event.blockType)
        pending.bytes.removeAll(keepingCapacity: true)
        pending.bytes.append(contentsOf: event.bytes)
        pending.cpu = event.cpu
        pending.blockType = event.blockType
        pendingEnters[tid] = pending
    }

    /// The block type with a flags field that holds the same event layout.
    static func withFlags(_ type: ScapBlockType) -> ScapBlockType {
        switch type {
        case .event, .eventInt: .eventWithFlags
        case .eventV2: .eventWithFlagsV2
        case .eventV2Large: .eventWithFlagsV2Large
        default: type
        }
    }
}
