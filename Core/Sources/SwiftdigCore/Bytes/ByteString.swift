// SPDX-License-Identifier: Apache-2.0

/// Bytes that usually hold text, kept exactly as they were in a capture.
///
/// Names, paths and command lines in a capture are bytes, not necessarily UTF-8; sysdig prints
/// them as they are. Keeping the bytes keeps that fidelity, and ``string`` gives the text (invalid
/// UTF-8 repaired) when that is what is wanted.
public struct ByteString: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The bytes.
    public var bytes: [UInt8]

    /// Wraps `bytes`.
    public init(_ bytes: [UInt8] = []) { self.bytes = bytes }

    /// Copies the bytes of `raw`.
    public init(_ raw: UnsafeRawBufferPointer) { self.bytes = Array(raw) }

    /// The UTF-8 bytes of `string`.
    public init(_ string: String) { self.bytes = Array(string.utf8) }

    /// The UTF-8 bytes of a string literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// The bytes up to (not including) the first NUL of `raw`, or all of them when there is none.
    public init(cString raw: UnsafeRawBufferPointer) {
        let end = raw.firstIndex(of: 0) ?? raw.count
        self.bytes = Array(raw[0..<end])
    }

    /// The text, with invalid UTF-8 replaced by U+FFFD.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Same as ``string``.
    public var description: String { string }

    /// The number of bytes.
    public var count: Int { bytes.count }

    /// Whether there are no bytes.
    public var isEmpty: Bool { bytes.isEmpty }

    /// The NUL-separated items of a list such as a command line or an environment; one trailing NUL
    /// ends the last item rather than starting an empty one.
    public var nulSeparated: [ByteString] {
        if bytes.isEmpty { return [] }
        var items = bytes.split(separator: 0, omittingEmptySubsequences: false).map { ByteString(Array($0)) }
        if bytes.last == 0 { items.removeLast() }
        return items
    }

    /// Joins `items` into a NUL-separated list, each item followed by a NUL (as the kernel keeps them).
    public init(nulSeparated items: [ByteString]) {
        var joined: [UInt8] = []
        for item in items {
            joined += item.bytes
            joined.append(0)
        }
        self.bytes = joined
    }

    /// Orders byte strings by their bytes, as `memcmp` would.
    public static func < (lhs: ByteString, rhs: ByteString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
