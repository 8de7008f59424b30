// SPDX-License-Identifier: Apache-2.0

/// What a thread's `status` and `stat` files tell, filled as libscap 0.29.3's
/// `scap_proc_fill_info_from_stats` fills it (its defaults included).
struct ProcStatus {
    /// `Tgid`.
    var pid: Int64?
    /// The effective uid (second number of `Uid`).
    var uid: UInt32 = 0xFFFF_FFFF
    /// The effective gid (second number of `Gid`).
    var gid: UInt32 = 0
    /// `PPid`; libscap starts from `(uint32_t)-1`.
    var ptid: Int64 = 0xFFFF_FFFF
    var vmsizeKB: UInt32 = 0
    var vmrssKB: UInt32 = 0
    var vmswapKB: UInt32 = 0
    /// The tid in the innermost pid namespace (`NSpid`'s second number, else the tid).
    var vtid: Int64 = 0
    /// The pid in the innermost pid namespace (`NStgid`).
    var vpid: Int64 = 0
    /// The process group in the innermost pid namespace, else the global one (`stat`).
    var vpgid: Int64 = 0
    var sid: Int64 = 0
    var tty: UInt32 = 0
    var pfMajor: UInt64 = 0
    var pfMinor: UInt64 = 0

    /// Reads the thread's `status` (as read from `dir`) and `stat` (read here; `dir` ends in `/`);
    /// `nil` when `stat` is missing or malformed, which makes libscap skip the thread.
    init?(status: [UInt8], dir: String, tid: Int64) {
        guard let stat = ProcFS.read(dir + "stat", limit: 511) else { return nil }
        parseStatus(status, tid: tid)
        guard parseStat(stat) else { return nil }
    }

    private mutating func parseStatus(_ bytes: [UInt8], tid: Int64) {
        var found = 0
        for line in ProcText.lines(bytes) {
            if let rest = ProcText.after("Tgid", in: line) {
                found += 1
                if let value = ProcText.after(":", in: rest).flatMap({ ProcText.signed($0) }) { pid = value }
            }
            if let rest = ProcText.after("Uid:", in: line) {
                found += 1
                if let id = Self.secondNumber(rest) { uid = UInt32(truncatingIfNeeded: id) }
            } else if let rest = ProcText.after("Gid:", in: line) {
                found += 1
                if let id = Self.secondNumber(rest) { gid = UInt32(truncatingIfNeeded: id) }
            } else if let rest = ProcText.after("PPid:", in: line) {
                found += 1
                if let value = ProcText.signed(rest) { ptid = value }
            } else if let rest = ProcText.after("VmSize:", in: line) {
                found += 1
                vmsizeKB = ProcText.unsigned(rest).map { UInt32(truncatingIfNeeded: $0) } ?? vmsizeKB
            } else if let rest = ProcText.after("VmRSS:", in: line) {
                found += 1
                vmrssKB = ProcText.unsigned(rest).map { UInt32(truncatingIfNeeded: $0) } ?? vmrssKB
            } else if let rest = ProcText.after("VmSwap:", in: line) {
                found += 1
                vmswapKB = ProcText.unsigned(rest).map { UInt32(truncatingIfNeeded: $0) } ?? vmswapKB
            } else if let rest = ProcText.after("NSpid:", in: line) {
                found += 1
                vtid = Self.secondNumber(rest).map { Int64(bitPattern: $0) } ?? tid
            } else if let rest = ProcText.after("NSpgid:", in: line) {
                found += 1
                if let value = Self.secondNumber(rest) { vpgid = Int64(bitPattern: value) }
            } else if let rest = ProcText.after("NStgid:", in: line) {
                found += 1
                vpid = Self.secondNumber(rest).map { Int64(bitPattern: $0) } ?? (pid ?? 0)
            }
            if found == 10 { break }
        }
    }

    /// The second blank-separated number of `text` (`"%*u %u"`).
    private static func secondNumber(_ text: ArraySlice<UInt8>) -> UInt64? {
        let fields = ProcText.fields(text)
        guard fields.count >= 2, ProcText.unsigned(fields[0]) != nil else { return nil }
        return ProcText.unsigned(fields[1])
    }

    /// Reads `stat` after the command name: state, ppid, pgrp, session, tty, tpgid, flags, minflt,
    /// cminflt, majflt.
    private mutating func parseStat(_ bytes: [UInt8]) -> Bool {
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")), close + 2 <= bytes.count else { return false }
        let fields = ProcText.fields(bytes[(close + 2)...])
        guard fields.count >= 10 else { return false }
        var numbers: [Int64] = []
        for field in fields[1..<10] {
            guard let value = ProcText.signed(field) else { return false }
            numbers.append(value)
        }
        let pgid = numbers[1]
        sid = numbers[2]
        tty = UInt32(truncatingIfNeeded: numbers[3])
        pfMinor = UInt64(bitPattern: numbers[6])
        pfMajor = UInt64(bitPattern: numbers[8])
        // Without an NSpgid line: the process group of the global namespace.
        if vpgid == 0 { vpgid = pgid }
        return true
    }
}
