// SPDX-License-Identifier: Apache-2.0

/// The `evt (all event types)` field class. (Being written: every field binds and extracts nothing yet.)
struct GenericEventFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            BoundField(definition, text: definition.name) { _, _ in .none }
        }
    }
}
