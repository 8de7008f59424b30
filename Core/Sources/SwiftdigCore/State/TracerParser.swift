// SPDX-License-Identifier: Apache-2.0

/// Decodes the tracer strings one thread writes to `/dev/null` (libsinsp's `sinsp_tracerparser`):
/// `>:ID:TAG.TAG:NAME=VALUE,NAME=VALUE:` opens a span, `<:...` closes it, and the same in JSON,
/// `[">", ID, ["TAG", ...], [{"NAME":"VALUE"}, ...]]`.
///
/// A tracer may come in several writes: an incomplete one is kept until the rest arrives. The text
/// is decoded in place, as libsinsp does: separators become NULs and escapes are removed, and the
/// tags and arguments are ranges of the storage. The quirks of libsinsp's decoder are kept, since
/// they decide which writes become tracers (a scope or first tag starting with the digit `0` waits
/// for more text, `\` escapes any character, JSON strings keep their escapes).
public final class TracerParser {
    /// What decoding the text so far gave.
    public enum Result: UInt8 {
        /// A whole tracer.
        case ok = 0
        /// Internal: a number ended at a comma.
        case comma = 1
        /// Not a tracer.
        case failed = 2
        /// The start of a tracer: the next write may complete it.
        case truncated = 3
    }

    /// A range of the storage: a tag, an argument name or value.
    struct Piece {
        var start: Int
        var count: Int
    }

    /// The largest text kept while waiting for the rest of a tracer (libsinsp's `MAX_USER_EVT_BUFFER`).
    static let maxFragment = 65536

    /// The result of the last write.
    public internal(set) var result = Result.ok
    /// Whether the last tracer opens a span (`>`).
    public internal(set) var isEnter = true
    /// The span's id, as decoded (kept after a failure, as far as decoding got).
    public internal(set) var id: Int64 = 0
    /// The tags, argument names and values of the last tracer, as ranges of ``storage``.
    var tags: [Piece] = []
    var argNames: [Piece] = []
    var argValues: [Piece] = []
    /// The sum of the tag lengths (libsinsp reads it to find a span's parent).
    var totalTagLength = 0
    /// The text of a tracer that decoded as invalid on a tracer fd, reported as its only tag.
    var invalidText: [UInt8]? = nil
    /// The length of the last tag decoded first in its tracer. libsinsp's `span.tags` reads the
    /// invalid text's length from its tag length list, which it does not refill for it: the first
    /// entry left there is this one.
    var firstTagLength = 0

    /// The span this tracer opened, or the open span its exit closed (`nil` when none, or when spans
    /// are not tracked); stale after a write that was not a tracer, as libsinsp's.
    public internal(set) var enterSpan: PartialTracer?
    /// The span record of the last exit tracer (its arguments; its time once matched).
    public let exitSpan = PartialTracer()

    /// The text: the held fragment, then the last write, then a NUL.
    private(set) var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How much of ``storage`` is a held fragment.
    private var fragmentSize = 0
    /// The held fragments and the write joined, before decoding changed them (libsinsp's
    /// `m_fullfragment_storage_str`: up to the first NUL).
    private var joined: [UInt8] = []

    /// The thread's ids the scopes `t`, `p` and `pp` stand for.
    var tid: Int64 = 0
    var pid: Int64 = 0
    var ptid: Int64 = 0

    /// Creates a parser with no text held.
    public init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
        storage[0] = 0
    }

    deinit { storage.deallocate() }

    /// The bytes of `piece` (valid until the next write).
    func bytes(_ piece: Piece) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + piece.start, count: piece.count)
    }

    /// Decodes `data`, a write to the tracer fd, after any fragment held.
    /// - Returns: ``result``, and whether the tracer is complete and spans are to be tracked (the
    ///   caller then pairs it with its span).
    @discardableResult
    func decode(_ data: UnsafeRawBufferPointer) -> Result {
        let total = fragmentSize + data.count
        // Two spare NULs: a scope letter makes the decoder skip two bytes without looking.
        reserve(total + 3)
        if let base = data.baseAddress, data.count > 0 {
            (storage + fragmentSize).update(from: base.assumingMemoryBound(to: UInt8.self), count: data.count)
        }
        storage[total] = 0
        storage[total + 1] = 0
        storage[total + 2] = 0
        if fragmentSize != 0 {
            joined.removeAll(keepingCapacity: true)
            var i = 0
            while storage[i] != 0 {
                joined.append(storage[i])
                i += 1
            }
        }
        invalidText = nil
        if total > 0 {
            result = .ok
            tags.removeAll(keepingCapacity: true)
            argNames.removeAll(keepingCapacity: true)
            argValues.removeAll(keepingCapacity: true)
            totalTagLength = 0
            if storage[0] == UInt8(ascii: ">") || storage[0] == UInt8(ascii: "<") {
                decodeSimple()
            } else {
                decodeJSON()
            }
        } else {
            result = .failed
        }
        switch result {
        case .failed:
            fragmentSize = 0
            joined.removeAll(keepingCapacity: true)
        case .truncated:
            if fragmentSize > Self.maxFragment {
                fragmentSize = 0  // too long: give up on it
            } else if joined.isEmpty {
                // Decoding changed the text: put the write back.
                if let base = data.baseAddress, data.count > 0 {
                    storage.update(from: base.assumingMemoryBound(to: UInt8.self), count: data.count)
                }
                storage[data.count] = 0
                fragmentSize += data.count
            } else {
                joined.withUnsafeBufferPointer { storage.update(from: $0.baseAddress!, count: $0.count) }
                fragmentSize = joined.count
            }
        default:
            fragmentSize = 0
            joined.removeAll(keepingCapacity: true)
        }
        return result
    }

    private func reserve(_ size: Int) {
        guard size > capacity else { return }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: size)
        grown.update(from: storage, count: capacity)
        storage.deallocate()
        storage = grown
        capacity = size
    }

    /// The scope letter of a tracer: `t` (the thread), `p` (the process), `pp` (the parent), `g` or
    /// nothing (0). Returns the id and how many bytes to skip, or `nil` for another character.
    /// `at` moves past the second `p` of `pp`.
    func scope(at p: inout Int) -> (id: Int64, skip: Int)? {
        switch storage[p] {
        case UInt8(ascii: "t"): return (tid, 2)
        case UInt8(ascii: "p"):
            if storage[p + 1] == UInt8(ascii: "p") {
                p += 1
                return (ptid, 2)
            }
            return (pid, 2)
        case UInt8(ascii: ":"): return (0, 1)
        case UInt8(ascii: "g"): return (0, 2)
        default: return nil
        }
    }

    /// Removes the byte at `p`, moving the rest of the text (and its NUL) down.
    private func deleteByte(at p: Int) {
        var i = p
        while storage[i] != 0 {
            storage[i] = storage[i + 1]
            i += 1
        }
    }

    /// Scans a piece from `p` up to a stop byte, removing `\` escapes. Returns the stop byte (0 at the
    /// end of the text), or `nil` when a byte of `invalid` comes first. `escaped` carries an escape
    /// pending across pieces, as libsinsp's does.
    private func scanPiece(
        _ p: inout Int, escaped: inout Bool, stops: (UInt8) -> Bool, invalid: (UInt8) -> Bool
    ) -> UInt8? {
        while storage[p] != 0 {
            let c = storage[p]
            if escaped {
                escaped = false
                p += 1
                continue
            }
            if c == UInt8(ascii: "\\") {
                escaped = true
                deleteByte(at: p)
                continue
            }
            if stops(c) { break }
            if invalid(c) { return nil }
            p += 1
        }
        return storage[p]
    }

    /// `>:ID:TAGS:ARGS:`.
    private func decodeSimple() {
        var p = 0
        isEnter = storage[0] == UInt8(ascii: ">")
        p += 1
        guard storage[p] == UInt8(ascii: ":") else {
            result = storage[p] == 0 ? .truncated : .failed
            return
        }
        storage[p] = 0
        p += 1
        // libsinsp tests for the character '0' where it means the end of the text.
        if storage[p] == UInt8(ascii: "0") {
            result = .truncated
            return
        }
        if let (value, skip) = scope(at: &p) {
            id = value
            p += skip
        } else {
            guard let (value, skip) = number(endingWithColonAt: p) else { return }
            id = value
            p += skip
        }
        if storage[p] == UInt8(ascii: "0") {
            result = .truncated
            return
        }
        if storage[p] != UInt8(ascii: ":") {
            var escaped = false
            while true {
                let start = p
                let stop = scanPiece(
                    &p, escaped: &escaped,
                    stops: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ":") },
                    invalid: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "=") || $0 == 10 })
                tags.append(Piece(start: start, count: p - start))
                guard let stop else {
                    result = .failed
                    return
                }
                if tags.count == 1 { firstTagLength = p - start }
                totalTagLength += p - start
                if stop == UInt8(ascii: ":") {
                    storage[p] = 0
                    break
                } else if stop == 0 {
                    result = .truncated
                    return
                }
                storage[p] = 0
                p += 1
            }
        }
        p += 1
        guard storage[p] != 0 else {
            result = .truncated
            return
        }
        guard storage[p] != UInt8(ascii: ":") else { return }
        var escaped = false
        while true {
            var start = p
            let nameStop = scanPiece(
                &p, escaped: &escaped, stops: { $0 == UInt8(ascii: "=") },
                invalid: { $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "<") || $0 == 10 })
            argNames.append(Piece(start: start, count: p - start))
            guard let nameStop else {
                result = .failed
                return
            }
            if nameStop == 0 {
                // A name without value, which libsinsp does not accept, or more to come.
                result = storage[p - 1] == UInt8(ascii: ":") ? .failed : .truncated
                return
            }
            storage[p] = 0
            p += 1
            start = p
            escaped = false
            let valueStop = scanPiece(
                &p, escaped: &escaped,
                stops: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "=") },
                invalid: { _ in false })!
            argValues.append(Piece(start: start, count: p - start))
            if valueStop == UInt8(ascii: ":") {
                storage[p] = 0
                result = .ok
                return
            } else if valueStop == 0 {
                result = .truncated
                return
            }
            storage[p] = 0
            p += 1
        }
    }

    /// A decimal number (optionally negative) ending with `:`; sets ``result`` when there is none.
    private func number(endingWithColonAt start: Int) -> (Int64, Int)? {
        let (value, p) = decimalDigits(at: start)
        guard storage[p] == UInt8(ascii: ":") else {
            result = storage[p] == 0 ? .truncated : .failed
            return nil
        }
        result = .ok
        return (value, p - start + 1)
    }

    /// The decimal digits at `start`, after an optional `-`: their value (wrapping, as C's) and
    /// where they end.
    func decimalDigits(at start: Int) -> (value: Int64, end: Int) {
        var p = start
        let negative = storage[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        var value: Int64 = 0
        while storage[p] >= UInt8(ascii: "0") && storage[p] <= UInt8(ascii: "9") {
            value = value &* 10 &+ Int64(storage[p] - UInt8(ascii: "0"))
            p += 1
        }
        return (negative ? 0 &- value : value, p)
    }
}
