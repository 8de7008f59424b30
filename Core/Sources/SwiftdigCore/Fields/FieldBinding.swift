// SPDX-License-Identifier: Apache-2.0

/// Turns the field names of one class into bound fields. Each class has one binder, in
/// `Fields/Classes/`; most use ``FieldClass/bindStandard(_:make:)`` and special-case the fields with
/// arguments, as the classes of libsinsp each parse their own names.
public protocol FieldBinder: Sendable {
    /// Binds the field whose name starts `text` (which may go on past it: a `-p` format string).
    /// - Returns: `nil` when no field of the class starts `text`, else the field and the number of
    ///   characters of `text` its name and argument take.
    /// - Throws: ``FieldError`` when the name is the class's but malformed (`proc.aname[x`).
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)?
}

extension FieldClass {
    /// Binds the longest field name that starts `text`, with no argument: the default of libsinsp's
    /// `parse_field_name`. `make` builds the extractor of the matched field.
    public func bindStandard(
        _ text: Substring, make: (FieldDefinition) throws(FieldError) -> BoundField?
    ) throws(FieldError) -> (field: BoundField, length: Int)? {
        guard let definition = longestMatch(text), let field = try make(definition) else { return nil }
        return (field, definition.name.utf8.count)
    }
}

extension FieldCatalog {
    /// The binders, one per class in ``classes`` order.
    static let binders: [any FieldBinder] = [
        GenericEventFields(), EventFields(), ThreadFields(), UserFields(), GroupFields(), ContainerFields(),
        FDFields(), SyslogFields(), UtilFields(), FDListFields(), K8sFields(), MesosFields(), SpanFields(),
        SpanInFields(),
    ]

    /// Binds the field named at the start of `text`, as libsinsp's filter-check list does: the first
    /// class that recognises a name prefix claims it.
    /// - Parameters:
    ///   - exact: the whole of `text` must be the field (filters); otherwise the field may be followed
    ///     by more text (format strings).
    ///   - forFiltering: `false` rejects filter-only fields (`fd.ip` cannot be printed).
    /// - Returns: `nil` when no class knows the name.
    public static func bind(
        _ text: Substring, exact: Bool, forFiltering: Bool
    ) throws(FieldError) -> (field: BoundField, length: Int)? {
        precondition(binders.count == classes.count, "one binder per field class")
        for (i, binder) in binders.enumerated() {
            guard let (field, length) = try binder.bind(text, in: classes[i]) else { continue }
            if exact && length != text.utf8.count { return nil }
            if !forFiltering && field.definition.flags.contains(.filterOnly) {
                throw FieldError("\(text) is filter only and cannot be used as a display field")
            }
            return (field, length)
        }
        return nil
    }

    /// Binds a field written alone (a chisel asking for `proc.name`), or throws.
    public static func bind(_ name: String, forFiltering: Bool = false) throws(FieldError) -> BoundField {
        guard let (field, _) = try bind(Substring(name), exact: true, forFiltering: forFiltering) else {
            throw FieldError("unrecognized field \(name)")
        }
        return field
    }
}
