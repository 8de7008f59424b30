// SPDX-License-Identifier: Apache-2.0

extension OutputBuffer {
    /// Appends `YYYY-MM-DD` (UTC) for a timestamp in nanoseconds since the epoch.
    mutating func appendDate(_ ts: UInt64) {
        // Days since 1970-01-01 to a proleptic Gregorian date, by 400-year eras (Howard Hinnant's
        // days_from_civil, inverted).
        let days = Int64(ts / 1_000_000_000 / 86400) + 719_468
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        append(decimal: UInt64(year), zeroPaddedTo: 4)
        append(UInt8(ascii: "-"))
        append(decimal: UInt64(month), zeroPaddedTo: 2)
        append(UInt8(ascii: "-"))
        append(decimal: UInt64(day), zeroPaddedTo: 2)
    }
}
