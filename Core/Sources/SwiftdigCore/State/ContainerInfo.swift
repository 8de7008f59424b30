// SPDX-License-Identifier: Apache-2.0

/// What sysdig knows of a container (libsinsp's `sinsp_container_info`): from the container events
/// at the start of a capture, or only its id and type when a thread's cgroups name a container no
/// event describes.
public struct ContainerInfo: Sendable {
    /// The runtimes, by libsinsp's `sinsp_container_type` numbers.
    public enum Kind: Int, Sendable {
        case docker = 0, lxc, libvirtLXC, mesos, rkt, custom, cri, containerd, crio, bpm, staticContainer, podman
    }

    /// The short id (12 characters for docker).
    public var id: String
    public var fullID = ""
    public var type: Kind = .docker
    public var name = ""
    public var image = ""
    public var imageID = ""
    public var imageRepository = ""
    public var imageTag = ""
    public var imageDigest = ""
    public var privileged = false
    /// The mounts: source, destination, mode, whether writable, propagation.
    public var mounts: [(source: String, dest: String, mode: String, readWrite: Bool, propagation: String)] = []

    /// A container known by id and type only.
    public init(id: String, type: Kind) {
        self.id = id
        self.type = type
    }

    /// The container a container event's JSON describes (`{"container": {...}}`), or `nil`.
    public init?(json bytes: some Collection<UInt8>) {
        guard let root = JSONDocument(parsing: bytes), let c = root["container"] else { return nil }
        id = c["id"]?.string ?? ""
        fullID = c["full_id"]?.string ?? ""
        if let n = c["type"]?.number, let kind = Kind(rawValue: Int(n)) { type = kind }
        name = c["name"]?.string ?? ""
        image = c["image"]?.string ?? ""
        imageID = c["imageid"]?.string ?? ""
        imageRepository = c["imagerepo"]?.string ?? ""
        imageTag = c["imagetag"]?.string ?? ""
        imageDigest = c["imagedigest"]?.string ?? ""
        privileged = c["privileged"]?.bool ?? false
        if case .array(let list)? = c["Mounts"] {
            mounts = list.map { m in
                (m["Source"]?.string ?? "", m["Destination"]?.string ?? "", m["Mode"]?.string ?? "",
                 m["RW"]?.bool ?? false, m["Propagation"]?.string ?? "")
            }
        }
    }

    /// The type as `container.type` prints it (`libvirt-lxc`), or `nil` for types it has no name for.
    public var fieldTypeName: String? {
        switch type {
        case .docker: "docker"
        case .lxc: "lxc"
        case .libvirtLXC: "libvirt-lxc"
        case .mesos: "mesos"
        case .cri: "cri"
        case .containerd: "containerd"
        case .crio: "cri-o"
        case .rkt: "rkt"
        case .bpm: "bpm"
        default: nil
        }
    }

    /// The type as chisels' container tables name it (`libvirt_lxc`, `unknown` for the rest).
    public var tableTypeName: String {
        switch type {
        case .libvirtLXC: "libvirt_lxc"
        case .custom, .staticContainer, .podman: "unknown"
        default: fieldTypeName ?? "unknown"
        }
    }

    /// Whether `container.privileged` is known for this type (docker and its kin).
    public var knowsPrivileged: Bool { [.docker, .cri, .containerd, .crio, .podman].contains(type) }

    /// Mount `i` as `container.mount` prints it: `source:dest:mode:true:propagation`.
    public func mountText(_ i: Int) -> String {
        let m = mounts[i]
        return "\(m.source):\(m.dest):\(m.mode):\(m.readWrite ? "true" : "false"):\(m.propagation)"
    }
}

/// The containers of a capture, by id, listed in the order sysdig's table (a libstdc++ hash map)
/// lists them.
public final class ContainerTable {
    /// The containers by id.
    public private(set) var byID: [String: ContainerInfo] = [:]
    private var order = StdHashOrder()

    /// Adds `container`, or replaces the one with its id (which keeps its place).
    public func add(_ container: ContainerInfo) {
        if byID.updateValue(container, forKey: container.id) == nil { order.insert(container.id) }
    }

    /// The containers, in sysdig's order.
    public var all: [ContainerInfo] { order.keys.compactMap { byID[$0.key] } }

    /// Removes the containers whose ids `keep` rejects (the others keep their order).
    public func removeAll(keeping keep: (String) -> Bool) {
        let doomed = byID.keys.filter { !keep($0) }
        guard !doomed.isEmpty else { return }
        for id in doomed { byID[id] = nil }
        order.remove(Set(doomed))
    }
}

/// How one container runtime recognises its containers in a cgroup path (libsinsp's container
/// engines, as they work on a capture file: from cgroups alone, without asking the runtime). They
/// run at every clone and execve, so they read the path's bytes and make a string only for a match.
struct ContainerEngine: Sendable {
    /// A cgroup path.
    typealias Path = UnsafeRawBufferPointer

    /// The container's id in a cgroup path, or `nil` when the path is not one of this runtime's.
    let match: @Sendable (Path) -> String?
    /// The type of the containers found.
    let type: ContainerInfo.Kind
    /// What the engine does with a match: whether it records a container known by id alone (named
    /// after its id when `namedByID`), and whether later engines may still look (CRI, whose
    /// runtime is not there to ask, sets the id and lets them).
    let records: Bool
    let namedByID: Bool
    let final: Bool

    /// The runc layouts: a 64-digit id between a prefix and a suffix, at the end of the path; the
    /// id is its first 12 digits (libsinsp's `matches_runc_cgroups`).
    static func runc(_ layouts: [(prefix: String, suffix: String)]) -> @Sendable (Path) -> String? {
        let layouts = layouts.map { (Array($0.prefix.utf8), Array($0.suffix.utf8)) }
        return { path in
            // The id and its prefix take 65 bytes at least.
            guard path.count >= 65 else { return nil }
            for (prefix, suffix) in layouts {
                // As libsinsp: the last prefix, the last suffix (the end when empty).
                guard let p = lastIndex(of: prefix, in: path) else { continue }
                let start = p + prefix.count
                let end = suffix.isEmpty ? path.count : lastIndex(of: suffix, in: path) ?? -1
                guard end - start == 64 else { continue }
                // libsinsp compares the first other byte's position in the whole path with 64.
                if let bad = path[start...].firstIndex(where: { ASCIIHex.value($0) == nil }), bad < 64 { continue }
                return String(decoding: path[start..<(start + 12)], as: UTF8.self)
            }
            return nil
        }
    }

    /// The text after a marker up to the next `/` (LXC's `/lxc/NAME/...`).
    static func segment(after markers: [String]) -> @Sendable (Path) -> String? {
        let markers = markers.map { Array($0.utf8) }
        return { path in
            for marker in markers {
                guard let at = firstIndex(of: marker, in: path) else { continue }
                let rest = path[(at + marker.count)...]
                return String(decoding: rest.prefix { $0 != UInt8(ascii: "/") }, as: UTF8.self)
            }
            return nil
        }
    }

    /// libvirt's LXC domains: `NAME.libvirt-lxc` at the end, `machine-lxc\x2dNAME.scope`, or
    /// `/libvirt/lxc/NAME`.
    static let libvirt: @Sendable (Path) -> String? = { path in
        let text = { (range: Range<Int>) in String(decoding: path[range], as: UTF8.self) }
        let (suffix, scope, escaped, marker) = libvirtMarkers
        if let at = firstIndex(of: suffix, in: path), at == path.count - suffix.count,
            let slash = path.lastIndex(of: UInt8(ascii: "/"))
        {
            return text((slash + 1)..<max(at, slash + 1))
        }
        if let at = firstIndex(of: escaped, in: path), let end = firstIndex(of: scope, in: path),
            end == path.count - scope.count
        {
            // libsinsp skips one more byte than the marker holds (the `d` of `\x2d`).
            let start = at + 8
            return start <= end ? text(start..<end) : nil
        }
        if let at = firstIndex(of: marker, in: path) { return text((at + marker.count)..<path.count) }
        return nil
    }

    private static let libvirtMarkers = (
        Array(".libvirt-lxc".utf8), Array(".scope".utf8), Array("-lxc\\x2".utf8), Array("/libvirt/lxc/".utf8)
    )

    /// The engines in libsinsp's order (podman, which needs the live system, aside; mesos, rkt and
    /// bpm, which need more than cgroups, not yet).
    static let all: [ContainerEngine] = [
        ContainerEngine(
            match: runc([("/", ""), ("/docker-", ".scope")]), type: .docker, records: true, namedByID: false, final: true),
        ContainerEngine(
            match: runc([("/", ""), ("/crio-", ""), ("/cri-containerd-", ".scope"), ("/crio-", ".scope"), (":cri-containerd:", "")]),
            type: .cri, records: false, namedByID: false, final: false),
        ContainerEngine(match: segment(after: ["/lxc/", "/lxc.payload/"]), type: .lxc, records: true, namedByID: true, final: true),
        ContainerEngine(match: libvirt, type: .libvirtLXC, records: true, namedByID: true, final: true),
    ]

    /// Whether any engine could recognise `path`: the runc layouts need 65 bytes, the LXC ones
    /// `lxc`.
    static func mayMatch(_ path: Path) -> Bool {
        if path.count >= 65 { return true }
        guard path.count >= 3 else { return false }
        for i in 0..<(path.count - 2)
        where path[i] == UInt8(ascii: "l") && path[i + 1] == UInt8(ascii: "x") && path[i + 2] == UInt8(ascii: "c") {
            return true
        }
        return false
    }

    private static func matches(_ needle: [UInt8], in bytes: Path, at i: Int) -> Bool {
        for j in 0..<needle.count where bytes[i + j] != needle[j] { return false }
        return true
    }

    private static func firstIndex(of needle: [UInt8], in bytes: Path) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        for i in 0...(bytes.count - needle.count) where matches(needle, in: bytes, at: i) { return i }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in bytes: Path) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        for i in stride(from: bytes.count - needle.count, through: 0, by: -1) where matches(needle, in: bytes, at: i) {
            return i
        }
        return nil
    }
}

extension EventParser {
    /// Whether `type` is a container event (`container`, `container` JSON and its large form).
    @inline(__always) public static func isContainerEvent(_ type: UInt16) -> Bool {
        type == 228 || type == 272 || type == 324
    }

    /// Before the first event that is not a container event: at that one, finds the containers of
    /// the process list's threads.
    @inline(never) func noteLeadingEvent(_ event: Event) {
        if Self.isContainerEvent(event.type) { return }
        pastLeadingContainerEvents = true
        resolveAwaitingContainers()
    }

    /// Finds the containers of the threads that wait for them.
    public func resolveAwaitingContainers() {
        for t in threadsAwaitingContainers { state.resolveContainer(t) }
        threadsAwaitingContainers.removeAll()
    }

    /// A container event: the JSON ones (272 and its large form 324) or the first form (228: id,
    /// type, name, image) describe a container.
    @inline(never) func parseContainerEvent(_ event: Event) {
        if event.type == 228 {
            var container = ContainerInfo(id: event.string(0) ?? "", type: .docker)
            if let n = event.integer(1, as: UInt32.self), let kind = ContainerInfo.Kind(rawValue: Int(n)) { container.type = kind }
            container.name = event.string(2) ?? ""
            container.image = event.string(3) ?? ""
            state.containers.add(container)
        } else if let json = event.param(0), let container = ContainerInfo(json: json) {
            state.containers.add(container)
        }
    }
}

extension SystemState {
    /// Finds the container of `t` from its cgroups, as libsinsp's container engines do when reading
    /// a capture: each engine in turn looks at every cgroup; one that recognises a path gives the
    /// thread its container id and, when no event described that container, records it by id.
    func resolveContainer(_ t: ThreadInfo) {
        t.containerID = ""
        // Every engine needs a 64-digit id or `lxc` in a path: most threads have neither.
        guard t.firstCgroupPath({ ContainerEngine.mayMatch($0) ? true : nil }) != nil else { return }
        for engine in ContainerEngine.all {
            guard let id = t.firstCgroupPath(engine.match) else { continue }
            t.containerID = id
            if engine.records && containers.byID[id]?.type != engine.type {
                var container = ContainerInfo(id: id, type: engine.type)
                if engine.namedByID { container.name = id }
                if containers.byID[id] == nil || engine.namedByID { containers.add(container) }
            }
            if engine.final { return }
        }
    }

    /// The short container id in a docker cgroup path, or `nil`.
    public static func dockerID(_ path: String) -> String? {
        var path = path
        return path.withUTF8 { ContainerEngine.all[0].match(UnsafeRawBufferPointer($0)) }
    }
}
