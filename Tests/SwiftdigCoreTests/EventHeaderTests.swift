// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@Suite struct EventHeaderTests {
    @Test func version2() throws {
        let bytes = ScapSamples.event(type: 3, ts: 77, tid: 9, params: [[1, 2, 3], [], [4]])
        try bytes.withUnsafeBytes { raw in
            let header = try EventHeader.decode(raw, format: .v2, largeLengths: false)
            #expect(header.ts == 77)
            #expect(header.tid == 9)
            #expect(header.type == 3)
            #expect(header.nparams == 3)
            #expect(header.len == UInt32(bytes.count))
            #expect(header.valuesOffset == 32)
            let params = EventParams(event: raw, header: header)
            #expect(params.count == 3)
            #expect(params.offset(0) == 32)
            #expect(params.offset(2) == 35)
            #expect(params.map { Array($0) } == [[1, 2, 3], [], [4]])
            #expect(Array(params[2]) == [4])
        }
    }

    @Test func largeLengths() throws {
        let bytes = ScapSamples.event(type: 322, params: [[1, 0, 0, 0], [7, 7]], large: true)
        try bytes.withUnsafeBytes { raw in
            let header = try EventHeader.decode(raw, format: .v2, largeLengths: true)
            #expect(header.lengthSize == 4)
            #expect(header.valuesOffset == 34)
            #expect(EventParams(event: raw, header: header).map { Array($0) } == [[1, 0, 0, 0], [7, 7]])
            // Read with 2-byte lengths, the same bytes give other parameters: the width is not in the bytes.
            let narrow = try EventHeader.decode(raw, format: .v2, largeLengths: false)
            #expect(EventParams(event: raw, header: narrow).map { Array($0) } != [[1, 0, 0, 0], [7, 7]])
        }
    }

    @Test func version1CountsItsParameters() throws {
        for params: [[UInt8]] in [[], [[]], [[1]], [[1, 2], [], [3, 4, 5, 6]], [[], [], []]] {
            let bytes = ScapSamples.v1Event(type: 9, params: params)
            try bytes.withUnsafeBytes { raw in
                let header = try EventHeader.decode(raw, format: .v1, largeLengths: false)
                #expect(header.nparams == UInt32(params.count))
                #expect(header.headerSize == 22)
                #expect(header.v2Length == header.len + 4)
                #expect(EventParams(event: raw, header: header).map { Array($0) } == params)
            }
        }
    }

    @Test func oldNotificationLength() throws {
        for type: UInt16 in [280, 286] {
            let bytes = ScapSamples.v1Event(type: type, params: [[1], Array("x\0".utf8)], extraLength: 3)
            try bytes.withUnsafeBytes { raw in
                let header = try EventHeader.decode(raw, format: .v1, largeLengths: false)
                #expect(header.nparams == 2)
                #expect(header.paramsEnd == header.len - 3)
                #expect(header.v2Length == header.len + 1)
            }
        }
        // Stored with the right length, they read too.
        let exact = ScapSamples.v1Event(type: 280, params: [[1, 2, 3, 4]])
        let header = try exact.withUnsafeBytes { raw in
            try EventHeader.decode(raw, format: .v1, largeLengths: false)
        }
        #expect(header.nparams == 1)
    }

    @Test func problems() {
        let bytes = ScapSamples.event(type: 3, params: [[1]])
        bytes.withUnsafeBytes { raw in
            #expect(throws: EventHeader.Problem.shortHeader(available: 10, needed: 26)) {
                try EventHeader.decode(UnsafeRawBufferPointer(rebasing: raw[0..<10]), format: .v2, largeLengths: false)
            }
            #expect(throws: EventHeader.Problem.badLength(len: 29, available: 28)) {
                try EventHeader.decode(UnsafeRawBufferPointer(rebasing: raw[0..<28]), format: .v2, largeLengths: false)
            }
        }
    }
}
