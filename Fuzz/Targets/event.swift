// SPDX-License-Identifier: Apache-2.0
// Fuzz target `event`: a sequence of events, decoded, taken into the state and printed in the
// default line (every parameter renderer of `evt.info`) and through the field formatter.
//
// The input is chunks `| u16 size | chunk |`; a chunk is `| tid u8 | type u16 | nparams u8 |
// length table and values |`. The event header around it is filled in (timestamp, a tid among
// four, the length), so that the fuzzer works on the parameters, not on the framing.
@testable import SwiftdigCore

/// The event codes whose parameter lengths are 4 bytes.
private let largeTypes = Set(EventSchema.largePayloadTypes)
/// A field format that renders parameters through the field accessors as well.
private let fieldFormatter = try! EventFormatter(
    format: "%evt.num %evt.type %evt.args %evt.res %evt.rawres %fd.name %fd.type %fd.cip %proc.exepath %proc.args")
private let layouts = EventLayouts.table

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEvent(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: count)
    let parser = EventParser(state: SystemState())
    let context = FieldContext(parser: parser, maxBufferLength: 80)
    var formatter = TextFormatter()
    var out = OutputBuffer(capacity: 1 << 12)
    var event = [UInt8]()
    var offset = 0
    var number: UInt64 = 0
    while offset + 2 <= count {
        let size = Int(input[offset]) | Int(input[offset + 1]) << 8
        let chunk = UnsafeRawBufferPointer(rebasing: input[offset + 2..<min(count, offset + 2 + size)])
        offset += 2 + size
        guard chunk.count >= 4 else { continue }
        let type = UInt16(chunk[1]) | UInt16(chunk[2]) << 8
        // The pipeline drops the codes sysdig 0.29.3 does not know before looking at them.
        guard Int(type) < EventSchema.legacyCount else { continue }
        number += 1
        event.removeAll(keepingCapacity: true)
        append(&event, 1_700_000_000_000_000_000 + number * 1000)
        append(&event, UInt64(100 + chunk[0] % 4))
        append(&event, UInt32(26 + chunk.count - 4))
        append(&event, type)
        append(&event, UInt32(chunk[3]))
        event.append(contentsOf: chunk[4...])
        event.withUnsafeBytes { bytes in
            let large = largeTypes.contains(type)
            guard let header = try? EventHeader.decode(bytes, format: .v2, largeLengths: large) else { return }
            let view = Event(
                bytes: bytes, cpu: UInt16(chunk[0] >> 4), dumpFlags: 0, number: number,
                lengthWidth: header.lengthSize, headerSize: header.headerSize, paramCount: Int(header.nparams),
                layouts: layouts)
            parser.process(view)
            out.truncate(to: 0)
            formatter.format(view, parser: parser, firstTimestamp: 1_700_000_000_000_000_000, into: &out)
            _ = fieldFormatter.format(view, context, into: &out)
            _ = try? fieldFormatter.formatJSON(view, context, into: &out)
        }
    }
    return 0
}

/// Appends `value` little-endian.
private func append<T: FixedWidthInteger>(_ bytes: inout [UInt8], _ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
}
