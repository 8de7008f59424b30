// SPDX-License-Identifier: Apache-2.0
import CLibBPF
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// libbpf's messages: kept rather than printed, so an error can quote the first warning of a
/// failure (the later ones say "failed to load object" and the verifier's log). With
/// SWIFTDIG_LIBBPF_DEBUG set they also go to stderr (the verifier's log among them).
enum LibBPFLog {
    private static let first = Mutex<String>("")
    private static let installed = Mutex<Bool>(false)

    /// Routes libbpf's printing here (once per process).
    static func install() {
        installed.withLock { done in
            guard !done else { return }
            done = true
            _ = libbpf_set_print(printer)
        }
    }

    /// The first warning libbpf printed since the last call, and forgets it.
    static func takeWarning() -> String {
        first.withLock { text in
            defer { text = "" }
            return text
        }
    }

    private static let printer: libbpf_print_fn_t = { level, format, arguments in
        guard let format, let arguments else { return 0 }
        var buffer = [CChar](repeating: 0, count: 1024)
        let n = vsnprintf(&buffer, buffer.count, format, arguments)
        guard n > 0 else { return 0 }
        let bytes = buffer[..<min(Int(n), buffer.count - 1)].map { UInt8(bitPattern: $0) }
        let line = String(decoding: bytes, as: UTF8.self).trimmingTrailingNewlines()
        if getenv("SWIFTDIG_LIBBPF_DEBUG") != nil {
            let text = line + "\n"
            _ = text.withCString { write(STDERR_FILENO, $0, strlen($0)) }
        }
        if level == LIBBPF_WARN, line.hasPrefix("libbpf: ") {
            LibBPFLog.first.withLock { kept in
                if kept.isEmpty {
                    kept = String(line.dropFirst("libbpf: ".count))
                }
            }
        }
        return n
    }
}

extension String {
    fileprivate func trimmingTrailingNewlines() -> String {
        var text = self
        while text.last == "\n" {
            text.removeLast()
        }
        return text
    }
}
