// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

extension BoundField {
    /// Appends the text of an extracted value as sysdig prints it (libsinsp's `rawval_to_string`):
    /// numbers by type and print format, strings up to their first NUL, bools as `true`/`false`,
    /// addresses in dotted or RFC 5952 form. Appends nothing for ``FieldResult/none``.
    public func render(_ result: FieldResult, _ context: FieldContext, into out: inout OutputBuffer) {
        FieldRendering.append(result, type: type, format: format, context, into: &out)
    }
}

/// The text of field values, by type and print format.
public enum FieldRendering {
    /// Appends `result` rendered as a value of `type` in `format` (see ``BoundField/render(_:_:into:)``).
    public static func append(
        _ result: FieldResult, type: ParamType, format: PrintFormat, _ context: FieldContext,
        into out: inout OutputBuffer
    ) {
        switch result {
        case .none:
            return
        case .number(let v):
            appendNumber(v, type: type, format: format, into: &out)
        case .text, .bytes:
            context.withBytes(result) { raw in
                if isIPv6(raw, type: type) {
                    out.append(NetworkAddresses.ipv6(raw))
                } else {
                    out.append(cString(raw))
                }
            }
        }
    }

    /// Whether a text value of `type` is an IPv6 address (16 bytes printed in RFC 5952 form).
    @inline(__always) static func isIPv6(_ raw: UnsafeRawBufferPointer, type: ParamType) -> Bool {
        type == .ipv6addr || (type == .ipaddr && raw.count == 16)
    }

    /// `raw` up to its first NUL (all of it when there is none): text values print as C strings.
    @inline(__always) static func cString(_ raw: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        guard let base = raw.baseAddress, let nul = memchr(base, 0, raw.count) else { return raw }
        return UnsafeRawBufferPointer(start: base, count: base.distance(to: UnsafeRawPointer(nul)))
    }

    /// Appends a number held as a bit pattern (see ``FieldResult/number(_:)``).
    public static func appendNumber(_ v: UInt64, type: ParamType, format: PrintFormat, into out: inout OutputBuffer) {
        switch type {
        case .int8: appendSigned(Int64(Int8(truncatingIfNeeded: v)), width: 8, format, into: &out)
        case .int16: appendSigned(Int64(Int16(truncatingIfNeeded: v)), width: 16, format, into: &out)
        case .int32: appendSigned(Int64(Int32(truncatingIfNeeded: v)), width: 32, format, into: &out)
        case .int64, .pid, .errno, .fd: appendSigned(Int64(bitPattern: v), width: 64, format, into: &out)
        case .uint8, .l4proto: appendUnsigned(v & 0xFF, wide: false, format, into: &out)
        case .uint16, .port: appendUnsigned(v & 0xFFFF, wide: false, format, into: &out)
        case .uint32: appendUnsigned(v & 0xFFFF_FFFF, wide: false, format, into: &out)
        case .uint64, .reltime, .abstime: appendUnsigned(v, wide: true, format, into: &out)
        case .bool: out.append(v != 0 ? "true" : "false")
        case .ipv4addr, .ipaddr:
            out.append(decimal: v & 0xFF)
            out.append(UInt8(ascii: "."))
            out.append(decimal: (v >> 8) & 0xFF)
            out.append(UInt8(ascii: "."))
            out.append(decimal: (v >> 16) & 0xFF)
            out.append(UInt8(ascii: "."))
            out.append(decimal: (v >> 24) & 0xFF)
        case .double:
            out.append(CFormat.fixed(Double(bitPattern: v), decimals: 1))
        default:
            out.append(decimal: v)
        }
    }

    /// `%d`, `%o`, `%X` or `%09d` of a signed value, as libsinsp picks them for signed types.
    private static func appendSigned(_ v: Int64, width: Int, _ format: PrintFormat, into out: inout OutputBuffer) {
        // `%o` and `%X` print the bit pattern of the value at its own width.
        let bits = width == 64 ? UInt64(bitPattern: v) : UInt64(bitPattern: v) & ((1 << UInt64(width)) - 1)
        switch format {
        case .oct: appendOctal(bits, into: &out)
        case .hex: out.append(hex: bits)
        case .paddedDec where width == 64:
            if v < 0 {
                out.append(UInt8(ascii: "-"))
                out.append(decimal: UInt64(bitPattern: 0 &- v), zeroPaddedTo: 8)
            } else {
                out.append(decimal: UInt64(v), zeroPaddedTo: 9)
            }
        default: out.append(decimal: v)
        }
    }

    /// `%u`, `%o`, `%X` or `%09u` of an unsigned value. libsinsp prints the hex format of 8- to
    /// 32-bit unsigned types in decimal (`%u`); only 64-bit ones print in hex.
    private static func appendUnsigned(_ v: UInt64, wide: Bool, _ format: PrintFormat, into out: inout OutputBuffer) {
        switch format {
        case .oct: appendOctal(v, into: &out)
        case .hex where wide: out.append(hex: v)
        case .paddedDec where wide: out.append(decimal: v, zeroPaddedTo: 9)
        default: out.append(decimal: v)
        }
    }

    /// `%o`: octal without a leading zero.
    private static func appendOctal(_ v: UInt64, into out: inout OutputBuffer) {
        if v == 0 {
            out.append(UInt8(ascii: "0"))
            return
        }
        var shift = (64 - v.leadingZeroBitCount + 2) / 3 * 3
        while shift > 0 {
            shift -= 3
            out.append(UInt8(truncatingIfNeeded: (v >> UInt64(shift)) & 7) &+ 48)
        }
    }
}
