// SPDX-License-Identifier: Apache-2.0

/// The `k8s` field class: libsinsp's `sinsp_filter_check_k8s`. Without a Kubernetes API server
/// nor container labels every field has no value; the names bind as in sysdig, labels with their
/// argument (`k8s.pod.label.app`).
struct K8sFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try LabelFields.bind(
            text, in: fieldClass,
            labelFields: ["k8s.pod.label", "k8s.rc.label", "k8s.rs.label", "k8s.svc.label", "k8s.ns.label",
                          "k8s.deployment.label"])
    }
}
