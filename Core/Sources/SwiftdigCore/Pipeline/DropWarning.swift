// SPDX-License-Identifier: Apache-2.0

/// The line a live run ends with when the driver lost events: the run did not keep up, and what it
/// printed or wrote is missing events.
public enum DropWarning {
    /// `swiftdig: warning: the driver dropped D events (...)`; empty when it dropped none.
    public static func line(_ counters: CaptureStatistics) -> String {
        guard counters.drops > 0 else { return "" }
        return "swiftdig: warning: the driver dropped \(counters.drops) events (it delivered \(counters.events)): "
            + "its buffer filled faster than swiftdig read it, and the output misses them (Driver Drops in -v)"
    }
}
