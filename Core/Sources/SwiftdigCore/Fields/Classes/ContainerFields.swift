// SPDX-License-Identifier: Apache-2.0

/// The `container` field class: libsinsp's `sinsp_filter_check_container`.
///
/// A thread's container is the one its cgroups name (see ``SystemState/resolveContainer(_:)``), its
/// metadata that of the capture's container events. Host threads are `host` for the id, name and
/// type, and have no other value.
struct ContainerFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        if let mount = try Self.bindMount(text, in: fieldClass) { return mount }
        return try fieldClass.bindStandard(text) { definition in
            BoundField(definition, text: definition.name, extractor: Self.extractor(definition.name))
        }
    }

    /// What an extractor reads: the thread's container (known to be in one), and the context.
    typealias ContainerExtractor = @Sendable (ContainerInfo, FieldContext) -> FieldResult

    /// Runs `body` for threads in a container the state knows; host threads get `host` when given.
    static func onContainer(host: String? = nil, _ body: @escaping ContainerExtractor) -> BoundField.Extractor {
        ThreadFields.onThread { t, _, c in
            if t.containerID.isEmpty { return host.map { c.textResult($0) } ?? .none }
            guard let info = c.state.containers.byID[t.containerID] else { return .none }
            return body(info, c)
        }()
    }

    /// `text` as a result, none when empty.
    private static func nonEmpty(_ text: String, _ c: FieldContext) -> FieldResult {
        text.isEmpty ? .none : c.textResult(text)
    }

    /// The extractor of a field without argument.
    static func extractor(_ name: String) -> BoundField.Extractor {
        switch name {
        case "container.id":
            return ThreadFields.onThread { t, _, c in c.textResult(t.containerID.isEmpty ? "host" : t.containerID) }()
        case "container.name": return onContainer(host: "host") { info, c in nonEmpty(info.name, c) }
        case "container.type":
            return onContainer(host: "host") { info, c in info.fieldTypeName.map { c.textResult($0) } ?? .none }
        case "container.image": return onContainer { info, c in nonEmpty(info.image, c) }
        case "container.image.id": return onContainer { info, c in nonEmpty(info.imageID, c) }
        case "container.image.repository": return onContainer { info, c in nonEmpty(info.imageRepository, c) }
        case "container.image.tag": return onContainer { info, c in nonEmpty(info.imageTag, c) }
        case "container.image.digest": return onContainer { info, c in nonEmpty(info.imageDigest, c) }
        case "container.privileged":
            return onContainer { info, _ in info.knowsPrivileged ? .flag(info.privileged) : .none }
        case "container.mounts":
            return onContainer { info, c in
                c.textResult { out in
                    for i in info.mounts.indices {
                        if i > 0 { out.append(UInt8(ascii: ",")) }
                        out.append(info.mountText(i))
                    }
                }
            }
        default:
            // The health probes: the capture's events carry none.
            return onContainer { _, c in c.textResult("NONE") }
        }
    }

    /// The extractor of `container.mount[...]` and its parts: the mount by index, or the first whose
    /// source (destination for `.source`, as libsinsp has it) matches the glob.
    static func mountExtractor(_ name: String, _ argument: String) -> BoundField.Extractor {
        let index: Int32? = try? FieldArgumentNumber.signed32(Substring(argument))
        let glob = GlobPattern(Array(argument.utf8))
        let bySource = name != "container.mount.source"
        return onContainer { info, c in
            let found: Int?
            if let index, index != -1 {
                found = index >= 0 && Int(index) < info.mounts.count ? Int(index) : nil
            } else {
                found = info.mounts.firstIndex { m in
                    var text = bySource ? m.source : m.dest
                    return text.withUTF8 { glob.matches(UnsafeRawBufferPointer($0)) }
                }
            }
            guard let i = found else { return .none }
            let m = info.mounts[i]
            switch name {
            case "container.mount.source": return c.textResult(m.source)
            case "container.mount.dest": return c.textResult(m.dest)
            case "container.mount.mode": return c.textResult(m.mode)
            case "container.mount.rdwr": return c.textResult(m.readWrite ? "true" : "false")
            case "container.mount.propagation": return c.textResult(m.propagation)
            default: return c.textResult(info.mountText(i))
            }
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
            fieldClass.field(named: name), text: text.utf8Prefix(length), argument: argument,
            extractor: mountExtractor(name, argument))
        return (field, length)
    }
}
