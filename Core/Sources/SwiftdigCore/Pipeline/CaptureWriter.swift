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
public final class CaptureWriter {
    private let writer: ScapWriter
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
    public init(path: String, gzip: Bool) throws(ScapError) {
        writer = try ScapWriter(path: path, compression: gzip ? .gzip() : .none)
    }

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
        let tid = event.header.tid
        let isEnter = event.header.type & 1 == 0
        if kept {
            if !isEnter, let enter = pendingEnters.removeValue(forKey: tid) {
                let failure: ScapError? = enter.bytes.withUnsafeBytes { raw -> ScapError? in
                    do throws(ScapError) {
                        try writer.writeEvent(
                            bytes: raw, cpu: enter.cpu, flags: Self.stateOnlyFlag,
                            blockType: Self.withFlags(enter.blockType))
                        return nil
                    } catch { return error }
                }
                if let failure { throw failure }
            } else if isEnter {
                pendingEnters[tid] = nil
            }
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
            pendingEnters[tid] = nil
            try writer.writeEvent(
                bytes: event.bytes, cpu: event.cpu, flags: (event.flags ?? 0) | Self.stateOnlyFlag | extraFlags,
                blockType: Self.withFlags(event.blockType))
        } else if isEnter {
            remember(event, tid: tid)
        } else {
            pendingEnters[tid] = nil
        }
    }

    /// Flushes and closes the file.
    public func close() throws(ScapError) {
        try writeHeaderOnce()
        try writer.close()
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
