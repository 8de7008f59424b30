// SPDX-License-Identifier: Apache-2.0

/// A pcapng-style option: code (u16), value length (u16), value padded to 4 bytes. A list of them
/// ends with code 0 (`opt_endofopt`) or with the block. Code 1 is a comment.
public struct BlockOption: Sendable, Hashable {
    /// The option code for a comment.
    public static let commentCode: UInt16 = 1

    /// The option code.
    public var code: UInt16
    /// The value, without padding.
    public var value: ByteString

    /// Creates an option.
    public init(code: UInt16, value: ByteString) {
        self.code = code
        self.value = value
    }

    /// Parses an option list, stopping at the end marker or at the first option that does not fit.
    static func parseList(_ bytes: UnsafeRawBufferPointer) -> [BlockOption] {
        var cursor = ByteCursor(bytes)
        var options: [BlockOption] = []
        while let code = cursor.readInteger(as: UInt16.self), code != 0,
            let length = cursor.readInteger(as: UInt16.self),
            let value = cursor.readByteString(count: Int(length))
        {
            options.append(BlockOption(code: code, value: value))
            cursor.skip(min((4 - Int(length) % 4) % 4, cursor.readableBytes))
        }
        return options
    }

    /// Appends an option list with its end marker.
    static func encodeList(_ options: [BlockOption], into sink: inout ByteSink) {
        guard !options.isEmpty else { return }
        for option in options {
            sink.append(option.code)
            sink.append(UInt16(truncatingIfNeeded: option.value.count))
            sink.append(bytes: Array(option.value.bytes.prefix(Int(UInt16.max))))
            sink.padToFour()
        }
        sink.append(UInt32(0))
    }
}
