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
    // found by hashing those bytes, read into `scratch`: no string per event.
    // Internal, not private: the partial-result extension (ChiselTopTable+Partial.swift) reads them.
    var index: [KeyBytes: Int] = [:]
    var rows: [(key: KeyBytes, value: Double)] = []
    var scratch = KeyBytes()

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
    public var isEmpty: Bool { rows.isEmpty }

    /// Adds `value` to the total of `keys`.
    public mutating func add(_ keys: [String], _ value: Double) {
        scratch.bytes.removeAll(keepingCapacity: true)
        for (i, key) in keys.enumerated() {
            if i > 0 { scratch.bytes.append(contentsOf: KeyBytes.separator) }
            scratch.bytes.append(contentsOf: key.utf8)
        }
        addScratch(value)
    }

    /// Adds `value` to the total of the row keyed by `event`'s values of `keys`, read as text without
    /// making strings: the way to fill a table per event.
    /// - Returns: `false` (and adds nothing) when one of the fields has no value. Since 1.4.
    @discardableResult
    public mutating func add(_ event: ChiselEvent, keys: [ChiselField<String>], _ value: Double) -> Bool {
        scratch.bytes.removeAll(keepingCapacity: true)
        let source = event.source
        for i in keys.indices {
            if i > 0 {
                scratch.bytes.append(1)  // KeyBytes.separator
                scratch.bytes.append(1)
            }
            guard source.appendText(keys[i].slot, to: &scratch.bytes) else { return false }
        }
        addScratch(value)
        return true
    }

    mutating func addScratch(_ value: Double) {
        if let i = index[scratch] {
            rows[i].value += value
        } else {
            let key = KeyBytes(bytes: Array(scratch.bytes))
            index[key] = rows.count
            rows.append((key, value))
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
        }.map { (keys: $0.element.key.values, value: $0.element.value) }
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

/// A row's key: the bytes of its values joined as sysdig's Lua joins them, hashed in one go.
struct KeyBytes: Hashable, Sendable {
    /// What sysdig's chisels put between key values (and split them at).
    static let separator: [UInt8] = [1, 1]
    var bytes: [UInt8] = []

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    static func == (a: KeyBytes, b: KeyBytes) -> Bool {
        guard a.bytes.count == b.bytes.count else { return false }
        return a.bytes.withUnsafeBytes { x in
            b.bytes.withUnsafeBytes { y in
                // Eight bytes at a time, then the rest.
                var i = 0
                while i + 8 <= x.count {
                    if x.loadUnaligned(fromByteOffset: i, as: UInt64.self) != y.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                        return false
                    }
                    i += 8
                }
                while i < x.count {
                    if x[i] != y[i] { return false }
                    i += 1
                }
                return true
            }
        }
    }

    /// The key's values, split as Lua's `split(key, "\001\001")` does.
    var values: [String] {
        var out: [String] = []
        var start = 0
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 1 && bytes[i + 1] == 1 {
                out.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        out.append(String(decoding: bytes[start...], as: UTF8.self))
        return out
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
