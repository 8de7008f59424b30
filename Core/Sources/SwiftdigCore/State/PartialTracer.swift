// SPDX-License-Identifier: Apache-2.0

/// A span as libsinsp tracks it between its enter and exit tracers (`sinsp_partial_tracer`): the
/// enter's id, tags and arguments, its thread and time.
///
/// The tags are kept as libsinsp packs them, each followed by a NUL and the list by one more, since
/// spans are matched (and parents found) by comparing those bytes.
public final class PartialTracer {
    /// The span's id.
    public internal(set) var id: Int64 = 0
    /// The thread that wrote the tracer.
    public internal(set) var tid: Int64 = 0
    /// When the tracer was written (an exit's only once matched with its enter).
    public internal(set) var time: UInt64 = 0
    /// The tags packed: `TAG\0TAG\0\0`.
    var packedTags: [UInt8] = []
    /// Where each tag starts in ``packedTags``, and its length.
    var tags: [(start: Int, count: Int)] = []
    /// The argument names and values, in order.
    var argNames: [[UInt8]] = []
    var argValues: [[UInt8]] = []

    /// The number of tags.
    public var tagCount: Int { tags.count }
    /// The number of arguments.
    public var argumentCount: Int { argValues.count }

    /// Appends tag `index` to `out`.
    func appendTag(_ index: Int, to out: inout OutputBuffer) {
        let t = tags[index]
        packedTags.withUnsafeBytes { out.append(UnsafeRawBufferPointer(rebasing: $0[t.start..<(t.start + t.count)])) }
    }

    /// Copies the id, tags and arguments of the tracer `parser` just decoded, on thread `tid`.
    func fill(from parser: TracerParser, tid: Int64) {
        self.tid = tid
        id = parser.id
        packedTags.removeAll(keepingCapacity: true)
        tags.removeAll(keepingCapacity: true)
        for piece in parser.tags {
            tags.append((packedTags.count, piece.count))
            packedTags.append(contentsOf: parser.bytes(piece))
            packedTags.append(0)
        }
        packedTags.append(0)
        // Names and values are reused in place: their arrays keep their storage.
        Self.copy(parser.argNames, of: parser, into: &argNames)
        Self.copy(parser.argValues, of: parser, into: &argValues)
    }

    private static func copy(_ pieces: [TracerParser.Piece], of parser: TracerParser, into list: inout [[UInt8]]) {
        if list.count > pieces.count { list.removeLast(list.count - pieces.count) }
        for (i, piece) in pieces.enumerated() {
            if i == list.count { list.append([]) }
            list[i].removeAll(keepingCapacity: true)
            list[i].append(contentsOf: parser.bytes(piece))
        }
    }

    /// Whether `other` is the same span: same id and tags.
    func sameSpan(as other: PartialTracer) -> Bool {
        id == other.id && packedTags == other.packedTags
    }

    /// Whether `other` has this id and, as its packed tags without their last NUL, the first
    /// `length` bytes of this span's (libsinsp's test for a parent span).
    func hasParent(_ other: PartialTracer, length: Int) -> Bool {
        guard id == other.id, length == other.packedTags.count - 1, length <= packedTags.count else { return false }
        return packedTags[..<length].elementsEqual(other.packedTags[..<length])
    }
}

/// The open spans of the whole capture, most recent first (libsinsp's partial tracer list), and
/// the pool their records come from: 128 of them, reused last in, first out.
public final class SpanTable {
    /// The open spans, most recent first.
    public private(set) var open: [PartialTracer] = []
    private var pool: [PartialTracer]

    /// The pool's size: with that many spans open, libsinsp assumes tracers were lost and forgets them.
    static let capacity = 128

    init() {
        pool = (0..<Self.capacity).map { _ in PartialTracer() }
    }

    /// Opens a span for the enter tracer `parser` decoded: returns its record, or `nil` when the pool
    /// was empty (every open span is then forgotten).
    func enter(_ parser: TracerParser, tid: Int64, time: UInt64) -> PartialTracer? {
        guard let record = pool.popLast() else {
            // Each goes back to the front of the pool in turn: the oldest comes out first.
            pool.append(contentsOf: open)
            open.removeAll(keepingCapacity: true)
            return nil
        }
        record.fill(from: parser, tid: tid)
        record.time = time
        open.insert(record, at: 0)
        return record
    }

    /// Closes the span `exit` matches: returns the enter's record, back in the pool but intact until
    /// the next enter reuses it (libsinsp reads it that way), or `nil` when no span matches.
    func exit(_ exit: PartialTracer) -> PartialTracer? {
        guard let index = open.firstIndex(where: { exit.sameSpan(as: $0) }) else { return nil }
        let record = open.remove(at: index)
        pool.append(record)
        return record
    }

    /// The open span that is the parent of `span` (see ``PartialTracer/hasParent(_:length:)``), with
    /// `tagLength` the sum of the tag lengths of the current tracer.
    func parent(of span: PartialTracer, tagLength: Int) -> PartialTracer? {
        // libsinsp walks back from byte `tagLength` of the packed tags to the NUL before it.
        let bytes = span.packedTags
        var at = min(tagLength, bytes.count - 1)
        if bytes[at] == 0 && at > 0 { at -= 1 }
        var length = 0
        while at != 0 {
            if bytes[at] == 0 {
                length = at + 1
                break
            }
            at -= 1
        }
        return open.first { span.hasParent($0, length: length) }
    }
}
