// SPDX-License-Identifier: Apache-2.0

/// The `container` field class: libsinsp's `sinsp_filter_check_container`.
///
/// swiftdig keeps no container metadata (sysdig gets it from container runtimes or container
/// events, which these captures lack): host threads are `host`, and a thread in a container has
/// its id and no other value.
struct ContainerFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        if let mount = try Self.bindMount(text, in: fieldClass) { return mount }
        return try fieldClass.bindStandard(text) { definition in
            BoundField(definition, text: definition.name, extractor: Self.extractor(definition.name))
        }
    }

    /// The extractor of a field without argument.
    static func extractor(_ name: String) -> BoundField.Extractor {
        switch name {
        case "container.id":
            return ThreadFields.onThread { t, _, c in c.textResult(t.containerID.isEmpty ? "host" : t.containerID) }()
        case "container.name", "container.type":
            return ThreadFields.onThread { t, _, c in t.containerID.isEmpty ? c.textResult("host") : .none }()
        default:
            // Every other field needs the container's metadata: none for host threads either.
            return { _, _ in .none }
        }
    }

    /// `container.mount[N]`, `container.mount[/path]` and `container.mount.source[...]`, `.dest`,
    /// `.mode`, `.rdwr`, `.propagation`: the argument in brackets, by number or path.
    static func bindMount(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        let base = "container.mount"
        let bytes = text.utf8
        guard bytes.starts(with: base.utf8) else { return nil }
        var name = base
        var argumentStart = base.utf8.count
        if bytes.starts(with: (base + ".").utf8) {
            let rest = bytes.dropFirst(base.utf8.count + 1)
            // libsinsp matches the attribute as a prefix: `container.mount.sourcefoo[0]` binds too.
            guard let attribute = ["source", "dest", "mode", "rdwr", "propagation"].first(where: { rest.starts(with: $0.utf8) })
            else { throw FieldError("filter syntax error: \(text)") }
            name = base + "." + attribute
            argumentStart += 1
        } else if bytes.dropFirst(base.utf8.count).first == UInt8(ascii: "s") {
            return nil  // container.mounts
        }
        // The argument is the first bracketed text anywhere after the name, as libsinsp finds it.
        let tail = bytes.dropFirst(argumentStart)
        guard let open = tail.firstIndex(of: UInt8(ascii: "[")),
            let close = tail[open...].firstIndex(of: UInt8(ascii: "]"))
        else { throw FieldError("filter syntax error: \(text)") }
        let argument = String(decoding: tail[tail.index(after: open)..<close], as: UTF8.self)
        let length = bytes.distance(from: bytes.startIndex, to: close) + 1
        let field = BoundField(
            fieldClass.field(named: name), text: text.utf8Prefix(length), argument: argument) { _, _ in .none }
        return (field, length)
    }
}
