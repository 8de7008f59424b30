// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

extension EventFields {
    /// The latency of the event's system call, as the parser measured it (0 without a thread), or
    /// `nil` for internal events.
    @inline(__always) private static func latency(_ event: Event, _ context: FieldContext) -> UInt64?? {
        guard let thread = context.parser.thread else { return .some(nil) }
        if event.layout.pointee.category.contains(.internal) { return nil }
        return thread.latency
    }

    static let latencyExtractors: [String: PureExtractor] = [
        "evt.latency": { event, context in
            guard let lat = latency(event, context) else { return .none }
            return .number(lat ?? 0)
        },
        "evt.latency.s": { event, context in
            guard let lat = latency(event, context) else { return .none }
            return .number((lat ?? 0) / 1_000_000_000)
        },
        "evt.latency.ns": { event, context in
            guard let lat = latency(event, context) else { return .none }
            return .number((lat ?? 0) % 1_000_000_000)
        },
        "evt.latency.quantized": { event, context in
            guard let lat = latency(event, context), let lat, lat != 0 else { return .none }
            return .number(quantized(lat))
        },
        "evt.wait_latency": { event, context in
            guard event.layout.pointee.flags.contains(.waits), !event.isEnter else { return .none }
            return .number(context.parser.thread?.latency ?? 0)
        },
    ]

    /// `log10(latency)` scaled to the screen width, as libsinsp computes it. Without a curses screen
    /// the width is -1, so the result is `(uint64_t)(-log10(lat) / 11) + 1`: 1 below 10^11 ns, 0 at it.
    static func quantized(_ lat: UInt64) -> UInt64 {
        let scaled = min(log10(Double(lat)), 11) * -1 / 11
        // A negative double converted to uint64_t goes through a signed conversion on x86-64.
        return UInt64(bitPattern: Int64(scaled)) &+ 1
    }

    /// `evt.deltatime*`: the time since the previous event this field saw (0 for the first), and its
    /// `-j` extractor.
    static func deltaExtractor(_ part: @escaping @Sendable (UInt64) -> UInt64) -> (Extractor, Extractor?) {
        let previous = PreviousTimestamp()
        let extractor: Extractor = { event, _ in
            let ts = event.timestamp
            guard previous.ts != 0 else {
                previous.ts = ts
                return .number(0)
            }
            let delta = part(ts &- previous.ts)
            previous.ts = ts
            return .number(delta)
        }
        // sysdig's -j extracts each field twice per event (once to test for null, once for the
        // value), so the printed delta is the second one: 0.
        let json: Extractor = { event, context in
            _ = extractor(event, context)
            return extractor(event, context)
        }
        return (extractor, json)
    }

    /// `evt.outputtime`: the time as `-t` prints it at the start of the default line.
    static func outputTimeExtractor() -> Extractor {
        let previous = PreviousTimestamp()
        return { event, context in
            context.text.removeAll()
            let ts = event.timestamp
            switch context.timeFormat {
            case .human:
                context.text.appendClock(ts)
            case .absolute:
                // sysdig does not pad the nanoseconds here.
                context.text.append(decimal: ts / 1_000_000_000)
                context.text.append(UInt8(ascii: "."))
                context.text.append(decimal: ts % 1_000_000_000)
            case .relative:
                context.text.appendSeconds(ts &- context.firstTimestamp)
            case .latency:
                context.text.appendSeconds(context.parser.thread?.latency ?? 0)
            case .delta:
                if previous.ts == 0 { previous.ts = ts }
                context.text.appendSeconds(ts &- previous.ts)
                previous.ts = ts
            }
            return .text
        }
    }

    /// `evt.latency.human`: the latency as `10.3ms`. Without a thread libsinsp returns its previous
    /// text again, so the last latency is kept.
    static func latencyHumanExtractor() -> Extractor {
        let previous = PreviousTimestamp()
        return { event, context in
            if let thread = context.parser.thread {
                if event.layout.pointee.category.contains(.internal) { return .none }
                previous.ts = thread.latency
                previous.seen = true
            }
            context.text.removeAll()
            if previous.seen { context.text.appendHumanDuration(previous.ts) }
            return .text
        }
    }
}

/// The timestamp a stateful field remembers from its previous extraction.
final class PreviousTimestamp {
    var ts: UInt64 = 0
    /// Whether `ts` was set (for fields whose first value is not 0).
    var seen = false
}

extension OutputBuffer {
    /// Appends a duration as libsinsp's `format_time` does: `01:02:03`, `2:03`, `3.25s`, `250ms`,
    /// `2.50ms`, `250us`, `2.50us` or `250ns`.
    mutating func appendHumanDuration(_ ns: UInt64) {
        // The C code prints each part as an `unsigned int`.
        @inline(__always) func u32(_ v: UInt64) -> UInt64 { v & 0xFFFF_FFFF }
        let second: UInt64 = 1_000_000_000
        if ns >= 3600 * second {
            append(decimal: u32(ns / (3600 * second)), zeroPaddedTo: 2)
            append(UInt8(ascii: ":"))
            append(decimal: u32((ns / (60 * second)) % 60), zeroPaddedTo: 2)
            append(UInt8(ascii: ":"))
            append(decimal: u32((ns / second) % 60), zeroPaddedTo: 2)
        } else if ns >= 60 * second {
            append(decimal: u32(ns / (60 * second)))
            append(UInt8(ascii: ":"))
            append(decimal: u32((ns / second) % 60))
        } else if ns >= second {
            appendFraction(ns / second, (ns % second) / 10_000_000, unit: "s")
        } else if ns >= second / 100 {
            append(decimal: ns / 1_000_000)
            append("ms")
        } else if ns >= second / 1000 {
            appendFraction(ns / 1_000_000, (ns % 1_000_000) / 10_000, unit: "ms")
        } else if ns >= second / 100_000 {
            append(decimal: ns / 1000)
            append("us")
        } else if ns >= second / 1_000_000 {
            appendFraction(ns / 1000, (ns % 1000) / 10, unit: "us")
        } else {
            append(decimal: ns)
            append("ns")
        }
    }

    /// `%u.%02u` and a unit.
    private mutating func appendFraction(_ whole: UInt64, _ hundredths: UInt64, unit: StaticString) {
        append(decimal: whole)
        append(UInt8(ascii: "."))
        append(decimal: hundredths, zeroPaddedTo: 2)
        append(unit)
    }
}
