// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI
import XCTest

final class ABITests: XCTestCase {
    func testRecordHeaderSize() {
        XCTAssertEqual(MemoryLayout<sd_record>.size, 96)
        XCTAssertEqual(MemoryLayout<sd_syscall_plan>.size, 56)
    }
}
