// SPDX-License-Identifier: Apache-2.0
// Fuzz target `filter`: the input is a filter expression. It is compiled; one that compiles is run
// over the replay capture, as a capture filter or (inputs of odd length) as a display filter (-d).
@testable import SwiftdigCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFilter(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = FuzzSupport.text(UnsafeRawBufferPointer(start: data, count: count))
    FuzzSupport.replayIfValid({ () throws(FilterError) in try Filter(compiling: text) }) { filter, options in
        options.filter = filter
        options.displayFilter = count % 2 == 1
    }
    return 0
}
