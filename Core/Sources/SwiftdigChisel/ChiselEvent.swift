// SPDX-License-Identifier: Apache-2.0

/// The event a chisel is handling, with its thread, fd, user and container, and the values of the
/// fields the chisel asked for.
///
/// ```swift
/// func handle(_ event: ChiselEvent) throws {
///     guard let bytes = event[rawResult], bytes > 0, let name = event.thread?.name else { return }
///     totals[name, default: 0] += bytes
/// }
/// ```
///
/// The runner reuses one object for every event: read what you need during ``Chisel/handle(_:)``
/// and do not keep the event.
public final class ChiselEvent {
    /// Where the values come from (the runner's side).
    public let source: any ChiselEventSource

    /// An event over `source` (made by the runner).
    public init(source: any ChiselEventSource) { self.source = source }

    /// The value of `field` for this event, or `nil` when it has none.
    @inline(__always) public subscript<Value>(field: ChiselField<Value>) -> Value? {
        Value.read(source, slot: field.slot)
    }

    /// The number of `field` for this event, or `nil` when it has none: the generic subscript for
    /// `Double` fields (table values, read per event), without its generic dispatch. Since 1.7.
    public subscript(field: ChiselField<Double>) -> Double? { source.double(field.slot) }

    /// The event's number in the capture, from 1 (`evt.num`).
    public var number: UInt64 { source.number }
    /// Nanoseconds since the epoch (`evt.rawtime`).
    public var timestamp: UInt64 { source.timestamp }
    /// The CPU the event happened on (`evt.cpu`).
    public var cpu: Int { source.cpu }
    /// The thread id (`thread.tid`).
    public var tid: Int64 { source.tid }
    /// The event's name (`evt.type`).
    public var typeName: String { source.typeName }
    /// Whether the event enters a system call (`evt.dir` is `>`).
    public var isEnter: Bool { source.isEnter }
    /// The event's thread and its process, when known.
    public var thread: (any ChiselThreadView)? { source.thread }
    /// The fd the event is about, when it has one.
    public var fd: (any ChiselFDView)? { source.fd }
    /// The user of the event's thread, when known.
    public var user: ChiselUser? { source.user }
    /// The container of the event's thread.
    public var container: ChiselContainer { source.container }
}

extension ChiselEvent {
    /// Reads `fields` into `values` (emptied first, its storage kept): the key of a table row.
    /// - Returns: `false` when one of the fields has no value for this event. Since protocol 1.1.
    public func read(_ fields: [ChiselField<String>], into values: inout [String]) -> Bool {
        values.removeAll(keepingCapacity: true)
        for field in fields {
            guard let value = self[field] else { return false }
            values.append(value)
        }
        return true
    }
}
