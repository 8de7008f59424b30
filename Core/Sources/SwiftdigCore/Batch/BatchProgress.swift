// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// The progress bar of a batch on standard error: files done of all, bytes read of all (by file
/// size), events per second and the time left, redrawn in place at most five times a second.
///
/// `[########------------]  12/40 files  340.2/1200.0 MB  1.9M ev/s  0:42 left`
public final class BatchProgress {
    /// Whether the bar is drawn at all.
    public let isEnabled: Bool
    /// The size of each file in bytes (0 for a file that cannot be examined), in batch order.
    public let fileSizes: [UInt64]
    /// The bytes of all the files.
    public let totalBytes: UInt64
    private var totalFiles: Int { fileSizes.count }
    private let started = BatchProgress.now()
    private var lastDrawn = 0.0
    /// Whether a bar is on the screen (to be blanked before other text is written).
    private var isShown = false

    /// A bar over the files at `paths` (their sizes are looked up once, here), drawn when `enabled`.
    public init(files paths: [String], enabled: Bool) {
        isEnabled = enabled
        fileSizes = Self.sizes(of: paths)
        totalBytes = fileSizes.reduce(0, +)
    }

    /// The bytes of the first `count` files (those read when files are read in order).
    public func bytes(ofFirst count: Int) -> UInt64 { fileSizes[..<count].reduce(0, +) }

    /// The sizes of `paths` in bytes (0 for a file that cannot be examined).
    static func sizes(of paths: [String]) -> [UInt64] {
        paths.map { path in
            var info = stat()
            return stat(path, &info) == 0 ? UInt64(info.st_size) : 0
        }
    }

    /// Draws the bar for `files` done, `bytes` of them read and `events` read (`nil`: not known, not
    /// shown), unless it was drawn less than 0.2 s ago (`force` draws anyway).
    public func update(files: Int, bytes: UInt64, events: UInt64?, force: Bool = false) {
        guard isEnabled else { return }
        let now = Self.now()
        guard force || now - lastDrawn >= 0.2 else { return }
        lastDrawn = now
        let elapsed = max(now - started, 0.001)
        let fraction = totalBytes > 0 ? Double(bytes) / Double(totalBytes) : Double(files) / Double(max(totalFiles, 1))
        let width = 20
        let filled = min(width, Int(fraction * Double(width)))
        var line = "\r[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
        line += "  \(files)/\(totalFiles) files  \(Self.megabytes(bytes))/\(Self.megabytes(totalBytes)) MB"
        if let events { line += "  \(Self.rate(Double(events) / elapsed)) ev/s" }
        if fraction > 0 && fraction < 1 {
            line += "  \(Self.clock(elapsed * (1 - fraction) / fraction)) left"
        }
        write(line + "\u{1B}[K")
        isShown = true
    }

    /// Blanks the bar, before other text goes to the terminal (the next update draws it again).
    public func clear() {
        guard isShown else { return }
        write("\r\u{1B}[K")
        isShown = false
        lastDrawn = 0
    }

    /// Draws the bar a last time and ends its line.
    public func finish(files: Int, bytes: UInt64, events: UInt64?) {
        guard isEnabled else { return }
        update(files: files, bytes: bytes, events: events, force: true)
        write("\n")
        isShown = false
    }

    private func write(_ text: String) {
        var out = OutputBuffer(capacity: 256)
        out.append(text)
        out.flush(to: 2)
    }

    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// `1234.5` for 1 234 500 000 bytes (millions, as `-C` counts them).
    static func megabytes(_ bytes: UInt64) -> String { oneDecimal(Double(bytes) / 1e6) }

    /// `950`, `12.3K`, `1.9M`.
    static func rate(_ perSecond: Double) -> String {
        if perSecond >= 1e6 { return oneDecimal(perSecond / 1e6) + "M" }
        if perSecond >= 1e4 { return oneDecimal(perSecond / 1e3) + "K" }
        return String(Int(perSecond))
    }

    /// `h:mm:ss` or `m:ss`.
    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let two = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
