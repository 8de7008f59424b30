// SPDX-License-Identifier: Apache-2.0

/// The `mesos` field class: libsinsp's `sinsp_filter_check_mesos`. Without a Mesos master every
/// field has no value; the names bind as in sysdig, labels with their argument.
struct MesosFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try LabelFields.bind(text, in: fieldClass, labelFields: ["mesos.task.label", "marathon.app.label"])
    }
}
