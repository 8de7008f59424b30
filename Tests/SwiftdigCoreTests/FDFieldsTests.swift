// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// The `fd` and `fdlist` field classes against sysdig.
@Suite struct FDFieldsTests {
    /// Every printable `fd.*` field.
    static let fdFields = [
        "fd.type", "fd.num", "fd.typechar", "fd.name", "fd.directory", "fd.filename", "fd.cip", "fd.sip", "fd.lip",
        "fd.rip", "fd.cport", "fd.sport", "fd.lport", "fd.rport", "fd.l4proto", "fd.sockfamily", "fd.is_server",
        "fd.uid", "fd.containername", "fd.containerdirectory", "fd.cproto", "fd.sproto", "fd.lproto", "fd.rproto",
        "fd.connected", "fd.name_changed", "fd.cip.name", "fd.sip.name", "fd.lip.name", "fd.rip.name", "fd.dev",
        "fd.dev.major", "fd.dev.minor",
    ]

    /// sysdig leaves the device of fds other than files uninitialised: it prints heap garbage there.
    static func deviceIsGarbage(_ index: Int, _ row: [String]) -> Bool {
        fdFields[index].hasPrefix("fd.dev") && !["file", "directory", "<NA>"].contains(row[0])
    }

    @Test(arguments: FieldComparison.captures)
    func fdFieldsMatchSysdig(_ capture: String) throws {
        try FieldComparison.expectMatch(capture, Self.fdFields, ignore: Self.deviceIsGarbage)
    }

    @Test(arguments: FieldComparison.captures)
    func fdlistFieldsMatchSysdig(_ capture: String) throws {
        try FieldComparison.expectMatch(
            capture, ["fdlist.nums", "fdlist.names", "fdlist.cips", "fdlist.sips", "fdlist.cports", "fdlist.sports"])
    }

    /// Values known from the captures, checked without sysdig.
    @Test func knownValues() throws {
        let expected: [(String, String, UInt64, String)] = [
            ("single_ipv6_conn.scap", "fd.cip", 1036, "2001:db8::4"),
        ]
        for (capture, field, number, value) in expected {
            guard let got = try FieldComparison.value(capture, field, event: number) else { return }
            #expect(got == value, "\(capture) \(field) at #\(number)")
        }
    }

    /// `fd.ip` and `fd.port` offer both ends of a connection to filters.
    @Test func alternativesOfferBothEnds() throws {
        guard let path = FieldComparison.capturePath("single_ipv6_conn.scap") else { return }
        let ip = try FieldCatalog.bind("fd.ip", forFiltering: true)
        let port = try FieldCatalog.bind("fd.port", forFiltering: true)
        let inspector = try Inspector(path: path)
        let context = FieldContext(parser: inspector.parser)
        var ports: Set<UInt64> = []
        var sawIPv6 = false
        try inspector.run { event in
            _ = port.anyValue(event, context) { value in
                if case .number(let p) = value { ports.insert(p) }
                return false
            }
            _ = ip.anyValue(event, context) { value in
                if context.withBytes(value, { $0.count }) == 16 { sawIPv6 = true }
                return false
            }
            return true
        }
        #expect(ports.contains(1234))
        #expect(sawIPv6)
    }
}
