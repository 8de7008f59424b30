// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// What the driver is told when it starts: the driver's `struct sd_settings`.
public struct DriverSettings: Sendable, Equatable {
    /// Bytes of I/O buffers to collect (sysdig's `-s`).
    public var snaplen: UInt32 = 80
    /// The process whose events are hidden (ours, unless `-D`); nil hides none.
    public var ignoredProcess: Int32?
    /// Whether user page faults are captured (`--page-faults`); they cost a program on a hot path.
    public var pageFaults = false

    /// Settings with sysdig's defaults: snaplen 80, nothing hidden, no page faults.
    public init(snaplen: UInt32 = 80, ignoredProcess: Int32? = nil, pageFaults: Bool = false) {
        self.snaplen = snaplen
        self.ignoredProcess = ignoredProcess
        self.pageFaults = pageFaults
    }

    /// The largest snaplen the driver honours: one read into its scratch space.
    public static let maximumSnaplen: UInt32 = 65535

    /// The map value, with capture on or off.
    func mapValue(enabled: Bool) -> sd_settings {
        sd_settings(
            snaplen: min(snaplen, Self.maximumSnaplen),
            ignored_tgid: UInt32(bitPattern: ignoredProcess ?? 0),
            page_faults: pageFaults ? 1 : 0,
            enabled: enabled ? 1 : 0
        )
    }
}
