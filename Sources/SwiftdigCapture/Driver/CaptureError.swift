// SPDX-License-Identifier: Apache-2.0
#if canImport(Glibc)
import Glibc
#endif

/// Why live capture could not start or go on, in one line a user can act on: what is missing
/// (root, BTF, the driver object) or what the kernel said (libbpf's error with its errno text).
public struct CaptureError: Error, CustomStringConvertible, Equatable {
    /// The line to show.
    public let description: String

    /// An error with the given line.
    public init(_ description: String) {
        self.description = description
    }

    /// Live capture needs privileges this process lacks.
    public static let notPermitted = CaptureError("live capture needs root (CAP_BPF and CAP_PERFMON)")

    /// The kernel exposes no BTF, which CO-RE needs.
    public static let noBTF = CaptureError("this kernel has no BTF (/sys/kernel/btf/vmlinux missing)")

    /// The driver object is nowhere the loader looks.
    public static func objectNotFound(searched: [String]) -> CaptureError {
        CaptureError("cannot find the driver object swiftdig.bpf.o (looked in \(searched.joined(separator: ", ")))")
    }

    /// A libbpf or system call failure: what we were doing, errno's text, and libbpf's last
    /// warning when it left one.
    static func system(_ doing: String, errno code: Int32, detail: String? = nil) -> CaptureError {
        if code == EPERM || code == EACCES {
            return .notPermitted
        }
        var line = "\(doing): \(String(cString: strerror(code)))"
        if let detail, !detail.isEmpty {
            line += " (\(detail))"
        }
        return CaptureError(line)
    }
}
