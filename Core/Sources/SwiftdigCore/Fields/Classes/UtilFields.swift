// SPDX-License-Identifier: Apache-2.0

/// The hidden `util` field class (libsinsp's `sinsp_filter_check_utils`): `util.cnt`, a counter
/// that each bound instance advances at every extraction.
struct UtilFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            let counter = Counter()
            return BoundField(definition, text: definition.name) { _, _ in
                counter.value &+= 1
                return .number(counter.value)
            }
        }
    }

    /// The count of one bound `util.cnt`.
    private final class Counter {
        var value: UInt64 = 0
    }
}
