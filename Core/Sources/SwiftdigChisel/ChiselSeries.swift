// SPDX-License-Identifier: Apache-2.0

/// Values per interval, keyed by the interval's start (ns since the epoch), in time order: what a
/// chisel that prints a line per second keeps when it writes a partial result, and what merges
/// (the values of one interval add up, whichever part or capture they come from). Since 1.6.
///
/// ```swift
/// var series = ChiselSeries(width: 2)                  // read, written
/// series.add(start: time.timestamp / 1_000_000_000 * 1_000_000_000, [Double(read), Double(written)])
/// for (start, values) in series.intervals { ... }
/// ```
public struct ChiselSeries: Sendable, Equatable {
    /// The number of values per interval.
    public let width: Int
    // Kept by start; sorted when read (intervals mostly come in order, so appends are cheap).
    private var values: [UInt64: [Double]] = [:]

    /// An empty series of `width` values per interval.
    public init(width: Int) { self.width = max(width, 0) }

    /// Whether no interval was added.
    public var isEmpty: Bool { values.isEmpty }

    /// Adds `values` (``width`` of them; missing ones count as 0, extra ones are ignored) to the
    /// interval that starts at `start`.
    public mutating func add(start: UInt64, _ added: [Double]) {
        var row = values[start] ?? Array(repeating: 0, count: width)
        for i in 0..<min(width, added.count) { row[i] += added[i] }
        values[start] = row
    }

    /// The intervals in time order.
    public var intervals: [(start: UInt64, values: [Double])] {
        values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Writes the intervals: their count, then each start and its values.
    public func writePartial(to writer: inout ChiselPartialWriter) {
        writer.write(unsigned: UInt64(width))
        writer.write(unsigned: UInt64(values.count))
        for (start, row) in intervals {
            writer.write(unsigned: start)
            for v in row { writer.write(double: v) }
        }
    }

    /// Adds the intervals of a part written by ``writePartial(to:)``.
    /// - Throws: ``ChiselPartialError`` when the part is damaged or of another width.
    public mutating func absorbPartial(_ reader: inout ChiselPartialReader) throws(ChiselPartialError) {
        let at = reader.offset
        let partWidth = try reader.readUnsigned()
        guard partWidth == UInt64(width) else { throw ChiselPartialError(offset: at, what: "series of \(partWidth) values, not \(width)") }
        let count = try reader.readCount(minimumSize: 1 + 8 * width)
        for _ in 0..<count {
            let start = try reader.readUnsigned()
            var row: [Double] = []
            for _ in 0..<width {
                let valueAt = reader.offset
                let v = try reader.readDouble()
                guard v.isFinite else { throw ChiselPartialError(offset: valueAt, what: "series value \(v) is not finite") }
                row.append(v)
            }
            add(start: start, row)
        }
    }
}
