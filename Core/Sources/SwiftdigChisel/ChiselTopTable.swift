// SPDX-License-Identifier: Apache-2.0

/// Totals by key, printed largest first in the columns of sysdig's chisels (`print_sorted_table` in
/// its `common.lua`): a 20-character value column, one 20-character column per key, a rule of 80
/// dashes.
///
/// ```swift
/// var table = ChiselTopTable(valueTitle: "Bytes", keyTitles: ["Process", "PID"], units: .bytes, limit: 100)
/// table.add(["curl", "17497"], 11673)
/// table.write(to: context.output)
/// // Bytes               Process             PID
/// // --------------------------------------------------------------------------------
/// // 11.40KB             curl                17497
/// ```
public struct ChiselTopTable: Sendable {
    /// How values print.
    public enum Units: String, Sendable {
        /// As numbers (`tostring`).
        case none
        /// As byte counts: `11.40KB`.
        case bytes
        /// As durations of nanoseconds: `2.50ms`.
        case time
        /// As a share of the interval's length: `12.50%`.
        case timePercent = "timepct"
    }

    /// The value column's title.
    public var valueTitle: String
    /// The key columns' titles.
    public var keyTitles: [String]
    /// How values print.
    public var units: Units
    /// The most rows printed (0: all).
    public var limit: Int
    /// The key columns' field names, for the JSON form (`info`'s `name`). Since 1.4.
    public var keyFields: [String] = []
    /// The value's field name, for the JSON form. Since 1.4.
    public var valueField: String = ""
    // Keys are kept as the bytes of sysdig's Lua key: the values joined by "\u{1}\u{1}". Rows are
    // found by hashing those bytes where the runner has them: no string per event.
    // Internal, not private: the partial-result extension (ChiselTopTable+Partial.swift) reads them.
    var keys = ChiselTableKeys()
    /// The total of each row, by the row numbers of ``keys``.
    var values: [Double] = []

    /// An empty table.
    public init(valueTitle: String, keyTitles: [String], units: Units, limit: Int = 0) {
        self.valueTitle = valueTitle
        self.keyTitles = keyTitles
        self.units = units
        self.limit = limit
    }

    /// An empty table of `request`'s columns, field names included. Since 1.4.
    public init(_ request: ChiselTableRequest) {
        self.init(
            valueTitle: request.value.title, keyTitles: request.keys.map(\.title), units: request.value.units,
            limit: request.limit)
        keyFields = request.keys.map(\.field)
        valueField = request.value.field
    }

    /// Whether no value was added.
    public var isEmpty: Bool { values.isEmpty }

    /// Adds `value` to the total of `keys`.
    public mutating func add(_ keys: [String], _ value: Double) {
        var joined: [UInt8] = []
        for (i, key) in keys.enumerated() {
            if i > 0 { joined.append(contentsOf: ChiselTableKeys.separator) }
            joined.append(contentsOf: key.utf8)
        }
        joined.withUnsafeBytes { add(key: $0, value) }
    }

    /// Adds `value` to the total of the row keyed by `event`'s values of `keys`, read as text without
    /// making strings: the way to fill a table per event.
    /// - Returns: `false` (and adds nothing) when one of the fields has no value. Since 1.4.
    @discardableResult
    public mutating func add(_ event: ChiselEvent, keys: [ChiselField<String>], _ value: Double) -> Bool {
        // The runner joins the values where it has them and lends the bytes.
        var separator: UInt16 = 0x0101  // ChiselTableKeys.separator, on the stack
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: keys.count) { slots in
            for i in keys.indices { slots.initializeElement(at: i, to: keys[i].slot) }
            return withUnsafeBytes(of: &separator) { separator in
                event.source.withText(of: UnsafeBufferPointer(slots), separator: separator) { add(key: $0, value) }
            }
        }
    }

    /// Adds `value` to the total of the row keyed by `key`'s bytes.
    mutating func add(key: UnsafeRawBufferPointer, _ value: Double) {
        let (row, added) = keys.row(for: key)
        if added {
            values.append(value)
        } else {
            values[row] += value
        }
    }

    /// Forgets every total (after an interval was printed).
    public mutating func removeAll() {
        keys.removeAll()
        values.removeAll(keepingCapacity: true)
    }

    /// The rows, largest first (ties in the order they were first added), at most ``limit``.
    public var sortedRows: [(keys: [String], value: Double)] {
        let sorted = values.enumerated().sorted { a, b in
            a.element != b.element ? a.element > b.element : a.offset < b.offset
        }.map { (keys: keys.values($0.offset), value: $0.element) }
        return limit > 0 ? Array(sorted.prefix(limit)) : sorted
    }

    /// Prints the table.
    /// - Parameter intervalLength: the nanoseconds the values cover, for ``Units/timePercent``.
    public func write(to output: ChiselOutput, intervalLength: Int64 = 0) {
        let width = 20
        output.print(([valueTitle] + keyTitles).map { ChiselFormat.padded($0, to: width) }.joined())
        output.print(String(repeating: "-", count: 80))
        for row in sortedRows {
            var line = ChiselFormat.padded(formatted(row.value, intervalLength: intervalLength), to: width)
            for (i, key) in row.keys.enumerated() {
                // Every key but the last is cut to its column; the last runs on.
                line += i < row.keys.count - 1 ? ChiselFormat.padded(String(key.prefix(width)), to: width) : key
            }
            output.print(line)
        }
    }

    /// Prints the table as sysdig's chisels do under `-j` (`print_sorted_table` with dkjson): the
    /// rows' keys and raw values under `data`, the columns under `info` (as in sysdig, the value
    /// column is always the third entry: `null` fills the second after one key, the value replaces a
    /// third key). Since 1.4.
    /// - Parameter timestamp: the time the table ends at; `ts` is its whole seconds, in nanoseconds.
    public func writeJSON(to output: ChiselOutput, timestamp: UInt64) {
        let data = sortedRows.map { row in ChiselJSON.Value.array(row.keys.map { .string($0) } + [.number(row.value)]) }
        var info: [ChiselJSON.Value] = zip(keyFields, keyTitles).map { field, title in
            .object([("name", .string(field)), ("desc", .string(title)), ("is_key", .bool(true))])
        }
        while info.count < 3 { info.append(.null) }
        info[2] = .object([("name", .string(valueField)), ("desc", .string(valueTitle)), ("is_key", .bool(false))])
        let seconds = timestamp / 1_000_000_000
        output.print(ChiselJSON.encode(.object([
            ("ts", .string(String(seconds * 1_000_000_000))), ("data", .array(data)), ("info", .array(info)),
        ])))
    }

    /// Prints the table in the form the command line asked for: JSON with `-j`, else text.
    private func write(_ time: ChiselTime, in context: ChiselContext) {
        if context.environment.prefersJSON {
            writeJSON(to: context.output, timestamp: time.timestamp)
        } else {
            write(to: context.output, intervalLength: time.delta)
        }
    }

    private func formatted(_ value: Double, intervalLength: Int64) -> String {
        switch units {
        case .none: return ChiselFormat.number(value)
        case .bytes: return ChiselFormat.bytes(value)
        case .time: return ChiselFormat.timeInterval(ChiselFormat.nanoseconds(value))
        case .timePercent:
            return intervalLength > 0 ? ChiselFormat.percent(value / Double(intervalLength) * 100) : "0.00%"
        }
    }
}

extension ChiselTopTable {
    /// For a table chisel's ``Chisel/captureStarted()``: live, prints every second on a cleared
    /// screen (sysdig's `table_generator`); from a file, nothing to do until the end. Since 1.1.
    public static func captureStarted(in context: ChiselContext) {
        guard context.environment.isLive else { return }
        context.setInterval(seconds: 1)
        if !context.environment.prefersJSON { context.output.write(ChiselTerminal.clearScreen + ChiselTerminal.hideCursor) }
    }

    /// For ``Chisel/interval(_:)``: redraws the table over the last one and starts the next interval
    /// empty. Since 1.1.
    public mutating func interval(_ time: ChiselTime, in context: ChiselContext) {
        if !context.environment.prefersJSON { context.output.write(ChiselTerminal.clearScreen + ChiselTerminal.move(to: 0, 0)) }
        write(time, in: context)
        removeAll()
    }

    /// For ``Chisel/captureEnded(_:)``: prints the table of the whole capture, or, live, clears the
    /// screen the intervals drew on. Since 1.1.
    public func captureEnded(_ time: ChiselTime, in context: ChiselContext) {
        if context.environment.isLive && !context.environment.prefersJSON {
            context.output.write(ChiselTerminal.clearScreen + ChiselTerminal.move(to: 0, 0) + ChiselTerminal.showCursor)
            return
        }
        write(time, in: context)
    }
}
