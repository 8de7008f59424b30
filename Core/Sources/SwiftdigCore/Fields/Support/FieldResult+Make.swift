// SPDX-License-Identifier: Apache-2.0

extension FieldResult {
    /// A bool result: 1 or 0.
    @inline(__always) static func flag(_ value: Bool) -> FieldResult { .number(value ? 1 : 0) }
    /// A signed result, stored as its bit pattern.
    @inline(__always) static func signed(_ value: Int64) -> FieldResult { .number(UInt64(bitPattern: value)) }
    /// A double result, stored as its bit pattern.
    @inline(__always) static func double(_ value: Double) -> FieldResult { .number(value.bitPattern) }
}

extension FieldContext {
    /// Clears the scratch text, lets `write` fill it and returns ``FieldResult/text``.
    @inline(__always) func textResult(_ write: (inout OutputBuffer) -> Void) -> FieldResult {
        text.removeAll()
        write(&text)
        return .text
    }

    /// `string` as a text result.
    @inline(__always) func textResult(_ string: String) -> FieldResult {
        textResult { $0.append(string) }
    }
}

extension OutputBuffer {
    /// Appends `strings` separated by `separator` (no allocation, unlike `joined`).
    @inline(__always) mutating func append(_ strings: [String], separatedBy separator: UInt8) {
        for (i, s) in strings.enumerated() {
            if i > 0 { append(separator) }
            append(s)
        }
    }

    /// Appends the bytes of `string` that sysdig keeps when it sanitizes a string (printable ASCII).
    mutating func appendSanitized(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            append(maxCount: utf8.count) { out in
                for c in utf8 where !PathResolution.isInvalid(c) { out.put(c) }
            }
        }
    }
}

extension FieldClass {
    /// The field of this class called `name` (binders name their own fields, so it exists).
    func field(named name: String) -> FieldDefinition {
        guard let found = fields.first(where: { $0.name == name }) else {
            preconditionFailure("no field \(name) in class \(self.name)")
        }
        return found
    }
}

extension Substring {
    /// The first `count` UTF-8 bytes, as a string (field names are ASCII).
    func utf8Prefix(_ count: Int) -> String { String(decoding: utf8.prefix(count), as: UTF8.self) }
}
