// SPDX-License-Identifier: Apache-2.0

extension EventFields {
    /// The directory-fd and path parameters `evt.abspath` joins, by event code: the first pair for
    /// `evt.abspath` and `evt.abspath.src`, the second (when there is one) for `evt.abspath.dst`.
    private static let pathParams: [UInt16: [(dirfd: String, path: String)]] = [
        177: [("olddirfd", "oldpath"), ("newdirfd", "newpath")],  // renameat <
        319: [("olddirfd", "oldpath"), ("newdirfd", "newpath")],  // renameat2 <
        181: [("linkdirfd", "linkpath")],  // symlinkat <
        EventCode.openatE: [("dirfd", "name")],
        EventCode.openat2X: [("dirfd", "name")],
        EventCode.openat2SyscallX: [("dirfd", "name")],
        106: [("olddir", "oldpath"), ("newdir", "newpath")],  // linkat >
        311: [("olddir", "oldpath"), ("newdir", "newpath")],  // linkat <
        110: [("dirfd", "name")],  // unlinkat >
        303: [("dirfd", "name")],  // unlinkat <
        305: [("dirfd", "path")],  // mkdirat <
        313: [("dirfd", "filename")],  // fchmodat <
    ]

    /// `evt.abspath`, `evt.abspath.src`, `evt.abspath.dst`: a path joined to its directory fd.
    static func bindAbsPath(_ text: Substring, _ definition: FieldDefinition) -> (field: BoundField, length: Int) {
        let (which, name): (Int, String) =
            text.utf8.starts(with: "evt.abspath.src".utf8) ? (0, "evt.abspath.src")
            : text.utf8.starts(with: "evt.abspath.dst".utf8) ? (1, "evt.abspath.dst") : (0, "evt.abspath")
        // The parameter indexes per event code, resolved now.
        var indexes: [UInt16: (dirfd: Int, path: Int)] = [:]
        for (code, pairs) in pathParams {
            let pair = pairs[min(which, pairs.count - 1)]
            let params = EventSchema.events[Int(code)].params
            guard let d = params.firstIndex(where: { $0.name == pair.dirfd }),
                let p = params.firstIndex(where: { $0.name == pair.path })
            else { continue }
            indexes[code] = (d, p)
        }
        let field = BoundField(definition, text: name, argument: which == 0 ? nil : String(name.suffix(3))) {
            event, context in
            guard let at = indexes[event.type], at.dirfd < event.sysdigParamCount, at.path < event.sysdigParamCount,
                let dirfd = event.int64(at.dirfd), let path = event.param(at.path)
            else { return .none }
            return absolutePath(dirfd, path, context)
        }
        return (field, name.utf8.count)
    }

    /// libsinsp's `extract_abspath` once the parameters are found.
    private static func absolutePath(_ dirfd: Int64, _ path: UnsafeRawBufferPointer, _ context: FieldContext)
        -> FieldResult
    {
        guard let thread = context.parser.thread else { return .none }
        let slash = UInt8(ascii: "/")
        let relative = path.count != 0 && path[0] != slash
        var target = OutputBuffer(capacity: 256)
        if relative {
            if dirfd == EventParser.atFDCWD {
                target.append(context.state.cwdUTF8(of: thread))
            } else {
                // libsinsp makes the directory the event's fd from here on.
                let dir = context.state.fd(dirfd, of: thread)
                context.parser.fdInfo = dir
                if let dir {
                    target.append(dir.name)
                    target.append(slash)
                } else {
                    target.append("<UNKNOWN>/")
                }
            }
        }
        PathResolution.copyAndSanitize(&target, path)
        return context.textResult { out in out.append(target) }
    }

    // MARK: - Docker infrastructure events

    /// The `infra` event code (`PPME_INFRASTRUCTURE_EVENT_E`).
    private static let infrastructureE: UInt16 = 286

    static let infraExtractors: [String: PureExtractor] = [
        "evt.infra.docker.name": { event, context in
            infraItem(event, context, key: "Event") { value, _ in trimmed(value) }
        },
        "evt.infra.docker.container.id": { event, context in
            infraItem(event, context, key: "ID") { value, _ in String(trimmed(value).prefix(12)) }
        },
        "evt.infra.docker.container.name": { event, context in
            infraItem(event, context, key: "name") { value, _ in trimmed(value) }
        },
        "evt.infra.docker.container.image": { event, context in
            infraItem(event, context, key: "Image") { value, item in
                // A digest after `@` is dropped; a bare sha256 id keeps everything after the first colon.
                if let at = value.firstIndex(of: "@") { return trimmed(value[..<at]) }
                if value.contains("sha256"), let colon = item.firstIndex(of: ":") {
                    return trimmed(item[item.index(after: colon)...])
                }
                return trimmed(value)
            }
        },
    ]

    /// The `Key: value` items of a docker event's description (`;`-separated), through `value`,
    /// which gets the text after the first `:` (up to the next) and the whole trimmed item.
    private static func infraItem(
        _ event: Event, _ context: FieldContext, key: String, _ value: (Substring, Substring) -> String
    ) -> FieldResult {
        guard event.type == infrastructureE, let description = event.string(2) else { return .none }
        var items = description.split(separator: ";", omittingEmptySubsequences: false)
        if items.last?.isEmpty == true { items.removeLast() }  // getline yields no empty last item
        for raw in items {
            let item = Substring(trimmed(raw))
            guard item.hasPrefix(key) else { continue }
            let parts = item.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count >= 2 else { return .none }
            let text = value(parts[1], item)
            return context.textResult { $0.append(text) }
        }
        return .none
    }

    /// `s` without leading and trailing C white space.
    private static func trimmed(_ s: Substring) -> String {
        let space: Set<Character> = [" ", "\t", "\n", "\u{0B}", "\u{0C}", "\r"]
        return String(s.drop { space.contains($0) }.reversed().drop { space.contains($0) }.reversed())
    }
}
