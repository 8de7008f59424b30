// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// The core's threads are what chisels see: the conformance adds names, not storage, so handing a
/// thread to a chisel costs no allocation.
extension ThreadInfo: @retroactive ChiselThreadView {
    public var parentPid: Int64 { ptid }
    public var processName: String { comm }
    public var executable: String { exe }
    public var executablePath: String { exepath }
    public var arguments: [String] { args }
    public var workingDirectory: String { cwd }
    public var virtualTid: Int64 { vtid }
    public var virtualPid: Int64 { vpid }
}

/// The current event's fd as chisels see it; the runner reuses one object for every event.
final class HostFDView: ChiselFDView {
    var info = FDInfo(type: .unknown)
    var number: Int64 = -1
    var name: String { info.name }
    var typeName: String { info.type.typeName }
    var typeLetter: Character { Character(Unicode.Scalar(info.type.typeChar)) }
    var isNetworkSocket: Bool { info.type == .ipv4Socket || info.type == .ipv6Socket }
}
