// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

/// What chisels use: typed accessors for fields by name, and filters compiled from their own strings.
@Suite struct FieldAccessorTests {
    @Test func typesAreChecked() throws {
        #expect(throws: FieldError.self) { try FieldAccessor<Int64>("proc.name") }
        #expect(throws: FieldError.self) { try FieldAccessor<String>("proc.nonexistent") }
        _ = try FieldAccessor<String>("proc.pid")  // every value has a text form
        _ = try FieldAccessor<Int64>("proc.pid")
        _ = try FieldAccessor<Double>("proc.fdusage")
        _ = try FieldAccessor<[UInt8]>("fd.name")
    }

    @Test func readsTypedValuesUnderAChiselFilter() throws {
        guard let dir = SharedCaptures.directory else {
            #expect(!SharedCaptures.inCI, "\(SharedCaptures.absentReason)")
            return
        }
        let inspector = try Inspector(path: "\(dir)/test_ipv6_client.scap")
        let context = FieldContext(parser: inspector.parser)
        let name = try FieldAccessor<String>("proc.name")
        let pid = try FieldAccessor<Int64>("proc.pid")
        let fd = try FieldAccessor<Int64>("fd.num")
        let fdName = try FieldAccessor<String>("fd.name")
        let filter = try Filter(compiling: "evt.type=connect")
        var seen: [String] = []
        try inspector.run { event in
            guard try filter.matches(event, context) else { return true }
            seen.append("\(name(event, context) ?? "-") \(pid(event, context) ?? -1) \(fd(event, context) ?? -1) \(fdName(event, context) ?? "-")")
            return true
        }
        #expect(seen.count == 4)
        #expect(seen.first == "test_ipv6_clien 19747 3 ::1:0->::1:2345")
    }
}
