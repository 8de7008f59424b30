// SPDX-License-Identifier: Apache-2.0

/// Names, directories and file names of fds, and the names exit events give the fds they failed
/// to create.
extension FDFields {
    /// `fd.name` and `fd.containername` (the container id, `:` and the name).
    static func name(_ event: Event, _ c: FieldContext, _ t: ThreadInfo, _ fdi: FDInfo?, container: Bool) -> FieldResult {
        // A failed connect shows the address it tried, not the socket's name.
        let failedConnect = event.type == EventCode.connectX && (event.int64(0) ?? 0) < 0
        // The name's bytes as the fd keeps them: valid until the event is done with.
        if let fdi, !failedConnect, !container { return .bytes(fdi.sanitizedNameUTF8) }
        c.text.removeAll()
        if container {
            c.text.append(t.containerID)
            c.text.append(UInt8(ascii: ":"))
        }
        if let fdi, !failedConnect {
            c.text.append(fdi.sanitizedNameUTF8)
            return .text
        }
        return appendCreatorName(event, c, t, sanitize: false) ? .text : .none
    }

    /// `fd.directory` and `fd.containerdirectory`: the directory of a file, a directory itself.
    static func directory(
        _ event: Event, _ c: FieldContext, _ t: ThreadInfo, _ fdi: FDInfo?, container: Bool
    ) -> FieldResult {
        if let fdi, !(isFile(fdi) || fdi.type == .directory) { return .none }
        c.text.removeAll()
        if container {
            c.text.append(t.containerID)
            c.text.append(UInt8(ascii: ":"))
        }
        let start = c.text.count
        if let fdi {
            c.text.append(fdi.sanitizedNameUTF8)
            if isFile(fdi) { applyDirname(&c.text, from: start) }
            return .text
        }
        guard appendCreatorName(event, c, t, sanitize: true) else { return .none }
        applyDirname(&c.text, from: start)
        return .text
    }

    /// Cuts the path from `start` to its directory as libsinsp does: up to the last `/`, unless the
    /// path ends with it; `/` when the only `/` is the first byte or there is none.
    static func applyDirname(_ out: inout OutputBuffer, from start: Int) {
        let lastSlash = out.withUnsafeBytes { $0[start...].lastIndex(of: UInt8(ascii: "/")) }
        guard let slash = lastSlash, slash != start else {
            out.truncate(to: start)
            out.append(UInt8(ascii: "/"))
            return
        }
        if slash < out.count - 1 { out.truncate(to: slash) }
    }

    /// Appends the file name of `path` as libsinsp computes it on the sanitized path: after the last
    /// `/` (the whole path when it ends with `/`), or `/` when there is none.
    static func appendSanitizedBasename(of path: String, into out: inout OutputBuffer) {
        var kept = 0
        var lastSlash = -1
        for byte in path.utf8 where !PathResolution.isInvalid(byte) {
            if byte == UInt8(ascii: "/") { lastSlash = kept }
            kept += 1
        }
        if lastSlash < 0 {
            out.append(UInt8(ascii: "/"))
            return
        }
        let from = lastSlash < kept - 1 ? lastSlash + 1 : 0
        var index = 0
        for byte in path.utf8 where !PathResolution.isInvalid(byte) {
            if index >= from { out.append(byte) }
            index += 1
        }
    }

    /// Exit events whose second parameter names the fd they create (libsinsp takes its resolved
    /// form when it has one): open, creat, accept and connect.
    static let creatorsNamedByParameter: Set<UInt16> = [
        EventCode.openX, EventCode.creatX, EventCode.acceptX, EventCode.accept5X, EventCode.accept4X,
        EventCode.accept45X, EventCode.connectX,
    ]

    /// Appends the name an exit event gave the fd it meant to create (libsinsp's
    /// `extract_fdname_from_creator`), without unprintable bytes if `sanitize`; false when there is
    /// none. Other fd events name nothing: an empty name.
    static func appendCreatorName(_ event: Event, _ c: FieldContext, _ t: ThreadInfo, sanitize: Bool) -> Bool {
        let type = event.type
        if event.isEnter { return false }
        if creatorsNamedByParameter.contains(type) {
            c.renderer.render(event, 1, parser: c.parser)
            let renderer = c.renderer
            let rendered = renderer.resolved.count > 0 ? renderer.resolved : renderer.value
            rendered.withUnsafeBytes { raw in
                for byte in raw where !(sanitize && PathResolution.isInvalid(byte)) { c.text.append(byte) }
            }
            return true
        }
        switch type {
        case EventCode.openatX:
            // The name is in the enter event, which libsinsp has freed by the time it prints.
            return false
        case EventCode.openat2X, EventCode.openat2SyscallX:
            guard let name = event.param(2) else { return false }
            let base = directoryOf(name, dirfd: event.int64(1) ?? 0, c, t)
            let path = PathResolution.concatenate(Array(base.utf8), name).path
            for byte in path where !PathResolution.isInvalid(byte) { c.text.append(byte) }
            return true
        default:
            return true
        }
    }

    /// The directory a `*at` call resolves `name` against (libsinsp's `parse_dirfd`). As in libsinsp,
    /// looking up the directory fd makes it the event's fd for the fields that follow.
    static func directoryOf(_ name: UnsafeRawBufferPointer, dirfd: Int64, _ c: FieldContext, _ t: ThreadInfo) -> String {
        if name.first == UInt8(ascii: "/") { return "." }
        if dirfd == EventParser.atFDCWD { return c.state.cwd(of: t) }
        let dir = dirfd >= 0 ? c.state.fd(dirfd, of: t) : nil
        c.parser.fdInfo = dir
        guard let dir else { return "<UNKNOWN>" }
        return dir.name + "/"
    }

    /// The type letter of the fd an enter or exit event creates, for events that have no fd yet:
    /// keyed by the enter event's code. libsinsp takes every accept for IPv4.
    static let creatorTypeChars: [UInt16: UInt8] = [
        EventCode.openE: UInt8(ascii: "f"), EventCode.openatE: UInt8(ascii: "f"), EventCode.openat2E: UInt8(ascii: "f"),
        EventCode.openat2SyscallE: UInt8(ascii: "f"), EventCode.creatE: UInt8(ascii: "f"),
        EventCode.socketE: UInt8(ascii: "4"), EventCode.acceptX - 1: UInt8(ascii: "4"),
        EventCode.accept5X - 1: UInt8(ascii: "4"), EventCode.accept4X - 1: UInt8(ascii: "4"),
        EventCode.accept45X - 1: UInt8(ascii: "4"), EventCode.pipeX - 1: UInt8(ascii: "p"),
        EventCode.eventfdE: UInt8(ascii: "e"), EventCode.signalfdX - 1: UInt8(ascii: "s"),
        EventCode.timerfdCreateX - 1: UInt8(ascii: "t"), EventCode.inotifyInitX - 1: UInt8(ascii: "i"),
    ]

    /// The type letter for an fd event with no fd: the kind its call creates, or `o`.
    @inline(__always) static func typeCharOfCreator(_ type: UInt16) -> UInt8 {
        creatorTypeChars[type & ~1] ?? UInt8(ascii: "o")
    }
}
