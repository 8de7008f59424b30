// SPDX-License-Identifier: Apache-2.0

/// A container of ``ChiselContext/containerTable()``: what sysdig's `sysdig.get_container_table()`
/// puts in each entry. Since protocol 1.5.
public struct ChiselContainerInfo: Sendable, Equatable {
    /// The container's id (12 characters for docker).
    public var id: String
    /// Its name, empty when unknown (a container known from a thread's cgroups alone).
    public var name: String
    /// Its image, empty when unknown.
    public var image: String
    /// The runtime: `docker`, `lxc`, `libvirt_lxc`, `mesos`, `rkt`, `cri`, `containerd`, `cri-o`,
    /// `bpm` or `unknown`.
    public var type: String

    /// A container.
    public init(id: String, name: String, image: String, type: String) {
        self.id = id
        self.name = name
        self.image = image
        self.type = type
    }
}

extension ChiselContext {
    /// The containers known so far: those the capture's container events describe, and those only
    /// threads' cgroups name (with no name nor image), in sysdig's order (that of its hash table).
    /// Since protocol 1.5.
    public func containerTable() -> [ChiselContainerInfo] { host.containerTable() }
}

extension ChiselHostServices {
    /// No containers: the default for hosts older than 1.5.
    public func containerTable() -> [ChiselContainerInfo] { [] }
}
