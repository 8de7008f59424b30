// SPDX-License-Identifier: Apache-2.0

/// A problem found inside a block body, at an offset from the start of the body; the reader turns
/// it into a ``ScapError`` with the offset in the file.
struct BodyError: Error {
    /// Offset from the start of the body.
    var offset: Int
    /// What is wrong.
    var message: String
}

/// A cursor over a block body whose reads throw a ``BodyError`` naming the field that does not fit.
struct BlockBodyReader {
    /// The underlying cursor.
    var cursor: ByteCursor
    /// What is being read, for messages (`process list entry 3`).
    var context: String

    init(_ body: UnsafeRawBufferPointer, context: String) {
        cursor = ByteCursor(body)
        self.context = context
    }

    /// The current offset in the body.
    var index: Int {
        get { cursor.readerIndex }
        set { cursor.readerIndex = newValue }
    }

    /// Bytes left in the body.
    var remaining: Int { cursor.readableBytes }

    func failure(_ what: String, at offset: Int? = nil) -> BodyError {
        BodyError(offset: offset ?? index, message: "\(context): \(what)")
    }

    mutating func integer<T: FixedWidthInteger>(_ field: String, as type: T.Type = T.self) throws(BodyError) -> T {
        guard let value = cursor.readInteger(as: T.self) else {
            throw failure("\(field) runs past the end of the block")
        }
        return value
    }

    mutating func bytes(_ field: String, count: Int) throws(BodyError) -> UnsafeRawBufferPointer {
        guard let value = cursor.readBytes(count: count) else {
            throw failure("\(field) (\(count) bytes) runs past the end of the block")
        }
        return value
    }

    /// A u16 length and that many bytes.
    mutating func string(_ field: String) throws(BodyError) -> ByteString {
        let start = index
        let length = try integer("\(field) length", as: UInt16.self)
        guard let value = cursor.readByteString(count: Int(length)) else {
            throw failure("\(field) (\(length) bytes) runs past the end of the block", at: start)
        }
        return value
    }

    mutating func skip(_ field: String, count: Int) throws(BodyError) {
        guard cursor.skip(count) else { throw failure("\(field) (\(count) bytes) runs past the end of the block") }
    }
}
