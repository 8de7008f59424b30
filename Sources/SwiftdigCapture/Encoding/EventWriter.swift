// SPDX-License-Identifier: Apache-2.0

/// Lays out one scap event at a time in a buffer that is reused for every event (and grows, rarely,
/// for a bigger one): the 26-byte header, the parameter lengths, then the values.
struct EventWriter {
    /// `ppm_evt_hdr`: ts u64, tid u64, len u32, type u16, nparams u32.
    static let headerSize = 26

    private(set) var base: UnsafeMutableRawPointer
    private(set) var capacity: Int
    /// Bytes of the current event written so far.
    private(set) var count = 0
    private var nparams = 0
    private var lengthWidth = 2
    private var param = 0
    private var paramStart = 0

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
        base = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    /// Frees the buffer; the writer is unusable afterwards.
    func deallocate() { base.deallocate() }

    /// Starts an event of `type` with `nparams` parameters; `large` selects 4-byte lengths.
    mutating func begin(ts: UInt64, tid: UInt64, type: UInt16, nparams: Int, large: Bool) {
        self.nparams = nparams
        lengthWidth = large ? 4 : 2
        param = 0
        count = Self.headerSize + nparams * lengthWidth
        ensure(count)
        base.storeBytes(of: ts.littleEndian, toByteOffset: 0, as: UInt64.self)
        base.storeBytes(of: tid.littleEndian, toByteOffset: 8, as: UInt64.self)
        base.storeBytes(of: type.littleEndian, toByteOffset: 20, as: UInt16.self)
        base.storeBytes(of: UInt32(nparams).littleEndian, toByteOffset: 22, as: UInt32.self)
        paramStart = count
    }

    /// Ends the current parameter: its length is what was appended since the previous one ended.
    mutating func endParam() {
        let length = count - paramStart
        let at = Self.headerSize + param * lengthWidth
        if lengthWidth == 2 {
            base.storeBytes(of: UInt16(truncatingIfNeeded: length).littleEndian, toByteOffset: at, as: UInt16.self)
        } else {
            base.storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian, toByteOffset: at, as: UInt32.self)
        }
        param += 1
        paramStart = count
    }

    /// The finished event: writes its length into the header.
    mutating func finish() -> UnsafeRawBufferPointer {
        precondition(param == nparams, "event writer: \(param) of \(nparams) parameters written")
        base.storeBytes(of: UInt32(count).littleEndian, toByteOffset: 16, as: UInt32.self)
        return UnsafeRawBufferPointer(start: base, count: count)
    }

    /// The longest value a parameter may have with the current length width.
    var maxParamLength: Int { lengthWidth == 2 ? Int(UInt16.max) : Int(UInt32.max) }

    // MARK: - Values

    /// Appends the low `width` bytes of `value`, little-endian.
    @inline(__always) mutating func appendInteger(_ value: UInt64, width: Int) {
        ensure(count + 8)
        base.storeBytes(of: value.littleEndian, toByteOffset: count, as: UInt64.self)
        count += width
    }

    /// Appends one byte.
    @inline(__always) mutating func appendByte(_ byte: UInt8) { appendInteger(UInt64(byte), width: 1) }

    /// Appends `bytes`, cut to what a parameter can hold.
    mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        let n = min(bytes.count, maxParamLength - (count - paramStart))
        guard n > 0, let source = bytes.baseAddress else { return }
        ensure(count + n)
        (base + count).copyMemory(from: source, byteCount: n)
        count += n
    }

    /// Appends `bytes` up to their first NUL, then a NUL: a C string parameter.
    mutating func appendCString(_ bytes: UnsafeRawBufferPointer) {
        let end = bytes.firstIndex(of: 0) ?? bytes.count
        appendBytes(UnsafeRawBufferPointer(rebasing: bytes[..<end]))
        appendByte(0)
    }

    /// Appends a static string and its NUL.
    mutating func appendCString(_ text: StaticString) {
        appendBytes(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        appendByte(0)
    }

    /// Room for `needed` bytes from the start of the event.
    @inline(__always) private mutating func ensure(_ needed: Int) {
        if needed > capacity { grow(needed) }
    }

    private mutating func grow(_ needed: Int) {
        (base, capacity) = ByteStorage.grow(base, used: count, capacity: capacity, toHold: needed)
    }
}
