// SPDX-License-Identifier: Apache-2.0

/// The fields that accumulate over events: CPU time between context switches and CPU usage from
/// `procinfo` events. Each bound field keeps its own state, as each libsinsp filter check does, so
/// two occurrences of a field in a filter or format count independently.
extension ThreadFields {
    /// When each CPU last switched context, for one bound field.
    final class SwitchTimes {
        private var last: [UInt64] = []

        /// The time since the previous switch on the event's CPU (0 for its first), and records it.
        func elapsed(_ event: Event) -> UInt64 {
            let cpu = Int(event.cpu)
            if cpu >= last.count { last.append(contentsOf: repeatElement(0, count: cpu + 1 - last.count)) }
            let previous = last[cpu]
            last[cpu] = event.timestamp
            return previous == 0 ? 0 : event.timestamp &- previous
        }
    }

    /// Whether `type` is a context switch.
    @inline(__always) static func isSwitch(_ type: UInt16) -> Bool {
        type == EventCode.schedSwitch1E || type == EventCode.schedSwitch6E
    }

    /// `procinfo`: the thread's user and system CPU time, sent periodically by live captures.
    static let procinfoE: UInt16 = 234

    /// Makes a `thread.cpu*` extractor: the change since the thread's previous `procinfo` in the
    /// chosen CPU times, capped at 100, or 0 on its first.
    static func cpuUsage(user: Bool, system: Bool) -> Maker {
        Maker {
            let slot = ThreadSlots.reserve()
            return { event, context in
                // The parser holds the thread during the event: lent without reference counting.
                guard event.type == procinfoE, let thread = context.parser.threadRef else { return .none }
                let total = (user ? event.integer(0, as: UInt64.self) ?? 0 : 0)
                    &+ (system ? event.integer(1, as: UInt64.self) ?? 0 : 0)
                return thread._withUnsafeGuaranteedRef { t in
                    t.withSlot(slot) { last in
                        let usage = last == 0 ? 0 : min(Double(total &- last), 100)
                        last = total
                        return .double(usage)
                    }
                }
            }
        }
    }

    /// The fields whose extractors keep state: a fresh state for each binding.
    static let statefulExtractors: [String: Maker] = [
        "thread.exectime": Maker {
            let times = SwitchTimes()
            return { event, _ in .number(isSwitch(event.type) ? times.elapsed(event) : 0) }
        },
        "thread.totexectime": Maker {
            let times = SwitchTimes()
            let slot = ThreadSlots.reserve()
            return { event, context in
                let elapsed = isSwitch(event.type) ? times.elapsed(event) : 0
                guard let t = context.parser.thread else { return .none }
                return t.withSlot(slot) { total in
                    total &+= elapsed
                    return .number(total)
                }
            }
        },
        "thread.cpu": cpuUsage(user: true, system: true),
        "thread.cpu.user": cpuUsage(user: true, system: false),
        "thread.cpu.system": cpuUsage(user: false, system: true),
    ]
}
