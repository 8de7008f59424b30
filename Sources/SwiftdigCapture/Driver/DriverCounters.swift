// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// The driver's counters summed over all cpus (`-v`'s Driver Events and Driver Drops).
public struct DriverCounters: Sendable, Equatable {
    /// Records the driver put in the ring buffer.
    public var events: UInt64 = 0
    /// Records lost because the ring buffer was full.
    public var dropsBuffer: UInt64 = 0
    /// Records cut short because the driver's scratch space was too small.
    public var dropsScratch: UInt64 = 0

    /// Counters with the given values.
    public init(events: UInt64 = 0, dropsBuffer: UInt64 = 0, dropsScratch: UInt64 = 0) {
        self.events = events
        self.dropsBuffer = dropsBuffer
        self.dropsScratch = dropsScratch
    }

    /// Records lost, whatever the reason (truncated records are delivered, so they are not).
    public var drops: UInt64 { dropsBuffer }

    mutating func add(_ cpu: sd_counters) {
        events &+= cpu.events
        dropsBuffer &+= cpu.drops_buffer
        dropsScratch &+= cpu.drops_scratch
    }
}
