// SPDX-License-Identifier: Apache-2.0

extension ChiselFormat {
    /// `text` left-aligned in `width` columns, as C's `%-20s`; with `cut`, also cut to `width`
    /// bytes, as `%-20.20s`. Widths count bytes, as C's do. Since protocol 1.2.
    public static func left(_ text: String, _ width: Int, cut: Bool = false) -> String {
        let count = text.utf8.count
        if count < width { return text + String(repeating: " ", count: width - count) }
        if cut && count > width { return String(decoding: text.utf8.prefix(width), as: UTF8.self) }
        return text
    }

    /// `text` right-aligned in `width` columns, as C's `%12s` or `%12d`. Since protocol 1.2.
    public static func right(_ text: String, _ width: Int) -> String {
        let count = text.utf8.count
        return count < width ? String(repeating: " ", count: width - count) + text : text
    }
}

extension ChiselTerminal {
    /// The colours of `ansiterminal.lua` as a chisel uses them: escape sequences while enabled,
    /// empty strings once a chisel's `disable_color` argument turned them off. Since protocol 1.2.
    ///
    /// ```swift
    /// let palette = ChiselTerminal.Palette(enabled: arguments["disable_color"] != "disable_color")
    /// context.print(palette[.red] + "------ Read")
    /// ```
    public struct Palette: Sendable {
        /// Whether colours are written.
        public var enabled: Bool

        /// A palette, on or off.
        public init(enabled: Bool = true) { self.enabled = enabled }

        /// The escape sequence of `color`, or `""` when colours are off.
        public subscript(_ color: Color) -> String { enabled ? ChiselTerminal.color(color) : "" }

        /// The sequence that resets colours, or `""` when colours are off.
        public var reset: String { enabled ? ChiselTerminal.reset : "" }
    }
}
