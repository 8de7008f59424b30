// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@Suite struct SchemaTypeTests {
    @Test func paramTypeWidths() {
        #expect(ParamType.fd.fixedWidth == 8)
        #expect(ParamType.charbuf.fixedWidth == nil)
    }
}
