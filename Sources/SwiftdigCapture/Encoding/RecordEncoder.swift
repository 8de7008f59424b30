// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif
import SwiftdigCore
import SwiftdigDriverABI

/// Turns the driver's records (driver/include/swiftdig_record.h) into the scap events sysdig
/// 0.29.3's own drivers write, parameter for parameter.
///
/// - System call records become the enter or exit event that 0.29.3's routing table picks
///   (``SyscallRoutes``), or the generic `syscall` event with the call's `PPM_SC_*` code and native
///   number. Parameters follow the recipe table (RecipeTable.swift); the driver collected what
///   they need as the plan asked (``CapturePlans``).
/// - `SCHED_SWITCH`, `PROCESS_EXIT`, `SIGNAL_DELIVER` and `PAGE_FAULT` records become `switch`
///   (code 152), `procexit` (186), `signaldeliver` (232) and `page_fault` (290).
/// - `FORK_CHILD` and `EXEC` records produce nothing. On x86_64 a new thread leaves its clone,
///   fork or vfork through the system call exit like its parent, so the child's clone exit comes
///   from its own `SYSCALL_EXIT` record, as 0.29.3's drivers see it; and an exec's exit event comes
///   from the execve exit record, with the new image described by its process chunk. The two kinds
///   stay available to the driver for tools that want them.
///
/// An exit record that carries its call's enter (`SD_RECORD_WITH_ENTER`, the driver's "one record
/// per call") gives the enter event, at the entry's time, then the exit event.
///
/// One record gives zero or more events; each event lives in one reusable buffer until the sink
/// returns. Nothing is allocated per record (the cgroup and pipe lookups of clone, execve and pipe
/// exits read `/proc` into reused buffers).
public final class RecordEncoder {
    /// Wall-clock nanoseconds at boot, added to the records' boot-relative times.
    public let bootTime: UInt64
    var writer = EventWriter()
    let cgroups = CgroupReader()

    /// Creates an encoder; `bootTime` is usually ``bootTime()``.
    public init(bootTime: UInt64) {
        self.bootTime = bootTime
    }

    deinit { writer.deallocate() }

    /// Wall-clock time at boot in nanoseconds: `CLOCK_REALTIME - CLOCK_BOOTTIME`.
    public static func bootTime() -> UInt64 {
        var real = timespec(), boot = timespec()
        clock_gettime(CLOCK_REALTIME, &real)
        clock_gettime(CLOCK_BOOTTIME, &boot)
        let realNs = UInt64(real.tv_sec) &* 1_000_000_000 &+ UInt64(real.tv_nsec)
        let bootNs = UInt64(boot.tv_sec) &* 1_000_000_000 &+ UInt64(boot.tv_nsec)
        return realNs &- bootNs
    }

    /// Encodes one record (header and chunks, `len` bytes) and hands each event to `sink`.
    /// Throws ``EncodingError`` for a short or inconsistent record, and whatever `sink` throws.
    public func encode(_ record: UnsafeRawBufferPointer, _ sink: (EncodedEvent) throws -> Void) throws {
        let view = try RecordView(record)
        let code: UInt16
        switch Int(view.kind) {
        case Int(SD_RECORD_SYSCALL_ENTER.rawValue), Int(SD_RECORD_SYSCALL_EXIT.rawValue):
            guard let route = SyscallRoutes.route(forNative: Int(view.nr)) else { return }
            let exit = view.kind == UInt16(SD_RECORD_SYSCALL_EXIT.rawValue)
            if exit && view.carriesEnter {
                try emit(route.enter, view.carriedEnter(), route: route, sink)
            }
            code = exit ? route.exit : route.enter
            try emit(code, view, route: route, sink)
        case Int(SD_RECORD_SCHED_SWITCH.rawValue): try emit(152, view, route: nil, sink)
        case Int(SD_RECORD_PROCESS_EXIT.rawValue): try emit(186, view, route: nil, sink)
        case Int(SD_RECORD_SIGNAL_DELIVER.rawValue): try emit(232, view, route: nil, sink)
        case Int(SD_RECORD_PAGE_FAULT.rawValue): try emit(290, view, route: nil, sink)
        case Int(SD_RECORD_FORK_CHILD.rawValue), Int(SD_RECORD_EXEC.rawValue): return
        default:
            throw EncodingError(kind: view.kind, nr: view.nr, "unknown record kind")
        }
    }

    private func emit(
        _ code: UInt16, _ record: RecordView, route: SyscallRoute?, _ sink: (EncodedEvent) throws -> Void
    ) throws {
        guard let recipe = RecipeBook.compiledRecipe(code) else {
            throw EncodingError(kind: record.kind, nr: record.nr, "no recipe for event code \(code)")
        }
        let params = recipe.pointee.params, types = recipe.pointee.types
        writer.begin(
            ts: bootTime &+ record.ts, tid: UInt64(record.tid), type: code, nparams: params.count,
            large: recipe.pointee.large)
        for index in 0..<params.count {
            guard put(params[index], type: types[index], record, route: route) else { return }
            writer.endParam()
        }
        try sink(EncodedEvent(bytes: writer.finish(), cpu: record.cpu))
    }
}
