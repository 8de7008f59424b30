// SPDX-License-Identifier: Apache-2.0

/// The `process` field class (`proc.*`, `thread.*`): libsinsp's `sinsp_filter_check_thread`.
///
/// Fields read the thread of the event (``EventParser/thread``) and, for process-wide values, its
/// main thread. Without a thread every field but `thread.tid`, `thread.exectime` and
/// `thread.totexectime` has no value.
struct ThreadFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        if text.hasPrefix("arg") {
            throw FieldError("filter error: proc.arg filter not implemented yet")
        }
        if let ancestor = Self.bindAncestor(text, in: fieldClass) { return ancestor }
        if text.hasPrefix("thread.cgroup") && !text.hasPrefix("thread.cgroups") {
            return try Self.bindCgroup(text, in: fieldClass)
        }
        return try fieldClass.bindStandard(text) { definition in
            if let make = Self.extractors[definition.name] {
                return BoundField(definition, text: definition.name, pure: true, extractor: make())
            }
            guard let make = Self.statefulExtractors[definition.name] else { return nil }
            return BoundField(definition, text: definition.name, extractor: make())
        }
    }

    /// Makes a field's extractor. A struct rather than a bare closure: a closure kept in a dictionary
    /// is stored at its most general abstraction, and the extractor it made was then called through
    /// two reabstraction thunks (and a retain) at every extraction.
    struct Maker: Sendable {
        let make: @Sendable () -> BoundField.Extractor
        func callAsFunction() -> BoundField.Extractor { make() }
    }

    /// Makes an extractor that needs the event's thread (no value without one).
    typealias ThreadExtractor = @Sendable (ThreadInfo, Event, FieldContext) -> FieldResult

    /// Wraps `body` into a maker of extractors that run only when the event has a thread.
    static func onThread(_ body: @escaping ThreadExtractor) -> Maker {
        Maker {
            { event, context in
                // The parser holds the thread during the event: lent without reference counting.
                guard let thread = context.parser.threadRef else { return .none }
                return thread._withUnsafeGuaranteedRef { body($0, event, context) }
            }
        }
    }

    /// Wraps `body`, which keeps no state, into a maker of extractors.
    static func stateless(
        _ body: @escaping @Sendable (Event, FieldContext) -> FieldResult
    ) -> Maker {
        Maker { body }
    }

    /// The process's main thread: the thread itself when it is one (libsinsp asks `is_main_thread`
    /// first, then `get_main_thread`).
    @inline(__always) static func processThread(_ t: ThreadInfo, _ state: SystemState) -> ThreadInfo? {
        t.isMainThread ? t : state.mainThread(of: t)
    }

    /// The fields whose extractors keep no state of their own.
    static let extractors: [String: Maker] = [
        "proc.pid": onThread { t, _, _ in .signed(t.pid) },
        "proc.exe": onThread { t, _, c in c.textResult(t.exe) },
        // The name's bytes as the thread keeps them: valid until the event is done with.
        "proc.name": onThread { t, _, _ in .bytes(t.commUTF8) },
        "proc.args": onThread { t, _, c in c.textResult { $0.append(t.args, separatedBy: UInt8(ascii: " ")) } },
        "proc.env": onThread { t, _, c in
            // Threads show their process's environment.
            let owner = c.state.mainThread(of: t) ?? t
            return c.textResult { $0.append(owner.env, separatedBy: UInt8(ascii: " ")) }
        },
        "proc.cmdline": onThread { t, _, c in c.textResult { appendCommandLine(of: t, into: &$0) } },
        "proc.exeline": onThread { t, _, c in
            c.textResult {
                $0.append(t.exe)
                $0.append(UInt8(ascii: " "))
                $0.append(t.args, separatedBy: UInt8(ascii: " "))
            }
        },
        "proc.cwd": onThread { t, _, c in c.textResult(c.state.cwd(of: t)) },
        "proc.nthreads": onThread { t, _, c in
            guard let main = c.state.mainThread(of: t) else { return .none }
            return .number(UInt64(main.childCount) &+ 1)
        },
        "proc.nchilds": onThread { t, _, _ in .number(UInt64(t.childCount)) },
        "proc.duration": onThread { t, event, _ in
            t.cloneTimestamp == 0 ? .none : .number(event.timestamp &- t.cloneTimestamp)
        },
        "proc.fdopencount": onThread { t, _, c in
            guard let main = c.state.mainThread(of: t) else { return .none }
            return .number(UInt64(main.fds.count))
        },
        "proc.fdlimit": onThread { t, _, c in
            guard let main = c.state.mainThread(of: t) else { return .none }
            return .signed(main.fdlimit)
        },
        "proc.fdusage": onThread { t, _, c in
            guard let main = c.state.mainThread(of: t) else { return .none }
            guard main.fdlimit > 0 else { return .double(0) }
            let open = UInt64(main.fds.count)
            return .double(open <= UInt64(main.fdlimit) ? Double(open) * 100 / Double(main.fdlimit) : 100)
        },
        "proc.vmsize": onThread { t, _, _ in .number(UInt64(t.vmsizeKB)) },
        "proc.vmrss": onThread { t, _, _ in .number(UInt64(t.vmrssKB)) },
        "proc.vmswap": onThread { t, _, _ in .number(UInt64(t.vmswapKB)) },
        "thread.pfmajor": onThread { t, _, _ in .number(t.pfmajor) },
        "thread.pfminor": onThread { t, _, _ in .number(t.pfminor) },
        "thread.tid": stateless { event, _ in .signed(event.tid) },
        "thread.ismain": onThread { t, _, _ in .flag(t.isMainThread) },
        "thread.cgroups": onThread { t, _, c in
            guard !t.cgroups.isEmpty else { return .none }
            return c.textResult { out in
                for (i, (subsystem, path)) in t.cgroups.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: " ")) }
                    out.append(subsystem)
                    out.append(UInt8(ascii: "="))
                    out.append(path)
                }
            }
        },
        "thread.vtid": onThread { t, _, _ in t.vtid == -1 ? .none : .signed(t.vtid) },
        "proc.vpid": onThread { t, _, _ in t.vpid == -1 ? .none : .signed(t.vpid) },
        // Memory of the process, shown on its main thread only.
        "thread.vmsize": onThread { t, _, _ in .number(t.isMainThread ? UInt64(t.vmsizeKB) : 0) },
        "thread.vmrss": onThread { t, _, _ in .number(t.isMainThread ? UInt64(t.vmrssKB) : 0) },
        // libsinsp multiplies the 32-bit kilobyte count in 32 bits: large sizes wrap.
        "thread.vmsize.b": onThread { t, _, _ in .number(t.isMainThread ? UInt64(t.vmsizeKB &* 1024) : 0) },
        "thread.vmrss.b": onThread { t, _, _ in .number(t.isMainThread ? UInt64(t.vmrssKB &* 1024) : 0) },
        "proc.sid": onThread { t, _, _ in .signed(t.sid) },
        "proc.tty": onThread { t, _, _ in .number(UInt64(t.tty)) },
        "proc.exepath": onThread { t, _, c in c.textResult(t.exepath) },
        "thread.nametid": onThread { t, event, c in
            c.textResult {
                $0.append(t.comm)
                $0.append(decimal: event.tid)
            }
        },
        "proc.vpgid": onThread { t, _, _ in .signed(t.vpgid) },
        // No container metadata: no process is a health check or probe.
        "proc.is_container_healthcheck": onThread { _, _, _ in .flag(false) },
        "proc.is_container_liveness_probe": onThread { _, _, _ in .flag(false) },
        "proc.is_container_readiness_probe": onThread { _, _, _ in .flag(false) },
        "proc.is_exe_writable": onThread { t, _, _ in .flag(t.exeWritable) },
    ].merging(lineageExtractors) { a, _ in a }

    /// `name args...` as libsinsp's `populate_cmdline` writes it.
    static func appendCommandLine(of t: ThreadInfo, into out: inout OutputBuffer) {
        out.append(t.comm)
        for arg in t.args {
            out.append(UInt8(ascii: " "))
            out.append(arg)
        }
    }

    /// `thread.cgroup.SUBSYSTEM`: the name continues with letters and underscores.
    static func bindCgroup(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int) {
        let base = "thread.cgroup"
        let rest = text.utf8.dropFirst(base.utf8.count)
        guard rest.first == UInt8(ascii: ".") else { throw FieldError("filter syntax error: \(text)") }
        let name = rest.dropFirst().prefix { c in
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || c == UInt8(ascii: "_")
        }
        let subsystem = String(decoding: name, as: UTF8.self)
        let length = base.utf8.count + 1 + name.count
        let extract = onThread { t, _, c in
            guard let match = t.cgroups.first(where: { $0.0 == subsystem }) else { return .none }
            return c.textResult(match.1)
        }()
        let field = BoundField(
            fieldClass.field(named: base), text: text.utf8Prefix(length), argument: subsystem, extractor: extract)
        return (field, length)
    }
}
