// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Why a snapshot could not be taken.
public enum SnapshotError: Error, CustomStringConvertible {
    /// The /proc folder could not be listed.
    case cannotList(String, errno: Int32)
    /// The network interfaces could not be listed.
    case cannotListInterfaces(errno: Int32)

    /// A message for the user.
    public var description: String {
        switch self {
        case let .cannotList(path, code): "cannot list \(path): \(String(cString: strerror(code)))"
        case let .cannotListInterfaces(code): "cannot list the network interfaces: \(String(cString: strerror(code)))"
        }
    }
}
