// SPDX-License-Identifier: Apache-2.0

/// The open flags of `/proc/PID/fdinfo/FD` (the kernel's `O_*` bits, x86-64 values) turned into the
/// `PPM_O_*` flags of the capture format, as libscap 0.29.3's `open_flags_to_scap` does.
enum OpenFlagTable {
    /// Each kernel mask and the flag it sets when any of its bits is set. libscap tests masks
    /// with `&`, so `O_SYNC` (which includes `O_DSYNC`'s bit) also sets `PPM_O_SYNC` for a
    /// `O_DSYNC` file, and `O_TMPFILE` (which includes `O_DIRECTORY`'s bit) likewise. glibc's
    /// `O_LARGEFILE` is 0 on x86-64, so `PPM_O_LARGEFILE` never comes from /proc.
    static let bits: [(kernel: UInt64, ppm: UInt32)] = [
        (0o100, 1 << 2),  // O_CREAT → PPM_O_CREAT
        (0o20_200_000, 1 << 13),  // O_TMPFILE → PPM_O_TMPFILE
        (0o2000, 1 << 3),  // O_APPEND → PPM_O_APPEND
        (0o10000, 1 << 4),  // O_DSYNC → PPM_O_DSYNC
        (0o200, 1 << 5),  // O_EXCL → PPM_O_EXCL
        (0o4000, 1 << 6),  // O_NONBLOCK → PPM_O_NONBLOCK
        (0o4_010_000, 1 << 7),  // O_SYNC → PPM_O_SYNC
        (0o1000, 1 << 8),  // O_TRUNC → PPM_O_TRUNC
        (0o40000, 1 << 9),  // O_DIRECT → PPM_O_DIRECT
        (0o200_000, 1 << 10),  // O_DIRECTORY → PPM_O_DIRECTORY
        (0o2_000_000, 1 << 12),  // O_CLOEXEC → PPM_O_CLOEXEC
    ]

    /// `PPM_O_RDONLY`, `PPM_O_WRONLY` and `PPM_O_RDWR` by the access mode (the low two bits);
    /// mode 3 counts as read-only, as in libscap.
    static let accessModes: [UInt32] = [1 << 0, 1 << 1, 3, 1 << 0]

    /// The `PPM_O_*` flags for the kernel flags `flags`.
    static func ppmFlags(_ flags: UInt64) -> UInt32 {
        var result = accessModes[Int(flags & 3)]
        for entry in bits where flags & entry.kernel != 0 { result |= entry.ppm }
        return result
    }
}
