// SPDX-License-Identifier: Apache-2.0

/// The machine info block (`scap_machine_info`, packed, 180 bytes):
///
/// | offset | size | field |
/// | --- | --- | --- |
/// | 0 | 4 | number of cpus |
/// | 4 | 8 | physical memory, bytes |
/// | 12 | 8 | highest pid |
/// | 20 | 128 | hostname, NUL-padded |
/// | 148 | 8 | boot time, ns since the epoch (newer libs; reserved in 0.29.3) |
/// | 156 | 8 | flags (newer libs; reserved in 0.29.3) |
/// | 164 | 16 | two reserved u64 |
///
/// There is no cpu frequency or page size in the block, in any version.
public struct MachineInfo: Sendable, Hashable {
    /// The size of the block body.
    public static let bodySize = 180

    /// The block type; ``ScapBlockType/machineInfo`` or ``ScapBlockType/machineInfoInt``.
    public var blockType: ScapBlockType
    /// Number of processors.
    public var numCPUs: UInt32
    /// Physical memory size in bytes.
    public var memorySizeBytes: UInt64
    /// The highest pid of the machine.
    public var maxPID: UInt64
    /// The host name (up to its first NUL; at most 127 bytes are written).
    public var hostname: ByteString
    /// Host boot time in ns since the epoch (`reserved1` in libscap 0.29.3, 0 there).
    public var bootTimeEpochNs: UInt64
    /// Machine flags (`reserved2` in libscap 0.29.3).
    public var flags: UInt64
    /// Reserved.
    public var reserved3: UInt64
    /// Reserved.
    public var reserved4: UInt64

    /// Creates a machine info record.
    public init(
        blockType: ScapBlockType = .machineInfo, numCPUs: UInt32, memorySizeBytes: UInt64, maxPID: UInt64,
        hostname: ByteString, bootTimeEpochNs: UInt64 = 0, flags: UInt64 = 0, reserved3: UInt64 = 0,
        reserved4: UInt64 = 0
    ) {
        self.blockType = blockType
        self.numCPUs = numCPUs
        self.memorySizeBytes = memorySizeBytes
        self.maxPID = maxPID
        self.hostname = hostname
        self.bootTimeEpochNs = bootTimeEpochNs
        self.flags = flags
        self.reserved3 = reserved3
        self.reserved4 = reserved4
    }
}
