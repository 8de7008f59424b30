// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

/// The filter language: sysdig 0.29.3's parser and errors, and the comparisons of each type.
@Suite struct FilterTests {
    // MARK: errors, as sysdig 0.29.3 prints them (checked with `sysdig -r curl_google.scap FILTER`)

    static let errors: [(filter: String, line: String)] = [
        ("evt.type=nonexistent", "filter error at position 20: unknown event type nonexistent"),
        ("proc.nam=foo", "filter error at position 8: filter error: unrecognized field proc.nam at pos 0"),
        ("evt.num=abc", "filter error at position 11: abc is not a valid number"),
        ("evt.num=1 and", "filter error at position 13: filter error: unexpected end of filter"),
        ("evt.num", "filter error at position 7: filter error: unrecognized comparison operator after evt.num"),
        ("evt.num foo", "filter error at position 8: filter error: unrecognized comparison operator after evt.num "),
        ("evt.num==5", "filter error at position 10: =5 is not a valid number"),
        ("evt.num intersects (1,2)", "filter error at position 10: expected '(' after 'in/intersects/pmatch' operand"),
        (
            "proc.name=curl and evt.num<300 or evt.num>5",
            "filter error at position 44: expression mixes 'and' and 'or' in an ambiguous way. Please use brackets."
        ),
        ("evt.type in ()", "filter error at position 12: unknown event type "),
        ("evt.num in ()", "filter error at position 11:  is not a valid number"),
        ("evt.num=1)", "filter error at position 10: filter error: unexpected end of filter"),
        ("thread.cpu>0", "filter error at position 12: wrong parameter type 33"),
        (
            "proc.name in (curl",
            "filter error at position 19: expected either ')' or ',' after a value inside the 'in/pmatch' clause"
        ),
        ("evt.num pmatch (1)", "filter error at position 16: pmatch requires all charbuf arguments"),
        (#"proc.name=cu\x6g"#, #"filter error at position 16: filter error: unrecognized escape sequence at cu\x6g"#),
        ("evt.num=1 and (", "filter error at position 15: filter error: unexpected end of filter"),
        ("(evt.num=1", "filter error at position 11: filter error: unexpected end of filter"),
        ("proc.name=\"curl", "filter error at position 15: filter error: unclosed quotes"),
        ("evt.num=1 (", "filter error at position 10: unexpected '(' after evt.num=1 "),
        ("evt.num=1 evt.num=2", "filter error at position 10: syntax error in filter"),
        ("nope", "filter error at position 2: syntax error in filter"),
        ("fd.port=nosuchservice", "filter error at position 21: unrecognized protocol nosuchservice"),
        ("fd.port=99999999999", "error parsing the filter string"),
        ("fd.ip=1.2.3", "filter error at position 11: unrecognized IPv4 address 1.2.3"),
        ("fd.ip=::g", "filter error at position 9: unrecognized IPv6 address ::g"),
        ("fd.net=1.2.3.4", "filter error at position 14: unrecognized IP network 1.2.3.4"),
        ("fd.net=1.2.3.4/33", "filter error at position 17: invalid netmask 33"),
        ("fd.net=1.2.3/8", "filter error at position 14: unrecognized IP address 1.2.3/8"),
        ("fd.net=::1/64", "filter error at position 13: unrecognized IPv6 address ::1/64"),
        ("evt.failed=yes", "filter error at position 14: filter error: unrecognized boolean value yes"),
        ("evt.type in (open, nosuch)", "filter error at position 24: unknown event type nosuch"),
        ("\"evt.num\"=1", "filter error at position 9: filter error: unrecognized field evt.num\" at pos 0"),
        ("evt.num>=", "filter error at position 9:  is not a valid number"),
        (
            "evt.type=open and evt.type in (read, write) or proc.name=x",
            "filter error at position 59: expression mixes 'and' and 'or' in an ambiguous way. Please use brackets."
        ),
        ("proc.name='a\"b'", "filter error at position 13: syntax error in filter"),
        ("(evt.num=1) evt.num=2", "filter error at position 12: syntax error in filter"),
        ("evt.type glob o*", "filter error at position 16: unknown event type o*"),
        ("not", "filter error at position 3: filter error: unexpected end of filter"),
        // sysdig crashes on these (a `)` too many, then more filter); swiftdig reports them.
        ("evt.num=1) and evt.num=2", "filter error at position 24: filter error: unexpected ')'"),
    ]

    @Test(arguments: errors.indices)
    func errorLine(_ i: Int) {
        let (filter, line) = Self.errors[i]
        do {
            _ = try Filter(compiling: filter)
            Issue.record("\(filter) compiled; sysdig says: \(line)")
        } catch {
            #expect(error.description == line, "\(filter)")
        }
    }

    static let accepted = [
        "evt.num = 1", "   evt.num=1   ", "evt.num\t=\t1", "notevt.num=1", "n o t evt.num=1", "evt.num=1 not evt.num=2",
        "evt.num=1 andevt.num=2", "proc.name in (curl, bash) and evt.type=\"open\"",
        #"proc.name="a\"b""#, #"proc.name=abc\q"#, "proc.name pmatch (/etc, /usr)", "evt.type glob open",
        "() evt.num=1", "fd.port=http", "fd.net=10.0.0.0/8", "fd.ip=::1", "evt.num=-1",
        "evt.num=\" 5\"", "evt.num=+5", "evt.type=open or (evt.type=close and evt.num>3)", "proc.name exists",
        "(proc.name exists) and evt.num<3", "evt.num in (1,2,3)", "evt.buffer bcontains 414243",
    ]

    @Test(arguments: accepted)
    func compiles(_ filter: String) throws {
        _ = try Filter(compiling: filter)
    }

    // MARK: boolean structure, on evt.type (decided from the event code alone)

    static let structure: [(filter: String, matchesOpen: Bool)] = [
        ("evt.type=open", true), ("evt.type!=open", false), ("evt.type=close", false),
        ("evt.type=open or evt.type=close", true), ("evt.type=close or evt.type=open", true),
        ("evt.type=open and evt.type=close", false), ("not evt.type=open", false), ("not not evt.type=open", false),
        ("not (evt.type=close or evt.type=read)", true), ("evt.type in (read, open)", true),
        ("evt.type in (read, write)", false), ("evt.type startswith open", true), ("evt.type glob open", true),
        ("evt.type contains openat", false), ("evt.type endswith open", true), ("evt.type < openat", true), ("evt.type exists", true),
        // A `not` with no `and`/`or` before it is ignored; `()` first leaves `true` and what follows with no
        // operator is ignored.
        ("evt.type=open not evt.type=open", true), ("() evt.type=close", true),
        // `and` stays in force after a parenthesis closes.
        ("(evt.type=open and ) evt.type=close", false), ("(evt.type=close or ) evt.type=open", true),
        ("evt.type=close or (evt.type=read or evt.type=open)", true),
    ]

    @Test(arguments: structure.indices)
    func booleanStructure(_ i: Int) throws {
        let (filter, expected) = Self.structure[i]
        let f = try Filter(compiling: filter)
        try Self.withEvent(type: EventCode.openE) { event, context in
            let matched = try f.matches(event, context)
            #expect(matched == expected, "\(filter)")
        }
    }

    @Test func genericEventsUseTheSystemCallName() throws {
        // PPM_SC 1 is `write`... whatever its name, a generic event's type is the system call's.
        let id: UInt16 = 2
        let name = try #require(SyscallNames.name(forPPMSC: id))
        let f = try Filter(compiling: "evt.type=\(name)")
        try Self.withEvent(type: EventCode.genericE, params: [withUnsafeBytes(of: id.littleEndian, Array.init)]) {
            event, context in
            let matched = try f.matches(event, context)
            #expect(matched)
        }
    }

    // MARK: comparisons by type, on a synthetic field

    static let comparisons: [(type: ParamType, op: String, value: String, extracted: Extracted, expected: Bool)] = [
        (.uint64, "=", "5", .number(5), true), (.uint64, "!=", "5", .number(5), false),
        (.uint64, "<", "5", .number(4), true), (.uint64, ">=", "5", .number(4), false),
        (.uint64, "<", "-1", .number(4), true),  // -1 wraps to the largest value
        (.int64, "<", "0", .number(UInt64(bitPattern: -3)), true), (.int64, ">", "-5", .number(UInt64(bitPattern: -3)), true),
        (.int32, "=", "-1", .number(0xFFFF_FFFF), true), (.int16, "<", "0", .number(0x8000), true),
        (.uint32, "=", "4294967297", .number(1), true),  // cut to 32 bits
        (.uint16, "=", "65537", .number(1), true), (.bool, "=", "true", .number(1), true),
        (.bool, "=", "false", .number(1), false), (.port, "=", "80", .number(80), true),
        (.charbuf, "=", "curl", .text("curl"), true), (.charbuf, "=", "curl", .text("curly"), false),
        (.charbuf, "=", "curl", .text("curl\0x"), true),  // C strings end at NUL
        (.charbuf, "!=", "curl", .text("cur"), true), (.charbuf, "<", "b", .text("a"), true),
        (.charbuf, ">", "b", .text("ba"), true), (.charbuf, "contains", "ur", .text("curl"), true),
        (.charbuf, "contains", "\"\"", .text("curl"), true), (.charbuf, "icontains", "URL", .text("cUrl"), true),
        (.charbuf, "startswith", "cu", .text("curl"), true), (.charbuf, "startswith", "url", .text("curl"), false),
        (.charbuf, "endswith", "rl", .text("curl"), true), (.charbuf, "endswith", "curly", .text("curl"), false),
        (.charbuf, "glob", "c*l", .text("curl"), true), (.charbuf, "glob", "c?rl", .text("curl"), true),
        (.charbuf, "glob", "/etc/*", .text("/etc/a/b"), true), (.charbuf, "glob", "[!a]url", .text("curl"), true),
        (.charbuf, "glob", "[a-c]url", .text("curl"), true), (.charbuf, "glob", "[[:upper:]]url", .text("curl"), false),
        (.charbuf, "glob", #"c\*"#, .text("c*"), true), (.charbuf, "glob", "c*", .text("d"), false),
        (.charbuf, "in", "(bash, curl)", .text("curl"), true), (.charbuf, "in", "(bash, curl)", .text("cur"), false),
        (.charbuf, "in", "()", .text(""), true), (.charbuf, "intersects", "(x)", .text("x"), true),
        (.charbuf, "pmatch", "(/etc, /usr/lib)", .text("/etc/passwd"), true),
        (.charbuf, "pmatch", "(/etc, /usr/lib)", .text("/etcetera"), false),
        (.charbuf, "pmatch", "(/usr/lib)", .text("/usr"), false), (.charbuf, "pmatch", "(/usr)", .text("//usr/"), true),
        (.bytebuf, "contains", "GET", .text("x GET /"), true), (.bytebuf, "=", "ab", .text("ab\0"), false),
        (.bytebuf, "startswith", "GE", .text("GET"), true), (.bytebuf, "bcontains", "4554", .text("GET"), true),
        (.bytebuf, "bstartswith", "4745", .text("GET"), true), (.bytebuf, "endswith", "T", .text("GET"), true),
        (.ipv4addr, "=", "1.2.3.4", .number(0x0403_0201), true), (.ipaddr, "=", "1.2.3.4", .number(0x0403_0201), true),
        (.ipaddr, "!=", "1.2.3.4", .number(0x0403_0201), false), (.ipnet, "=", "1.2.0.0/16", .number(0x0403_0201), true),
        (.ipnet, "=", "1.3.0.0/16", .number(0x0403_0201), false), (.ipnet, "!=", "1.3.0.0/16", .number(0x0403_0201), true),
        (.ipaddr, "=", "::1", .ipv6(15, 1), true), (.ipaddr, "=", "::2", .ipv6(15, 1), false),
        (.ipnet, "=", "fe80::", .ipv6(0, 0xFE, 1, 0x80), true), (.ipnet, "=", "fe81::", .ipv6(0, 0xFE, 1, 0x80), false),
        (.uint64, "exists", "", .number(0), true), (.charbuf, "exists", "", .none, false),
        (.uint64, "=", "5", .none, false),
    ]

    @Test(arguments: comparisons.indices)
    func comparison(_ i: Int) throws {
        let c = Self.comparisons[i]
        #expect(try Self.evaluate(c.type, c.op, c.value, c.extracted) == c.expected, "\(c.type) \(c.op) \(c.value)")
    }

    static let runtimeErrors: [(type: ParamType, op: String, value: String, extracted: Extracted, message: String)] = [
        (.uint64, "contains", "1", .number(1), "'contains' not supported for numeric filters"),
        (.int64, "glob", "1", .number(1), "'glob' not supported for numeric filters"),
        (.bytebuf, "<", "abc", .text("x"), "'<' not supported for buffer filters"),
        (.bytebuf, "icontains", "abc", .text("x"), "'icontains' not supported for buffer filters"),
        (.ipaddr, "contains", "::1", .ipv6(15, 1), "'contains' not supported for ipv6 addresses"),
        (.ipaddr, "<", "::1", .ipv6(15, 1), "comparison operator not supported for ipv6 addresses"),
        (.ipnet, "<", "1.2.0.0/16", .number(1), "comparison operator not supported for ipv4 networks"),
    ]

    @Test(arguments: runtimeErrors.indices)
    func runtimeError(_ i: Int) throws {
        let c = Self.runtimeErrors[i]
        #expect(throws: FilterError(position: nil, message: c.message)) {
            try Self.evaluate(c.type, c.op, c.value, c.extracted)
        }
        // No value, no comparison, no error.
        #expect(try Self.evaluate(c.type, c.op, c.value, .none) == false)
    }

    @Test func numbersParseAsScanfReadsThem() throws {
        #expect(try FilterValueParser.unsigned(Array(" 42".utf8), bits: 64) == 42)
        #expect(throws: FilterMessage.self) { try FilterValueParser.unsigned(Array("42 ".utf8), bits: 64) }
        #expect(throws: FilterMessage.self) { try FilterValueParser.unsigned(Array("0x10".utf8), bits: 64) }
        #expect(try FilterValueParser.unsigned(Array("99999999999999999999".utf8), bits: 64) == UInt64.max)
        #expect(try FilterValueParser.signed(Array("-99999999999999999999".utf8), bits: 64) == UInt64(bitPattern: Int64.min))
    }

    // MARK: helpers

    /// Compares a synthetic field of `type` that extracts `extracted` under `op` and `value` (a list in
    /// parentheses for the list operators).
    static func evaluate(_ type: ParamType, _ op: String, _ value: String, _ extracted: Extracted) throws -> Bool {
        let definition = FieldDefinition(
            name: "test.field", type: type, format: .na, flags: [], displayName: "Test", description: "",
            index: 0, classIndex: 0)
        let field = BoundField(definition, text: "test.field") { _, context in
            switch extracted {
            case .none: return .none
            case .number(let n): return .number(n)
            case .text(let bytes):
                context.text.removeAll()
                bytes.withUnsafeBytes { context.text.append($0) }
                return .text
            }
        }
        let spelling = try #require(FilterOperator.spellings.first { String(decoding: $0.text, as: UTF8.self) == op })
        var values: [FilterValue] = []
        if spelling.op.takesList {
            let inner = value.dropFirst().dropLast()
            for item in inner.split(separator: ",", omittingEmptySubsequences: false) {
                values.append(try FilterChecks.parseValue(Array(item.trimmingSpaces.utf8), field, spelling.op))
            }
        } else if spelling.op != .exists {
            var raw = Array(value.utf8)
            if raw == [0x22, 0x22] { raw = [] }
            values.append(try FilterChecks.parseValue(raw, field, spelling.op))
        }
        let node = FilterChecks.make(field, spelling.op, values)
        var result = false
        let program = FilterProgram(node)
        try withEvent(type: EventCode.openE) { event, context in result = try program.evaluate(event, context) }
        return result
    }

    /// What the synthetic field extracts.
    enum Extracted {
        case none
        case number(UInt64)
        case text([UInt8])

        static func text(_ s: String) -> Extracted { .text(Array(s.utf8)) }

        /// An IPv6 address: zeros but for the (offset, byte) pairs given.
        static func ipv6(_ pairs: Int...) -> Extracted {
            var b = [UInt8](repeating: 0, count: 16)
            for i in stride(from: 0, to: pairs.count - 1, by: 2) { b[pairs[i]] = UInt8(pairs[i + 1]) }
            return .text(b)
        }
    }

    /// Calls `body` with an event of `type` (parameters as given) and a context over an empty state.
    static func withEvent(
        type: UInt16, params: [[UInt8]] = [], _ body: (Event, FieldContext) throws -> Void
    ) throws {
        var bytes: [UInt8] = []
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        put(UInt64(1_000))
        put(UInt64(7))
        put(UInt32(Event.headerSize + params.count * 2 + params.reduce(0) { $0 + $1.count }))
        put(type)
        put(UInt32(params.count))
        for p in params { put(UInt16(p.count)) }
        for p in params { bytes.append(contentsOf: p) }
        let context = FieldContext(parser: EventParser(state: SystemState()))
        try bytes.withUnsafeBytes { raw in
            try body(Event(bytes: raw, cpu: 0, dumpFlags: 0, number: 1), context)
        }
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
