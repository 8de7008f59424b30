// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Numbers and text as sysdig's chisels write them (the helpers of its `common.lua`).
public enum ChiselFormat {
    /// A byte count with a unit: `512B`, `11.40KB`, `3.25M`, `1.00G` (`format_bytes`).
    public static func bytes(_ value: Double) -> String {
        let kb = 1024.0, mb = kb * 1024, gb = mb * 1024, tb = gb * 1024, pb = tb * 1024
        if value > pb { return printf("%.2fP", value / pb) }
        if value > tb { return printf("%.2fT", value / tb) }
        if value > gb { return printf("%.2fG", value / gb) }
        if value > mb { return printf("%.2fM", value / mb) }
        if value > kb { return printf("%.2fKB", value / kb) }
        return printf("%dB", Int64(value))
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
    public static func percent(_ value: Double) -> String { printf("%.2f%%", value) }

    /// C's `snprintf` with one number (the rounding sysdig's output has).
    private static func printf(_ format: String, _ value: any CVarArg) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func twoDigits(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
