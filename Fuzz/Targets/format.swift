// SPDX-License-Identifier: Apache-2.0
// Fuzz target `format`: the input is a `-p` format. One that parses prints the replay capture's
// events with it, as text or (inputs of odd length) as JSON (-j).
@testable import SwiftdigCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormat(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzSupport.text(UnsafeRawBufferPointer(start: data, count: count))
    FuzzSupport.replayIfValid({ () throws(FieldError) in try EventFormatter(format: text) }) { _, options in
        options.format = text
        options.json = count % 2 == 1
    }
    return 0
}
