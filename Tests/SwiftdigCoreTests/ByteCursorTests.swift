// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@Suite struct ByteCursorTests {
    @Test func getDoesNotMoveAndReadDoes() {
        let bytes: [UInt8] = [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09]
        bytes.withUnsafeBytes { raw in
            var cursor = ByteCursor(raw)
            #expect(cursor.getInteger(at: 0, as: UInt16.self) == 0x0201)
            #expect(cursor.getInteger(at: 1, as: UInt64.self) == 0x0908_0706_0504_0302)
            #expect(cursor.getInteger(at: 2, as: UInt64.self) == nil)
            #expect(cursor.getInteger(at: -1, as: UInt8.self) == nil)
            #expect(cursor.readerIndex == 0)
            #expect(cursor.readInteger(as: UInt32.self) == 0x0403_0201)
            #expect(cursor.readerIndex == 4)
            #expect(cursor.readInteger(as: UInt64.self) == nil)
            #expect(cursor.readerIndex == 4)
            #expect(cursor.readBytes(count: 2).map(Array.init) == [5, 6])
            #expect(cursor.readByteString(count: 4) == nil)
            #expect(cursor.readByteString(count: 3) == ByteString([7, 8, 9]))
            #expect(cursor.readableBytes == 0)
            let skipped = cursor.skip(1)
            #expect(!skipped)
            #expect(cursor.getBytes(at: 9, count: 0)?.count == 0)
            #expect(cursor.getBytes(at: 10, count: 0) == nil)
            #expect(cursor.getBytes(at: 0, count: Int.max) == nil)
        }
    }

    @Test func byteStrings() {
        let list = ByteString(nulSeparated: ["-6", "", "http://x"])
        #expect(list.bytes == Array("-6\0\0http://x\0".utf8))
        #expect(list.nulSeparated == ["-6", "", "http://x"])
        #expect(ByteString("a\0b").nulSeparated == ["a", "b"])
        #expect(ByteString("").nulSeparated == [])
        #expect(ByteString([0x66, 0xFF]).string == "f\u{FFFD}")
        [UInt8]([0x68, 0x69, 0, 0x7A]).withUnsafeBytes { #expect(ByteString(cString: $0) == "hi") }
        #expect(ByteString("abc") < ByteString("abd"))
    }

    @Test func sink() {
        var sink = ByteSink()
        sink.append(UInt16(0x0102))
        sink.append(Int32(-1))
        sink.append(bytes: [9])
        sink.padToFour()
        #expect(sink.bytes == [2, 1, 0xFF, 0xFF, 0xFF, 0xFF, 9, 0])
        sink.set(UInt32(0x0A0B_0C0D), at: 2)
        #expect(sink.bytes == [2, 1, 0x0D, 0x0C, 0x0B, 0x0A, 9, 0])
        sink.removeAll()
        #expect(sink.count == 0)
    }

    @Test func ipv6Addresses() {
        let loopback = IPv6Address(bytes: [UInt8](repeating: 0, count: 15) + [1])
        #expect(loopback == IPv6Address(high: 0, low: 1))
        #expect(loopback.description == "0:0:0:0:0:0:0:1")
        let address = IPv6Address(high: 0x2A00_1450_4001_0800, low: 0x0000_0000_0000_2004)
        #expect(IPv6Address(bytes: address.bytes) == address)
        #expect(address.bytes.prefix(4) == [0x2A, 0x00, 0x14, 0x50])
    }
}
