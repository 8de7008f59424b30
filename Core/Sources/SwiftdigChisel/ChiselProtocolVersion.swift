// SPDX-License-Identifier: Apache-2.0

/// The version of the chisel protocol this library implements.
///
/// A plugin records the version it was built against in its entry point (see ``ChiselExport``). The
/// runner loads plugins of its own major version only: minor versions only add (new members with
/// defaults, new types), and the library is built with library evolution, so a plugin built against
/// 1.0 keeps working with 1.3. A change that breaks plugins bumps ``major``.
public enum ChiselProtocolVersion {
    /// Bumped by changes that break plugins built before them.
    public static let major: UInt32 = builtMajor
    /// Bumped by compatible additions.
    public static let minor: UInt32 = builtMinor

    /// The major version a client (plugin or runner) was compiled against: emitted into the client,
    /// where ``major`` is read from the library loaded at run time.
    @_alwaysEmitIntoClient public static var builtMajor: UInt32 { 1 }
    /// The minor version a client was compiled against.
    @_alwaysEmitIntoClient public static var builtMinor: UInt32 { 7 }

    /// Both numbers in one word, as entry points report them: `major << 16 | minor`.
    public static var packed: UInt32 { pack(major: major, minor: minor) }

    /// Packs a version the way entry points report it.
    /// - Returns: `major << 16 | minor`.
    @_alwaysEmitIntoClient
    public static func pack(major: UInt32, minor: UInt32) -> UInt32 { major << 16 | (minor & 0xFFFF) }

    /// `"1.0"` for a packed version.
    public static func text(_ packed: UInt32) -> String { "\(packed >> 16).\(packed & 0xFFFF)" }
}
