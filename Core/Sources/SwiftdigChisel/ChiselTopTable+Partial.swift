// SPDX-License-Identifier: Apache-2.0

extension ChiselTopTable {
    /// Writes every row (not only the ``limit`` printed), in the order rows were first added: the
    /// table's part of a partial result. Since protocol 1.6.
    public func writePartial(to writer: inout ChiselPartialWriter) {
        writer.write(unsigned: UInt64(values.count))
        for (row, value) in values.enumerated() {
            writer.write(bytes: Array(keys.key(row)))
            writer.write(double: value)
        }
    }

    /// Adds the rows of a part written by ``writePartial(to:)``: totals of known keys grow, new keys
    /// come after the known ones in the part's order, so ties print as after one run over the
    /// parts' events in order. Since protocol 1.6.
    /// - Throws: ``ChiselPartialError`` when the part is damaged.
    public mutating func absorbPartial(_ reader: inout ChiselPartialReader) throws(ChiselPartialError) {
        // A row is at least its key's length byte and 8 bytes of value.
        let count = try reader.readCount(minimumSize: 9)
        for _ in 0..<count {
            let key = try reader.readBytes()
            let at = reader.offset
            let value = try reader.readDouble()
            guard value.isFinite else { throw ChiselPartialError(offset: at, what: "table value \(value) is not finite") }
            key.withUnsafeBytes { add(key: $0, value) }
        }
    }
}
