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

/// The containers of a capture, by id, in the order they were first seen.
public final class ContainerTable {
    public private(set) var byID: [String: ContainerInfo] = [:]
    /// The ids, first seen first.
    public private(set) var order: [String] = []

    /// Adds `container`, or replaces the one with its id.
    public func add(_ container: ContainerInfo) {
        if byID.updateValue(container, forKey: container.id) == nil { order.append(container.id) }
    }

    /// The containers, first seen first.
    public var all: [ContainerInfo] { order.compactMap { byID[$0] } }
}

extension SystemState {
    /// The cgroup layouts of docker containers (libsinsp's `DOCKER_CGROUP_LAYOUT`): a 64-digit id
    /// between the prefix and the suffix, at the end of a cgroup path.
    private static let dockerLayouts: [(prefix: String, suffix: String)] = [("/", ""), ("/docker-", ".scope")]

    /// Finds the container of `t` from its cgroups, as libsinsp's container engines do when reading
    /// a capture: a docker cgroup gives the container's id (its first 12 digits) and, if no event
    /// described it yet, a container known by id alone.
    func resolveContainer(_ t: ThreadInfo) {
        t.containerID = ""
        for (_, path) in t.cgroups {
            guard let id = Self.dockerID(path) else { continue }
            t.containerID = id
            if containers.byID[id] == nil { containers.add(ContainerInfo(id: id, type: .docker)) }
            return
        }
    }

    /// The short container id in a docker cgroup path, or `nil`.
    public static func dockerID(_ path: String) -> String? {
        let bytes = Array(path.utf8)
        for (prefix, suffix) in dockerLayouts {
            // As libsinsp: the last prefix, the last suffix (the end when empty).
            guard let p = lastIndex(of: Array(prefix.utf8), in: bytes) else { continue }
            let start = p + prefix.utf8.count
            let end = suffix.isEmpty ? bytes.count : lastIndex(of: Array(suffix.utf8), in: bytes) ?? -1
            guard end - start == 64 else { continue }
            // libsinsp compares the first other character's position in the whole path with 64.
            let hex = Array("0123456789abcdefABCDEF".utf8)
            if let bad = bytes[start...].firstIndex(where: { !hex.contains($0) }), bad < 64 { continue }
            return String(decoding: bytes[start..<(start + 12)], as: UTF8.self)
        }
        return nil
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = bytes.count - needle.count
        while i >= 0 {
            if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
