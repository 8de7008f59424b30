// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// A driver record read in place: its header fields and its chunks by plan step.
struct RecordView {
    private(set) var ts: UInt64
    private(set) var kind: UInt16
    let nr: UInt16
    let tid: UInt32
    let pid: UInt32
    private(set) var ret: Int64
    let args: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    let cpu: UInt16
    /// `SD_RECORD_*` flags.
    let flags: UInt32
    /// The entry's time of an exit record that carries its enter (`SD_RECORD_WITH_ENTER`).
    let enterTs: UInt64
    /// Chunk data by step number (empty when the record has no chunk for the step).
    private var chunks: (UnsafeRawBufferPointer, UnsafeRawBufferPointer, UnsafeRawBufferPointer)

    static let headerSize = MemoryLayout<sd_record>.size

    /// Reads the record in `raw`, checking every length against the bytes there.
    init(_ raw: UnsafeRawBufferPointer) throws(EncodingError) {
        guard raw.count >= Self.headerSize else {
            throw EncodingError(kind: 0, nr: 0, "record of \(raw.count) bytes is shorter than its header")
        }
        func load<T>(_ offset: Int, _: T.Type) -> T { raw.loadUnaligned(fromByteOffset: offset, as: T.self) }
        ts = load(0, UInt64.self)
        let len = Int(load(8, UInt32.self))
        kind = load(12, UInt16.self)
        nr = load(14, UInt16.self)
        tid = load(16, UInt32.self)
        pid = load(20, UInt32.self)
        ret = load(24, Int64.self)
        args = (load(32, UInt64.self), load(40, UInt64.self), load(48, UInt64.self), load(56, UInt64.self),
                load(64, UInt64.self), load(72, UInt64.self))
        cpu = load(80, UInt16.self)
        let nchunks = Int(load(82, UInt16.self))
        flags = load(84, UInt32.self)
        enterTs = load(88, UInt64.self)
        guard len >= Self.headerSize, len <= raw.count else {
            throw EncodingError(kind: kind, nr: nr, "record length \(len) outside the \(raw.count) bytes given")
        }
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        chunks = (empty, empty, empty)
        var offset = Self.headerSize
        for _ in 0..<nchunks {
            guard offset + 8 <= len else {
                throw EncodingError(kind: kind, nr: nr, "chunk header at \(offset) past the record's \(len) bytes")
            }
            let step = Int(load(offset + 2, UInt16.self))
            let dataLength = Int(load(offset + 4, UInt32.self))
            let start = offset + 8
            guard dataLength <= len - start else {
                throw EncodingError(kind: kind, nr: nr, "chunk of \(dataLength) bytes past the record's end")
            }
            let data = UnsafeRawBufferPointer(rebasing: raw[start..<(start + dataLength)])
            switch step {
            case 0: chunks.0 = data
            case 1: chunks.1 = data
            case 2: chunks.2 = data
            default: throw EncodingError(kind: kind, nr: nr, "chunk for step \(step), beyond the plan's \(SD_MAX_STEPS)")
            }
            offset = start + ((dataLength + 7) & ~7)
        }
    }

    /// Whether this exit record also stands for its call's enter record.
    var carriesEnter: Bool { flags & UInt32(SD_RECORD_WITH_ENTER) != 0 }

    /// The enter record an exit record carries: same call and arguments, the entry's time, no
    /// return value and no chunks (a call whose plan has enter steps is never carried).
    func carriedEnter() -> RecordView {
        var enter = self
        enter.ts = enterTs
        enter.kind = UInt16(SD_RECORD_SYSCALL_ENTER.rawValue)
        enter.ret = 0
        let empty = UnsafeRawBufferPointer(start: nil, count: 0)
        enter.chunks = (empty, empty, empty)
        return enter
    }

    /// Argument `index` (0...5), or the return value for `SD_ARG_RET`.
    @inline(__always) func arg(_ index: UInt8) -> UInt64 {
        switch index {
        case 0: return args.0
        case 1: return args.1
        case 2: return args.2
        case 3: return args.3
        case 4: return args.4
        case 5: return args.5
        case UInt8(SD_ARG_RET): return UInt64(bitPattern: ret)
        default: return 0
        }
    }

    /// The data of the chunk made by plan step `step` (empty when there is none).
    @inline(__always) func chunk(_ step: Int8) -> UnsafeRawBufferPointer {
        switch step {
        case 0: return chunks.0
        case 1: return chunks.1
        case 2: return chunks.2
        default: return UnsafeRawBufferPointer(start: nil, count: 0)
        }
    }
}

extension UnsafeRawBufferPointer {
    /// The little-endian integer at `offset`, or 0 when the bytes end before it does.
    @inline(__always) func integer<T: FixedWidthInteger>(at offset: Int, as _: T.Type) -> T {
        offset >= 0 && offset + MemoryLayout<T>.size <= count ? T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self)) : 0
    }
}
