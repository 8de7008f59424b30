// SPDX-License-Identifier: Apache-2.0

/// How `evt.outputtime` prints, chosen by `-t`.
public enum TimeFormat: Character, Sendable {
    /// `hh:mm:ss.nnnnnnnnn`, UTC (the default, `-t h`).
    case human = "h"
    /// Seconds since the epoch (`-t a`).
    case absolute = "a"
    /// Since the first event (`-t r`).
    case relative = "r"
    /// The latency of the event's system call (`-t d`).
    case latency = "d"
    /// Since the previous event printed (`-t D`).
    case delta = "D"
}

extension OutputBuffer {
    /// Appends `hh:mm:ss.nnnnnnnnn` (UTC) for a timestamp in nanoseconds.
    mutating func appendClock(_ ts: UInt64, nanoseconds: Bool = true) {
        let s = (ts / 1_000_000_000) % 86400
        let n = nanoseconds ? 18 : 8
        let p = reserve(n)
        Self.storeDigits(s / 3600, width: 2, at: p)
        p[2] = UInt8(ascii: ":")
        Self.storeDigits((s % 3600) / 60, width: 2, at: p + 3)
        p[5] = UInt8(ascii: ":")
        Self.storeDigits(s % 60, width: 2, at: p + 6)
        if nanoseconds {
            p[8] = UInt8(ascii: ".")
            Self.storeDigits(ts % 1_000_000_000, width: 9, at: p + 9)
        }
        commit(n)
    }

    /// Appends `s.nnnnnnnnn` for a duration in nanoseconds.
    mutating func appendSeconds(_ ns: UInt64) {
        append(decimal: ns / 1_000_000_000)
        append(UInt8(ascii: "."))
        append(decimal: ns % 1_000_000_000, zeroPaddedTo: 9)
    }
}
