// SPDX-License-Identifier: Apache-2.0
// Fuzz target `block`: one block after a section header. The first two bytes pick the block type
// (every type the reader knows, and one it does not), the rest is the body; the lengths are filled
// in so that the body reaches its decoder. The block is read as `swiftdig -r` reads it, so a
// state block also goes into the state.
@testable import SwiftdigCore

/// The block types the selector picks from: every known one, then an unknown one.
private let types: [UInt32] =
    [
        ScapBlockType.sectionHeader, .machineInfo, .machineInfoInt, .fdList, .fdListInt, .fdListV2,
        .interfaceList, .interfaceListInt, .interfaceListV2, .userList, .userListInt, .userListV2,
    ].map(\.rawValue) + ScapBlockType.processListTypes.map(\.rawValue) + ScapBlockType.eventTypes.map(\.rawValue)
    + [0x7777]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBlock(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = UnsafeRawBufferPointer(start: data, count: count)
    guard count >= 2 else { return 0 }
    var builder = BlockBuilder()
    let selector = Int(input[0]) | Int(input[1]) << 8
    builder.block(type: types[selector % types.count], body: UnsafeRawBufferPointer(rebasing: input[2...]))
    builder.bytes.withUnsafeBytes { FuzzSupport.writeScratch($0) }
    FuzzSupport.dump(FuzzSupport.scratchPath, options: FuzzSupport.quietOptions())
    return 0
}
