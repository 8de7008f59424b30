// SPDX-License-Identifier: Apache-2.0

/// The section header block that opens a capture (and each section of a concatenated one).
///
/// Body: byte-order magic `0x1A2B3C4D` (u32), major version (u16), minor version (u16), section
/// length (u64, all ones when unknown), then optional pcapng-style options.
public struct SectionHeader: Sendable, Hashable {
    /// The byte-order magic of a capture written on a little-endian machine.
    public static let magic: UInt32 = 0x1A2B_3C4D
    /// The highest major version this reader understands.
    public static let supportedMajorVersion: UInt16 = 1

    /// The format's major version.
    public var majorVersion: UInt16
    /// The format's minor version.
    public var minorVersion: UInt16
    /// The section's length in bytes, `UInt64.max` when unknown (as every writer leaves it).
    public var sectionLength: UInt64
    /// The options after the fixed fields (comments and the like). libscap 0.29.3 cannot read a
    /// section header that has any.
    public var options: [BlockOption]

    /// Creates a section header; the defaults are what sysdig writes (version 1.2).
    public init(
        majorVersion: UInt16 = 1, minorVersion: UInt16 = 2, sectionLength: UInt64 = .max, options: [BlockOption] = []
    ) {
        self.majorVersion = majorVersion
        self.minorVersion = minorVersion
        self.sectionLength = sectionLength
        self.options = options
    }
}
