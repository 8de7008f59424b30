// SPDX-License-Identifier: Apache-2.0

/// `-M`: a run that stops once its events span a duration, counted as sysdig 0.29.3 counts it: on
/// event times, from the first event delivered, stopping at the first event delivered past it.
public struct DurationLimit: Sendable {
    /// The duration, in nanoseconds.
    public let nanoseconds: UInt64
    private var start: UInt64 = 0

    /// A limit of `nanoseconds`, its clock not started.
    public init(nanoseconds: UInt64) {
        self.nanoseconds = nanoseconds
    }

    /// Whether the delivered event at `timestamp` is past the limit (the first one starts the clock).
    public mutating func isReached(at timestamp: UInt64) -> Bool {
        if start == 0 {
            start = timestamp
            return false
        }
        return timestamp &- start >= nanoseconds
    }
}
