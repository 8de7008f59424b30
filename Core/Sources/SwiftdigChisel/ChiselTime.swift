// SPDX-License-Identifier: Apache-2.0

/// A point of capture time given to ``Chisel/interval(_:)`` and ``Chisel/captureEnded(_:)``, with the
/// time since the previous call (sysdig passes `ts_s, ts_ns, delta`).
public struct ChiselTime: Sendable {
    /// Nanoseconds since the epoch.
    public let timestamp: UInt64
    /// Nanoseconds since the previous interval (for the end: since the capture's first event).
    public let delta: Int64

    /// A time and its delta.
    public init(timestamp: UInt64, delta: Int64) {
        self.timestamp = timestamp
        self.delta = delta
    }

    /// Whole seconds since the epoch (`ts_s`).
    public var seconds: UInt64 { timestamp / 1_000_000_000 }
    /// The nanoseconds past ``seconds`` (`ts_ns`).
    public var nanoseconds: UInt64 { timestamp % 1_000_000_000 }
}
