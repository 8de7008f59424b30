// SPDX-License-Identifier: Apache-2.0

/// The number of event codes sysdig 0.29.3 knows (`PPM_EVENT_MAX`): lookups by name and type names
/// walk only these, as newer codes do not exist for it.
let legacyEventCount = 336

extension Event {
    /// The parameters libsinsp loads: those of the event that sysdig 0.29.3's table also knows.
    @inline(__always) var sysdigParamCount: Int { Swift.min(paramCount, layout.pointee.legacyParamCount) }
}

/// Where the first parameter of a given name sits in each event type, precomputed so extractors find
/// it without comparing strings (libsinsp's `get_param_value_raw(name)` walks the names per event).
struct ParamIndex: Sendable {
    /// The parameter index by event code, or -1.
    private let byType: [Int16]

    /// The indexes of the parameter called `name`, among the parameters sysdig 0.29.3 knows.
    init(_ name: String) {
        byType = EventSchema.events.map { info in
            let known = info.params.prefix(info.legacyParamCount)
            return Int16(known.firstIndex { $0.name == name } ?? -1)
        }
    }

    /// The index of the parameter in `event`, or `nil` when the event does not carry it.
    @inline(__always) func index(in event: Event) -> Int? {
        let type = Int(event.type)
        guard type < byType.count else { return nil }
        let i = Int(byType[type])
        return i >= 0 && i < event.sysdigParamCount ? i : nil
    }

    /// The bytes of the parameter in `event`, or `nil`.
    @inline(__always) func payload(in event: Event) -> UnsafeRawBufferPointer? {
        guard let i = index(in: event) else { return nil }
        return event.param(i)
    }

    /// The parameter read as a signed 64-bit number (results and fds), or `nil`. Shorter payloads are
    /// zero-extended.
    @inline(__always) func int64(in event: Event) -> Int64? {
        guard let p = payload(in: event) else { return nil }
        return Int64(bitPattern: ParamIndex.load(p, width: 8))
    }

    /// The first `width` bytes of `p` (fewer when it is shorter) as a little-endian number.
    @inline(__always) static func load(_ p: UnsafeRawBufferPointer, width: Int) -> UInt64 {
        var v: UInt64 = 0
        var i = Swift.min(width, p.count)
        while i > 0 {
            i -= 1
            v = v << 8 | UInt64(p[i])
        }
        return v
    }

    /// The `res` parameter, which most exit events carry.
    static let res = ParamIndex("res")
    /// The `fd` parameter, which the exits of fd-creating events carry instead of `res`.
    static let fd = ParamIndex("fd")
    /// The `data` parameter of I/O events.
    static let data = ParamIndex("data")
}

/// The names of every parameter of sysdig 0.29.3's event table, in table order, first occurrence
/// only: what `evt.arg.NAME` and `evt.rawarg.NAME` match against.
enum LegacyParamNames {
    /// Each name with the type of its first occurrence (the type `evt.rawarg` takes).
    static let all: [(name: String, type: ParamType)] = {
        var seen = Set<String>()
        var out: [(name: String, type: ParamType)] = []
        for info in EventSchema.events.prefix(legacyEventCount) {
            for param in info.params.prefix(info.legacyParamCount) where seen.insert(param.name).inserted {
                out.append((param.name, param.type))
            }
        }
        return out
    }()

    /// The longest name that starts `text` (libsinsp's `find_longest_matching_evt_param`).
    static func longestMatch(_ text: Substring) -> (name: String, type: ParamType)? {
        var best: (name: String, type: ParamType)?
        for entry in all where text.utf8.starts(with: entry.name.utf8) {
            if entry.name.utf8.count > best?.name.utf8.count ?? -1 { best = entry }
        }
        return best
    }
}

extension FieldContext {
    /// Renders parameter `index` of `event` and writes, as libsinsp's `evt.arg` does, its resolved
    /// form when there is one, else its value (each up to its first NUL, as C strings end there).
    func writeParamText(_ event: Event, _ index: Int) -> FieldResult {
        renderer.render(event, index, parser: parser)
        text.removeAll()
        // Read the renderer's buffers in place: `.bytes` would copy them into a new array per event.
        let wroteResolved = renderer.resolved.withUnsafeBytes { resolved in
            guard let first = resolved.first, first != 0 else { return false }
            TextFormatter.appendCStringPrefix(resolved, into: &text)
            return true
        }
        if !wroteResolved {
            renderer.value.withUnsafeBytes { TextFormatter.appendCStringPrefix($0, into: &text) }
        }
        return .text
    }
}

/// Whether an fd name mentions `/dev/log` (`m_name.find("/dev/log") != npos`): writes there are
/// syslog messages.
func containsDevLog(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
        let needle: StaticString = "/dev/log"
        let n = needle.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        return needle.withUTF8Buffer { pattern in
            for start in 0...(bytes.count - n) {
                var i = 0
                while i < n && bytes[start + i] == pattern[i] { i += 1 }
                if i == n { return true }
            }
            return false
        }
    }
}
