// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore

/// The machine info block as libscap 0.29.3 fills it for a live capture: online processors,
/// physical memory, host name; the highest pid and the reserved fields stay 0.
enum MachineInfoReader {
    static func read() -> MachineInfo {
        var name = [CChar](repeating: 0, count: 128)
        _ = gethostname(&name, name.count)
        let hostname = name.withUnsafeBytes { ByteString(cString: $0) }
        let pages = UInt64(max(sysconf(Int32(_SC_PHYS_PAGES)), 0))
        let pageSize = UInt64(max(sysconf(Int32(_SC_PAGESIZE)), 0))
        return MachineInfo(
            numCPUs: UInt32(truncatingIfNeeded: sysconf(Int32(_SC_NPROCESSORS_ONLN))),
            memorySizeBytes: pages &* pageSize, maxPID: 0, hostname: hostname)
    }
}
