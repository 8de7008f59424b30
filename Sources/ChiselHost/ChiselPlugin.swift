// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

#if canImport(Glibc)
import Glibc
#endif

/// A chisel plugin loaded into the process: the shared object and the factory its entry point gave.
public final class ChiselPlugin {
    /// The file loaded.
    public let path: String
    /// The protocol version the plugin was built against (packed, see ``ChiselProtocolVersion``).
    public let protocolVersion: UInt32
    /// Makes the plugin's chisels.
    public let factory: ChiselFactory

    /// What the chisel says about itself.
    public var info: ChiselInfo { factory.info }

    /// Loads the plugin at `path` through its entry point, refusing plugins of another major version.
    /// The object stays loaded for the life of the process (chisel types must outlive their chisels).
    /// - Parameter name: the name the user asked for, for messages.
    /// - Throws: ``ChiselLoadError`` naming the chisel when the file does not load, has no entry point,
    ///   or was built for another protocol.
    public init(path: String, name: String) throws(ChiselLoadError) {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw ChiselLoadError("chisel \(name): cannot load \(path): \(Self.lastError())")
        }
        guard let symbol = dlsym(handle, ChiselExport.entrySymbol) else {
            dlclose(handle)
            throw ChiselLoadError("chisel \(name): \(path) is not a swiftdig chisel (no \(ChiselExport.entrySymbol))")
        }
        let entry = unsafeBitCast(symbol, to: ChiselExport.EntryFunction.self)
        var version: UInt32 = 0
        let raw = entry(&version)
        let ours = ChiselProtocolVersion.pack(major: ChiselProtocolVersion.builtMajor, minor: ChiselProtocolVersion.builtMinor)
        // The factory of another major version may not be ours: check before touching it.
        guard version >> 16 == ours >> 16, version & 0xFFFF <= ours & 0xFFFF, let raw else {
            throw ChiselLoadError(
                "chisel \(name): \(path) was built for chisel protocol \(ChiselProtocolVersion.text(version)), "
                    + "this swiftdig runs \(ChiselProtocolVersion.builtMajor).0 to \(ChiselProtocolVersion.text(ours)): rebuild it")
        }
        self.path = path
        self.protocolVersion = version
        self.factory = Unmanaged<ChiselFactory>.fromOpaque(raw).takeRetainedValue()
    }

    private static func lastError() -> String {
        dlerror().map { String(cString: $0) } ?? "unknown error"
    }
}
