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
        let sec = ts / 1_000_000_000
        let s = sec % 86400
        append(decimal: s / 3600, zeroPaddedTo: 2)
        append(UInt8(ascii: ":"))
        append(decimal: (s % 3600) / 60, zeroPaddedTo: 2)
        append(UInt8(ascii: ":"))
        append(decimal: s % 60, zeroPaddedTo: 2)
        if nanoseconds {
            append(UInt8(ascii: "."))
            append(decimal: ts % 1_000_000_000, zeroPaddedTo: 9)
        }
    }

    /// Appends `s.nnnnnnnnn` for a duration in nanoseconds.
    mutating func appendSeconds(_ ns: UInt64) {
        append(decimal: ns / 1_000_000_000)
        append(UInt8(ascii: "."))
        append(decimal: ns % 1_000_000_000, zeroPaddedTo: 9)
    }
}
