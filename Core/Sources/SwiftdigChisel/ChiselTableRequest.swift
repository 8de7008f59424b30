// SPDX-License-Identifier: Apache-2.0

/// A top-N table for the bundled `table_generator` chisel to build: which fields group the rows, which
/// value they sum, over which events, how many rows print. sysdig's `top*` and `*_by` chisels are
/// each one of these handed to ``ChiselContext/exec(_:)`` (since protocol 1.1).
///
/// ```swift
/// func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
///     context.exec(ChiselTableRequest(
///         keys: [.fileName], value: .bytes, filter: "fd.type=file and evt.is_io=true", limit: 10))
/// }
/// ```
public struct ChiselTableRequest: Sendable, Equatable {
    /// A key column: the field whose values group the rows, and the column's title.
    public struct Key: Sendable, Equatable {
        /// The field (`proc.name`, `fd.name`…).
        public var field: String
        /// The column's title.
        public var title: String

        /// A key column.
        public init(_ field: String, title: String) {
            self.field = field
            self.title = title
        }

        /// `proc.name` as `Process`.
        public static let processName = Key("proc.name", title: "Process")
        /// `proc.pid` as `PID`.
        public static let pid = Key("proc.pid", title: "PID")
        /// `container.name`, titled by its field name as sysdig's chisels do.
        public static let containerName = Key("container.name", title: "container.name")
        /// `fd.name` as `Filename`.
        public static let fileName = Key("fd.name", title: "Filename")
        /// `evt.type` as `Syscall`.
        public static let syscall = Key("evt.type", title: "Syscall")
    }

    /// The value summed per key: a numeric field, the column's title and how it prints.
    public struct Value: Sendable, Equatable {
        /// The field (`evt.rawarg.res`…); events where it is missing or not positive add nothing.
        public var field: String
        /// The column's title.
        public var title: String
        /// How totals print.
        public var units: ChiselTopTable.Units

        /// A value column.
        public init(_ field: String, title: String, units: ChiselTopTable.Units) {
            self.field = field
            self.title = title
            self.units = units
        }

        /// Bytes moved: `evt.rawarg.res` as `Bytes`.
        public static let bytes = Value("evt.rawarg.res", title: "Bytes", units: .bytes)
        /// Time spent in system calls: `evt.latency` as `Time`.
        public static let time = Value("evt.latency", title: "Time", units: .time)
        /// Events counted: `evt.count` as `#Errors` (with a filter on failures).
        public static let errors = Value("evt.count", title: "#Errors", units: .none)
    }

    /// The key columns, in order.
    public var keys: [Key]
    /// The summed value.
    public var value: Value
    /// The events that count (empty: all).
    public var filter: String
    /// The most rows printed (0: all).
    public var limit: Int

    /// A table request.
    public init(keys: [Key], value: Value, filter: String, limit: Int) {
        self.keys = keys
        self.value = value
        self.filter = filter
        self.limit = limit
    }

    /// `table_generator`'s seven arguments: keys, their titles, value, its title, filter, limit, units.
    public var arguments: [String] {
        [
            keys.map(\.field).joined(separator: ","), keys.map(\.title).joined(separator: ","),
            value.field, value.title, filter, String(limit), value.units.rawValue,
        ]
    }

    /// Reads ``arguments`` back (what `table_generator` does with its command line).
    /// - Throws: ``ChiselError`` when keys and titles differ in number or the units are unknown.
    public init(_ arguments: ChiselArguments) throws {
        let fields = try arguments.string("keys").split(separator: ",", omittingEmptySubsequences: false)
        let titles = try arguments.string("keydescs").split(separator: ",", omittingEmptySubsequences: false)
        guard fields.count == titles.count else {
            throw ChiselError("number of entries in keys different from number entries in keydescs")
        }
        guard let units = ChiselTopTable.Units(rawValue: try arguments.string("value_units")) else {
            throw ChiselError("value_units must be bytes, time, timepct or none")
        }
        self.init(
            keys: zip(fields, titles).map { Key(String($0), title: String($1)) },
            value: Value(try arguments.string("value"), title: try arguments.string("valuedesc"), units: units),
            filter: try arguments.string("filter"),
            // Lua's tonumber: anything else is no limit.
            limit: Int(try arguments.string("top_number")) ?? 0)
    }
}

extension Array where Element == ChiselTableRequest.Key {
    /// The process columns of sysdig's `topprocs_*` chisels: `Process`, `PID`; with `-pc` the host
    /// pid, the pid inside the container and the container's name.
    public static func process(inContainers: Bool) -> Self {
        guard inContainers else { return [.processName, .pid] }
        return [
            .processName, .init("proc.pid", title: "Host_pid"), .init("thread.vtid", title: "Container_pid"), .containerName,
        ]
    }

    /// One key per comma-separated field, each titled by its name (`fdbytes_by proc.name,fd.name`).
    public static func fields(_ list: String) -> Self {
        list.split(separator: ",", omittingEmptySubsequences: false).map { .init(String($0), title: String($0)) }
    }
}

extension ChiselContext {
    /// Runs the bundled `table_generator` chisel with `table` in place of this one (sysdig's
    /// `chisel.exec("table_generator", …)`, typed). Since protocol 1.1.
    public func exec(_ table: ChiselTableRequest) { exec("table_generator", table.arguments) }
}
