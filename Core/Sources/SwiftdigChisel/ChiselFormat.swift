// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Numbers and text as sysdig's chisels write them (the helpers of its `common.lua`).
public enum ChiselFormat {
    /// A byte count with a unit: `512B`, `11.40KB`, `3.25M`, `1.00G` (`format_bytes`).
    public static func bytes(_ value: Double) -> String {
        let kb = 1024.0, mb = kb * 1024, gb = mb * 1024, tb = gb * 1024, pb = tb * 1024
        if value > pb { return fixed(value / pb) + "P" }
        if value > tb { return fixed(value / tb) + "T" }
        if value > gb { return fixed(value / gb) + "G" }
        if value > mb { return fixed(value / mb) + "M" }
        if value > kb { return fixed(value / kb) + "KB" }
        return printf("%dB", integer(value))
    }

    /// A duration in nanoseconds with a unit: `1.10s`, `15ms`, `2.50ms`, `12us`, `1.50us`, `800ns`
    /// (`format_time_interval`).
    public static func timeInterval(_ nanoseconds: UInt64) -> String {
        let s: UInt64 = 1_000_000_000, ms: UInt64 = 1_000_000, us: UInt64 = 1_000
        let v = nanoseconds
        if v >= s { return "\(v / s).\(twoDigits((v % s) / 10_000_000))s" }
        if v >= s / 100 { return "\(v / ms)ms" }
        if v >= s / 1000 { return "\(v / ms).\(twoDigits((v % ms) / 10_000))ms" }
        if v >= s / 100_000 { return "\(v / us)us" }
        if v >= s / 1_000_000 { return "\(v / us).\(twoDigits((v % us) / 10))us" }
        return "\(v)ns"
    }

    /// `text` padded with spaces to `width`, or cut to `width - 1` characters and a space when it
    /// does not fit (`extend_string`: columns stay separated).
    public static func padded(_ text: String, to width: Int) -> String {
        let count = text.utf8.count
        if count < width { return text + String(repeating: " ", count: width - count) }
        guard width > 0 else { return "" }
        return String(decoding: text.utf8.prefix(width - 1), as: UTF8.self) + " "
    }

    /// A number as Lua's `tostring` writes it (`%.14g`): integers without a fraction.
    public static func number(_ value: Double) -> String { printf("%.14g", value) }

    /// A percentage with two decimals: `12.50%`.
    public static func percent(_ value: Double) -> String { fixed(value) + "%" }

    /// `value` with two decimals as sysdig's Lua (LuaJIT 2.1) writes `%.2f`: the exact decimal value
    /// rounded half away from zero, where C rounds exact halves to even (8.125 is `8.13`, not `8.12`).
    static func fixed(_ value: Double) -> String {
        // 70 decimals hold every double from 1e-3 up exactly; the rounding digit is what matters.
        var digits = Array(printf("%.70f", value).utf8)
        guard let point = digits.firstIndex(of: UInt8(ascii: ".")) else { return printf("%.2f", value) }
        let last = point + 2
        let roundsUp = digits[last + 1] >= UInt8(ascii: "5")
        digits.removeSubrange((last + 1)...)
        if roundsUp {
            let firstDigit = digits.first == UInt8(ascii: "-") ? 1 : 0
            var i = digits.count - 1
            while i >= firstDigit {
                if digits[i] == UInt8(ascii: ".") { i -= 1; continue }
                guard digits[i] == UInt8(ascii: "9") else { digits[i] += 1; break }
                digits[i] = UInt8(ascii: "0")
                i -= 1
            }
            if i < firstDigit { digits.insert(UInt8(ascii: "1"), at: firstDigit) }
        }
        return String(decoding: digits, as: UTF8.self)
    }

    /// C's `snprintf` with one number.
    static func printf(_ format: String, _ value: any CVarArg) -> String {
        var buffer = [CChar](repeating: 0, count: 400)  // %.70f of up to 1e300
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func twoDigits(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// `value` without its fraction, as C's cast does for the values runs produce; NaN is 0 and
    /// values beyond `Int64` are its ends (merged partials may hold any double: no trap).
    static func integer(_ value: Double) -> Int64 {
        if value.isNaN { return 0 }
        if value >= 9_223_372_036_854_775_807 { return .max }
        if value <= -9_223_372_036_854_775_808 { return .min }
        return Int64(value)
    }

    /// ``integer(_:)`` for counts of nanoseconds: negative values and NaN are 0.
    static func nanoseconds(_ value: Double) -> UInt64 {
        if value.isNaN || value <= 0 { return 0 }
        if value >= 18_446_744_073_709_551_615 { return .max }
        return UInt64(value)
    }
}
