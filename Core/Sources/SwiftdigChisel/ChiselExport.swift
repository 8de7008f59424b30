// SPDX-License-Identifier: Apache-2.0

/// Makes chisels of one type: what a plugin's entry point hands the runner.
public final class ChiselFactory {
    /// The chisel type.
    public let chiselType: any Chisel.Type

    /// A factory of `chiselType`.
    public init(_ chiselType: any Chisel.Type) { self.chiselType = chiselType }

    /// What the chisel says about itself.
    public var info: ChiselInfo { chiselType.info }

    /// A new chisel.
    public func make() -> any Chisel { chiselType.init() }
}

/// The one C entry point of a chisel plugin.
///
/// Every plugin exports a function named ``entrySymbol`` with the C type ``EntryFunction``: it writes
/// the protocol version the plugin was built against and returns a retained ``ChiselFactory``. The
/// runner checks the version before it touches the factory. Write it once per plugin:
///
/// ```swift
/// @_cdecl("swiftdig_chisel_entry")
/// public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
///     ChiselExport.entry(MyChisel.self, version)
/// }
/// ```
public enum ChiselExport {
    /// The name of the entry point.
    public static let entrySymbol = "swiftdig_chisel_entry"

    /// The entry point's C type: writes the packed protocol version, returns a retained factory.
    public typealias EntryFunction = @convention(c) (UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer?

    /// The body of a plugin's entry point for `type`.
    ///
    /// Compiled into the plugin (not called in this library), so the version written is the one the
    /// plugin was built against.
    @_alwaysEmitIntoClient
    public static func entry(_ type: any Chisel.Type, _ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
        version.pointee = ChiselProtocolVersion.pack(major: ChiselProtocolVersion.builtMajor, minor: ChiselProtocolVersion.builtMinor)
        return Unmanaged.passRetained(ChiselFactory(type)).toOpaque()
    }
}
