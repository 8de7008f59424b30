// SPDX-License-Identifier: Apache-2.0

/// The `group` field class: libsinsp's `sinsp_filter_check_group`.
struct GroupFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            guard let make = Self.extractors[definition.name] else { return nil }
            return BoundField(definition, text: definition.name, extractor: make())
        }
    }

    /// The extractor makers, by field name.
    static let extractors: [String: ThreadFields.Maker] = [
        // libsinsp reads the 32-bit gid as the field's 64-bit type: the upper half is the low half of
        // the thread's child count, which follows the gid in its thread record.
        "group.gid": ThreadFields.onThread { t, _, _ in
            .number(UInt64(t.gid) | UInt64(UInt32(truncatingIfNeeded: t.childCount)) << 32)
        },
        "group.name": ThreadFields.onThread { t, _, c in
            guard t.gid != UInt32.max, let g = c.state.groups[t.gid] else { return .none }
            return c.textResult(g.name)
        },
    ]
}
