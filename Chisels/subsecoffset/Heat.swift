// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SwiftdigChisel

/// What sysdig's `subsecoffset` and `spectrogram` share: the `refresh_time` argument, the terminal
/// they need, calls counted by column and each refresh period's line of 256-colour cells, from
/// green (few calls a second) to red (thousands), with its scale below.
final class HeatMap {
    private static let colors = [22, 28, 64, 34, 2, 76, 46, 118, 154, 191, 227, 226, 11, 220, 209, 208, 202, 197, 9, 1]
    private static let characters = [" ", "░", "▒", "░"]

    private let context: ChiselContext
    /// The refresh period in nanoseconds.
    private(set) var refreshTime: Double
    /// Standard output's width in columns (`sysdig.get_terminal_info().width`).
    private(set) var width = 0
    /// Whether the run ended at `initialize` (a `refresh_time` that is not a number).
    private(set) var stopped = false
    private var counts: [Int: Int] = [:]

    /// Reads `refresh_time` (ms) and checks for a terminal as sysdig's `on_set_arg` and `on_init`
    /// do: a bad number prints common.lua's message and ends the run cleanly; no terminal fails.
    init(_ context: ChiselContext, _ arguments: ChiselArguments, refreshTime: Double) throws {
        self.context = context
        self.refreshTime = refreshTime
        if let text = arguments["refresh_time"] {
            guard let ms = Double(text) else {
                context.print("Input refresh_time must be a number.")
                context.endCapture()
                stopped = true
                return
            }
            self.refreshTime = ms * 1_000_000
        }
        guard context.environment.isTerminal else {
            context.print("This chisel only works on ANSI terminals. Aborting.")
            throw ChiselError("init() for chisel \(context.chiselName) failed.")
        }
        var size = winsize()
        width = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : 0
        context.output.write(ChiselTerminal.hideCursor)
    }

    /// Starts the refresh periods (`on_capture_start`).
    func start() {
        if !stopped { context.setInterval(nanoseconds: UInt64(refreshTime)) }
    }

    /// Counts a call in `column`.
    func add(_ column: Int) { counts[column, default: 0] += 1 }

    /// Draws the period's columns 1 to `width` (an empty one sets `emptyColors` and is a space),
    /// then the scale: where `x * divisions / width` steps, `label(x, step)` if it gives one.
    func draw(emptyColors: String, divisions: Int, label: (Int, Double) -> String?) {
        let out = context.output
        out.write(ChiselTerminal.moveUp(1))
        for x in stride(from: 1, through: width, by: 1) {
            if let n = counts[x], n != 0 { out.write(cell(n)) } else { out.write(emptyColors + " ") }
        }
        out.write(ChiselTerminal.reset + "\n")
        var x = 0
        while x < width {
            let step = (Double(x * divisions) / Double(width)).rounded(.down)
            let previous = (Double((x - 1) * divisions) / Double(width)).rounded(.down)
            if step != previous, let text = label(x, step) {
                out.write(text)
                x += text.utf8.count
            } else {
                out.write(" ")
                x += 1
            }
        }
        out.write("\n")
        counts = [:]
    }

    /// Resets the colours and shows the cursor (`on_capture_end`).
    func finish() {
        context.print(ChiselTerminal.reset)
        context.output.write(ChiselTerminal.showCursor)
    }

    static func foreground(_ color: Int) -> String { "\u{1B}[38;5;\(color)m" }
    static func background(_ color: Int) -> String { "\u{1B}[48;5;\(color)m" }

    /// One cell for `count` calls in a period (`mkcol`): colours and a shade character; past 75%
    /// of the way to the next colour, a light shade with the colours swapped.
    private func cell(_ count: Int) -> String {
        let perSecond = 1_000_000_000 / refreshTime
        let level = min(max(log10(Double(count) * perSecond + 1) / log10(1.6), 1), Double(Self.colors.count))
        let low = Self.colors[Int(level.rounded(.down)) - 1], high = Self.colors[Int(level.rounded(.up)) - 1]
        let delta = level - level.rounded(.down)
        let character = Self.characters[Int((delta * Double(Self.characters.count)).rounded(.down))]
        let (fg, bg) = delta > 0.75 ? (high, low) : (low, high)
        return Self.foreground(fg) + Self.background(bg) + character
    }
}
