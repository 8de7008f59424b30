// SPDX-License-Identifier: Apache-2.0

/// Binding shared by the orchestrator classes (`k8s`, `mesos`), whose metadata swiftdig does not
/// fetch: every field extracts no value.
enum LabelFields {
    /// Binds `text`: a label field followed by `.NAME` (letters, digits, `/`, `_`, `-`, `.`), or
    /// any other field of the class by its name.
    static func bind(
        _ text: Substring, in fieldClass: FieldClass, labelFields: [String]
    ) throws(FieldError) -> (field: BoundField, length: Int)? {
        for base in labelFields where text.hasPrefix(base) && !text.hasPrefix(base + "s") {
            let rest = text.utf8.dropFirst(base.utf8.count)
            guard rest.first == UInt8(ascii: ".") else { throw FieldError("filter syntax error: \(text)") }
            let label = rest.dropFirst().prefix(while: isLabelByte)
            let length = base.utf8.count + 1 + label.count
            let field = BoundField(
                fieldClass.field(named: base), text: text.utf8Prefix(length),
                argument: String(decoding: label, as: UTF8.self)) { _, _ in .none }
            return (field, length)
        }
        return try fieldClass.bindStandard(text) { definition in
            BoundField(definition, text: definition.name) { _, _ in .none }
        }
    }

    /// The bytes a label name may hold.
    @inline(__always) static func isLabelByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "/") || c == UInt8(ascii: "_")
            || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }
}
