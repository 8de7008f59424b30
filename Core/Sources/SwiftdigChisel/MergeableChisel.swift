// SPDX-License-Identifier: Apache-2.0

/// A chisel whose result over several captures is the merge of its results over each: tables,
/// counters, per-key sums, series. Run with `--partial-out`, it writes what it gathered instead of
/// printing (``writePartial(to:)``, in place of ``Chisel/captureEnded(_:)``); `swiftdig merge`
/// makes a fresh instance with the same arguments, hands it every part in order
/// (``absorbPartial(_:)``), then calls ``Chisel/captureEnded(_:)`` with the time the parts cover,
/// so that it prints what one run over the parts' events, in that order, would have printed.
///
/// A chisel that does not conform cannot merge (one that prints as events come, or reads the
/// machine's state): the runner refuses `--partial-out` for it, naming it.
///
/// ```swift
/// final class Count: MergeableChisel {
///     ...
///     func writePartial(to writer: inout ChiselPartialWriter) throws { writer.write(unsigned: events) }
///     func absorbPartial(_ reader: inout ChiselPartialReader) throws { events += try reader.readUnsigned() }
/// }
/// ```
///
/// ``ChiselEnvironment/writesPartial`` and ``ChiselEnvironment/printsMerged`` tell the chisel
/// which of the two runs it is in (an interval chisel records its series instead of printing it).
/// Since protocol 1.6.
public protocol MergeableChisel: Chisel {
    /// Writes the chisel's state at the end of the capture: what another instance's
    /// ``absorbPartial(_:)`` needs to add it to its own.
    func writePartial(to writer: inout ChiselPartialWriter) throws

    /// Adds a part written by ``writePartial(to:)`` (of an instance with the same arguments) to this
    /// instance's state, as if it had handled that part's events after its own.
    /// - Throws: ``ChiselPartialError`` (from the reader) when the part is damaged.
    func absorbPartial(_ reader: inout ChiselPartialReader) throws
}
