// SPDX-License-Identifier: Apache-2.0

/// ANSI terminal control as sysdig's chisels use it (its `ansiterminal.lua`): for chisels that
/// redraw a screen while capturing live.
public enum ChiselTerminal {
    /// Clears the screen.
    public static let clearScreen = "\u{1B}[2J"
    /// Clears the current line.
    public static let clearLine = "\u{1B}[2K"
    /// Hides the cursor.
    public static let hideCursor = "\u{1B}[?25l"
    /// Shows the cursor.
    public static let showCursor = "\u{1B}[?25h"
    /// Resets colours and attributes.
    public static let reset = "\u{1B}[0m"

    /// Moves the cursor to row `x`, column `y` (sysdig's `moveto(x, y)` order).
    public static func move(to x: Int, _ y: Int) -> String { "\u{1B}[\(x);\(y)H" }

    /// Moves the cursor up `lines` lines, to their start.
    public static func moveUp(_ lines: Int) -> String { "\u{1B}[\(lines)F" }

    /// A colour or attribute; `text` between `color(.red)` and ``reset`` shows in red.
    public static func color(_ color: Color) -> String { "\u{1B}[\(color.rawValue)m" }

    /// The colours and attributes of `ansiterminal.lua`.
    public enum Color: Int, Sendable {
        /// Bright text.
        case bright = 1
        /// Dim text.
        case dim = 2
        /// Underlined text.
        case underscore = 4
        /// Blinking text.
        case blink = 5
        /// Reversed colours.
        case reverse = 7
        /// Black text.
        case black = 30
        /// Red text.
        case red = 31
        /// Green text.
        case green = 32
        /// Yellow text.
        case yellow = 33
        /// Blue text.
        case blue = 34
        /// Magenta text.
        case magenta = 35
        /// Cyan text.
        case cyan = 36
        /// White text.
        case white = 37
    }
}
