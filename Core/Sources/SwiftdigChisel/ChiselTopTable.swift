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
    private var index: [[String]: Int] = [:]
    private var rows: [(keys: [String], value: Double)] = []

    /// An empty table.
    public init(valueTitle: String, keyTitles: [String], units: Units, limit: Int = 0) {
        self.valueTitle = valueTitle
        self.keyTitles = keyTitles
        self.units = units
        self.limit = limit
    }

    /// Whether no value was added.
    public var isEmpty: Bool { rows.isEmpty }

    /// Adds `value` to the total of `keys`.
    public mutating func add(_ keys: [String], _ value: Double) {
        if let i = index[keys] {
            rows[i].value += value
        } else {
            index[keys] = rows.count
            rows.append((keys, value))
        }
    }

    /// Forgets every total (after an interval was printed).
    public mutating func removeAll() {
        index.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
    }

    /// The rows, largest first (ties in the order they were first added), at most ``limit``.
    public var sortedRows: [(keys: [String], value: Double)] {
        let sorted = rows.enumerated().sorted { a, b in
            a.element.value != b.element.value ? a.element.value > b.element.value : a.offset < b.offset
        }.map(\.element)
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

    private func formatted(_ value: Double, intervalLength: Int64) -> String {
        switch units {
        case .none: return ChiselFormat.number(value)
        case .bytes: return ChiselFormat.bytes(value)
        case .time: return ChiselFormat.timeInterval(UInt64(max(value, 0)))
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
        write(to: context.output, intervalLength: time.delta)
        removeAll()
    }

    /// For ``Chisel/captureEnded(_:)``: prints the table of the whole capture, or, live, clears the
    /// screen the intervals drew on. Since 1.1.
    public func captureEnded(_ time: ChiselTime, in context: ChiselContext) {
        if context.environment.isLive && !context.environment.prefersJSON {
            context.output.write(ChiselTerminal.clearScreen + ChiselTerminal.move(to: 0, 0) + ChiselTerminal.showCursor)
            return
        }
        write(to: context.output, intervalLength: time.delta)
    }
}
