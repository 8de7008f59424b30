// SPDX-License-Identifier: Apache-2.0

/// Closed fds kept for the next opens to reuse: an open otherwise allocates an ``FDInfo`` and its
/// name's byte buffer, and its close frees both.
///
/// A closed fd is reused only when nothing else holds it (the parser's current fd, a chisel, a
/// copy of the table): `isKnownUniquelyReferenced` tells. Unmanaged references (the last-fd caches)
/// never outlive their fd's place in its table, which a closed fd has left.
struct FDPool {
    /// Closed fds, the latest last.
    private var closed: [FDInfo] = []
    /// At most this many are kept: opens and closes mostly alternate.
    private static let limit = 8

    /// Keeps `info`, which was just removed from its table, for reuse. (Consumed: the table's
    /// reference moves here without a retain and a release.)
    mutating func retire(_ info: consuming FDInfo) {
        if closed.count < Self.limit { closed.append(info) }
    }

    /// A new fd as ``FDInfo/init(type:nameUTF8:)`` makes it, reusing the latest closed one if nothing
    /// holds it any more.
    mutating func make(type: FDType, nameUTF8: UnsafeRawBufferPointer) -> FDInfo {
        if !closed.isEmpty {
            // One still held now will probably stay held: let go of it either way.
            if isKnownUniquelyReferenced(&closed[closed.count - 1]) {
                let info = closed.removeLast()
                info.reuse(type: type, nameUTF8: nameUTF8)
                return info
            }
            closed.removeLast()
        }
        return FDInfo(type: type, nameUTF8: nameUTF8)
    }
}
