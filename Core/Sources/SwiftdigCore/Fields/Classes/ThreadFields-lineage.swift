// SPDX-License-Identifier: Apache-2.0

/// The fields that walk the process tree: parent, ancestors, login shell, session leader.
extension ThreadFields {
    /// The parent process of `t` (libsinsp's `get_parent_thread`: a lookup of its ptid).
    @inline(__always) static func parent(of t: ThreadInfo, _ state: SystemState) -> ThreadInfo? {
        state.thread(t.ptid)
    }

    /// Calls `visit` on each ancestor of `t`, parent first, until it returns false; stops on a loop
    /// in the tree (libsinsp's `traverse_parent_state`, with its two-speed walk).
    static func forEachAncestor(of t: ThreadInfo, _ state: SystemState, _ visit: (ThreadInfo) -> Bool) {
        var slow = parent(of: t, state)
        var fast = slow.flatMap { parent(of: $0, state) }
        while let s = slow, s.tid != -1 {
            if !visit(s) { return }
            slow = parent(of: s, state)
            for _ in 0..<2 {
                fast = fast.flatMap { parent(of: $0, state) }
                if let s = slow, s === fast || s.tid == s.ptid { return }
            }
        }
    }

    /// The `depth`-th ancestor of `t`'s process (0: the process itself).
    static func ancestor(of t: ThreadInfo, depth: Int32, _ state: SystemState) -> ThreadInfo? {
        guard var current = processThread(t, state) else { return nil }
        var level: Int32 = 0
        while level < depth {
            guard let next = parent(of: current, state) else { return nil }
            current = next
            level += 1
        }
        return current
    }

    /// Whether a command name looks like a shell (`bash`, `zsh`, `sh`).
    @inline(__always) static func isShell(_ comm: String) -> Bool {
        let bytes = comm.utf8
        guard bytes.count >= 2 else { return false }
        return bytes.suffix(2).elementsEqual("sh".utf8)
    }

    /// Parent, login shell and session fields.
    static let lineageExtractors: [String: Maker] = [
        "proc.ppid": onThread { t, _, c in
            guard let main = processThread(t, c.state) else { return .none }
            return .signed(main.ptid)
        },
        "proc.pname": onThread { t, _, c in
            guard let p = parent(of: t, c.state) else { return .none }
            return c.textResult(p.comm)
        },
        "proc.pcmdline": onThread { t, _, c in
            guard let p = parent(of: t, c.state) else { return .none }
            return c.textResult { appendCommandLine(of: p, into: &$0) }
        },
        "proc.loginshellid": onThread { t, _, c in
            // The oldest shell among the process and its ancestors.
            guard let main = processThread(t, c.state) else { return .none }
            var shell: Int64? = isShell(main.comm) ? main.pid : nil
            forEachAncestor(of: main, c.state) { a in
                if isShell(a.comm) { shell = a.pid }
                return true
            }
            return shell.map { .signed($0) } ?? .none
        },
        "proc.sname": onThread { t, _, c in
            // The session leader is the process whose pid is the sid, or, once it has exited, the
            // eldest ancestor in the same session.
            if let leader = c.state.thread(t.sid) { return c.textResult(leader.comm) }
            guard var leader = c.state.mainThread(of: t) else { return .none }
            let sid = leader.sid
            forEachAncestor(of: leader, c.state) { a in
                guard a.sid == sid else { return false }
                leader = a
                return true
            }
            return c.textResult(leader.comm)
        },
    ]

    /// `proc.apid[N]`, `proc.aname[N]`, and the filter-only `proc.apid` and `proc.aname` that match
    /// any ancestor.
    ///
    /// As in libsinsp, a name not followed by a well-formed `[N]` (nor standing alone) binds with
    /// length 0 and reads the process itself: `-p` then prints the rest of the text literally.
    static func bindAncestor(_ text: Substring, in fieldClass: FieldClass) -> (field: BoundField, length: Int)? {
        let isPID = text.hasPrefix("proc.apid")
        guard isPID || text.hasPrefix("proc.aname") else { return nil }
        let base = isPID ? "proc.apid" : "proc.aname"
        let definition = fieldClass.field(named: base)
        let rest = text.utf8.dropFirst(base.utf8.count)
        var depth: Int32 = 0
        var length = 0
        var argument: String?
        if rest.first == UInt8(ascii: "["), let close = rest.firstIndex(of: UInt8(ascii: "]")) {
            let digits = String(decoding: rest[rest.index(after: rest.startIndex)..<close], as: UTF8.self)
            if let n = parseScanfInt32(digits) {
                depth = n
                argument = digits
                length = base.utf8.count + rest.distance(from: rest.startIndex, to: close) + 1
            }
        } else if rest.isEmpty {
            depth = -1  // any ancestor (filters); printed, the process itself
            length = base.utf8.count
        }
        let extract: BoundField.Extractor = { _, context in
            guard let t = context.parser.thread, let a = ancestor(of: t, depth: depth, context.state) else {
                return .none
            }
            return isPID ? .signed(a.pid) : context.textResult(a.comm)
        }
        // Without an index the field offers every ancestor (not the process itself) to filters, and
        // any match counts, for `!=` too (libsinsp's compare_full_apid and compare_full_aname).
        let alternatives: BoundField.AlternativesExtractor? = depth != -1 ? nil : { _, context, matches in
            guard let t = context.parser.thread, let main = processThread(t, context.state) else { return false }
            var found = false
            forEachAncestor(of: main, context.state) { a in
                found = matches(isPID ? .signed(a.pid) : context.textResult(a.comm))
                return !found
            }
            return found
        }
        let field = BoundField(
            definition, text: text.utf8Prefix(length), argument: argument, alternatives: alternatives,
            extractor: extract)
        return (field, length)
    }

    /// The number `sscanf("%d%c")` reads when it reads exactly one: optional blanks, an optional
    /// sign, digits, nothing after.
    static func parseScanfInt32(_ text: String) -> Int32? {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" || c == "\n" { s = s.dropFirst() }
        var negative = false
        if let c = s.first, c == "+" || c == "-" {
            negative = c == "-"
            s = s.dropFirst()
        }
        guard !s.isEmpty, s.allSatisfy(\.isASCII), let magnitude = Int64(s), magnitude >= 0 else { return nil }
        return Int32(truncatingIfNeeded: negative ? -magnitude : magnitude)
    }
}
