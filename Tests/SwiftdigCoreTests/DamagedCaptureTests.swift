// SPDX-License-Identifier: Apache-2.0
import Glibc
import SwiftdigCore
import Testing

/// Hundreds of damaged copies of real captures (the sample, and the shared captures when they are
/// there): cut short, bytes flipped, lengths made huge, a gzip stream cut, blocks swapped, events of
/// a thread never seen or of an unknown code. Every read ends with the events before the damage and
/// at most one error line (file, offset, what), never a crash, a hang or runaway memory. Most files
/// are read through the library; one in ten through `swiftdig -r` with a timeout and a memory cap.
///
/// ScapErrorTests covers every cut and random bytes of a small synthetic capture; this suite works
/// on real captures and on damage that keeps the framing plausible.
@Suite struct DamagedCaptureTests {
    /// A damaged copy: its bytes, what was done, and the offset of the first block it touched
    /// (`nil`: the damage is not an error, the file must read to its end).
    struct Damaged {
        var bytes: [UInt8]
        var what: String
        var firstDamagedBlock: UInt64?
        var gzip = false
    }

    /// The capture a test damages: the first `limit` blocks of `path` (plain or gzip).
    struct Base {
        var bytes: [UInt8]
        /// Each block's offset, length and type.
        var blocks: [(offset: Int, length: Int, type: UInt32)]
        /// The block offsets of the events the undamaged capture delivers, in order.
        var delivered: [UInt64]

        init?(path: String, limit: Int = 400) throws {
            let directory = ScapTestSupport.temporaryDirectory()
            defer { ScapTestSupport.remove(directory) }
            // gzip -dcf: a gzip file inflated, a plain one copied.
            let all = ScapTestSupport.shell("gzip -dcf '\(path)'").output
            var blocks: [(offset: Int, length: Int, type: UInt32)] = []
            var offset = 0
            while offset + 8 <= all.count && blocks.count < limit {
                let length = Int(Self.word(all, offset + 4))
                guard length >= 12, offset + length <= all.count else { break }
                blocks.append((offset, length, Self.word(all, offset)))
                offset += length
            }
            guard blocks.count > 10 else { return nil }
            bytes = Array(all[0..<offset])
            self.blocks = blocks
            delivered = []
            guard !eventBlocks.isEmpty else { return nil }
            let copy = directory + "/base.scap"
            ScapTestSupport.write(bytes, to: copy)
            let read = DamagedCaptureTests.read(copy)
            #expect(read.error == nil, "the undamaged base of \(path) must read: \(read.error!)")
            delivered = read.delivered
        }

        static func word(_ bytes: [UInt8], _ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }

        /// The event blocks: offset, where the event starts (after the cpu and the flags), and
        /// where its length table starts (after a 26-byte header, or 22 in version 1 events).
        var eventBlocks: [(offset: Int, eventStart: Int, table: Int)] {
            blocks.compactMap { block in
                switch block.type {
                case 0x216, 0x221: return (block.offset, block.offset + 10, block.offset + 36)
                case 0x217, 0x222: return (block.offset, block.offset + 14, block.offset + 40)
                case 0x204: return (block.offset, block.offset + 10, block.offset + 32)
                case 0x208: return (block.offset, block.offset + 14, block.offset + 36)
                default: return nil
                }
            }
        }
    }

    /// What a read through the library delivered, and its error.
    static func read(_ path: String) -> (delivered: [UInt64], error: ScapError?) {
        var delivered: [UInt64] = []
        do {
            let inspector = try Inspector(path: path, bufferSize: 1 << 16)
            try inspector.run { _ in
                delivered.append(inspector.rawEvent?.offset ?? .max)
                return true
            }
            return (delivered, nil)
        } catch let error as ScapError {
            return (delivered, error)
        } catch {
            Issue.record("\(path): not a ScapError: \(error)")
            return (delivered, nil)
        }
    }

    /// Damaged copies of `base`, several hundred, the same ones each run.
    static func damage(_ base: Base) -> [Damaged] {
        var random = ScapErrorTests.SplitMix(seed: 0xDA4A_6E)
        func pick(_ count: Int) -> Int { Int(random.next() % UInt64(count)) }
        let bytes = base.bytes
        let events = base.eventBlocks
        var out: [Damaged] = []
        /// The offset of the block holding byte `at`.
        func block(at: Int) -> UInt64 {
            UInt64(base.blocks.last { $0.offset <= at }!.offset)
        }

        // Cut short anywhere (a cut on a block boundary is a shorter good capture).
        for _ in 0..<80 {
            let cut = 1 + pick(bytes.count - 1)
            let boundary = base.blocks.contains { $0.offset == cut }
            out.append(Damaged(bytes: Array(bytes[0..<cut]), what: "cut at \(cut)", firstDamagedBlock: boundary ? nil : block(at: cut)))
        }
        // A few bytes flipped: an error or not, but never before the damaged block.
        for round in 0..<120 {
            var copy = bytes
            var first = Int.max
            for _ in 0...(round % 4) {
                let at = pick(copy.count)
                copy[at] ^= UInt8(truncatingIfNeeded: 1 + pick(255))
                first = min(first, at)
            }
            out.append(Damaged(bytes: copy, what: "bytes flipped from \(first)", firstDamagedBlock: block(at: first)))
        }
        // Block lengths made huge.
        for huge: UInt32 in [0xFFFF_FFFF, 0xFFFF_FFF0, 0x7FFF_FFFF, 1 << 30, 1 << 24] {
            for _ in 0..<8 {
                let target = base.blocks[1 + pick(base.blocks.count - 1)]
                var copy = bytes
                put(huge, at: target.offset + 4, in: &copy)
                out.append(Damaged(bytes: copy, what: "block length \(huge) at \(target.offset)", firstDamagedBlock: UInt64(target.offset)))
            }
        }
        // Event lengths and parameter lengths made huge.
        for round in 0..<60 {
            let target = events[pick(events.count)]
            var copy = bytes
            let tableEntries = (target.table - target.eventStart == 26 ? Int(Base.word(bytes, target.eventStart + 22)) : 2)
            if round % 3 == 0 || tableEntries == 0 {
                put(UInt32(0xFFFF_FF00 >> (round % 24)), at: target.eventStart + 16, in: &copy)
            } else {
                // 2-byte entries (4 for large events: the low half made huge).
                let slot = target.table + 2 * pick(tableEntries)
                copy[slot] = 0xFF
                copy[slot + 1] = 0xFF
            }
            out.append(Damaged(bytes: copy, what: "event or parameter length at \(target.offset)", firstDamagedBlock: UInt64(target.offset)))
        }
        // Two neighbouring blocks swapped: events out of order, or a state block after events.
        for _ in 0..<30 {
            let index = 1 + pick(base.blocks.count - 2)
            let a = base.blocks[index]
            let b = base.blocks[index + 1]
            var copy = Array(bytes[0..<a.offset])
            copy += bytes[b.offset..<(b.offset + b.length)]
            copy += bytes[a.offset..<(a.offset + a.length)]
            copy += bytes[(b.offset + b.length)...]
            out.append(Damaged(bytes: copy, what: "blocks at \(a.offset) and \(b.offset) swapped", firstDamagedBlock: UInt64(a.offset)))
        }
        // Events of a thread never seen, and of codes nobody knows: not errors.
        for round in 0..<20 {
            let target = events[pick(events.count)]
            var copy = bytes
            if round % 2 == 0 {
                put(UInt32(4_000_000 + round), at: target.eventStart + 8, in: &copy)
                put(UInt32(0), at: target.eventStart + 12, in: &copy)
                out.append(Damaged(bytes: copy, what: "thread never seen at \(target.offset)", firstDamagedBlock: nil))
            } else {
                copy[target.eventStart + 20] = UInt8(truncatingIfNeeded: 0xF0 + round)
                copy[target.eventStart + 21] = 0xFF
                out.append(Damaged(bytes: copy, what: "unknown event code at \(target.offset)", firstDamagedBlock: UInt64(target.offset)))
            }
        }
        return out
    }

    static func put(_ value: UInt32, at offset: Int, in bytes: inout [UInt8]) {
        for i in 0..<4 { bytes[offset + i] = UInt8(truncatingIfNeeded: value >> (8 * i)) }
    }

    /// Checks one read of `damaged` (at `path`) against the undamaged `base`.
    static func check(_ damaged: Damaged, delivered: [UInt64], error: ScapError?, base: Base, path: String) {
        let what = "\(damaged.what): \(error?.description ?? "no error")"
        guard let first = damaged.firstDamagedBlock else {
            if damaged.what.hasPrefix("cut at") {
                #expect(error == nil, "\(what)")
                #expect(delivered == base.delivered.filter { $0 < UInt64(damaged.bytes.count) }, "\(what)")
            } else {
                #expect(error == nil, "\(what)")
                #expect(delivered == base.delivered, "\(what)")
            }
            return
        }
        if damaged.what.hasPrefix("unknown event code") {
            // Skipped as sysdig 0.29.3 skips codes it does not know: the one event less, no error.
            #expect(error == nil && delivered.count == base.delivered.count - 1, "\(what)")
        }
        // Every event before the damage, as the undamaged file has them.
        let before = base.delivered.filter { $0 < first }
        #expect(Array(delivered.prefix(before.count)) == before, "\(what)")
        if let error {
            let text = error.description
            #expect(!text.contains("\n") && text.hasPrefix(path + ": offset "), "\(what)")
            #expect((error.offset ?? 0) >= first, "error before the damage: \(what)")
        } else if damaged.what.hasPrefix("cut at") || damaged.what.hasPrefix("block length") {
            Issue.record("a damaged capture read without an error: \(what)")
        }
    }

    /// The bases: the sample capture, and the shared captures that are there.
    static func bases() throws -> [(name: String, base: Base)] {
        var paths = [ScapTestSupport.packageRoot + "/Tests/Fixtures/sample.scap.gz"]
        for name in ["curl_google.scap", "single_ipv6_conn.scap"] {
            if let path = ScapTestSupport.capture(name) { paths.append(path) }
        }
        return try paths.compactMap { path in try Base(path: path).map { (path, $0) } }
    }

    /// `ulimit -v` at 4 GiB for the runner, unless the runner cannot start under it (built with the
    /// address sanitizer, which reserves terabytes of shadow memory): then the RSS check remains.
    static func addressLimit(_ exe: String) -> String {
        let limit = "ulimit -v 4194304; "
        return ScapTestSupport.shell(limit + "'\(exe)' --help >/dev/null 2>&1").status == 0 ? limit : ""
    }

    @Test func damagedCapturesReadUpToTheDamage() throws {
        let exe = RunnerTests.executable
        let hasTime = access("/usr/bin/time", X_OK) == 0
        let limit = exe.map(Self.addressLimit) ?? ""
        var count = 0
        var runnerCount = 0
        for (name, base) in try Self.bases() {
            let directory = ScapTestSupport.temporaryDirectory()
            defer { ScapTestSupport.remove(directory) }
            for (index, damaged) in Self.damage(base).enumerated() {
                let path = directory + "/damaged-\(index).scap"
                ScapTestSupport.write(damaged.bytes, to: path)
                let (delivered, error) = Self.read(path)
                Self.check(damaged, delivered: delivered, error: error, base: base, path: path)
                count += 1
                guard index % 10 == 0, let exe else {
                    unlink(path)
                    continue
                }
                // The runner: same lines as the library prints, one error line, a failing status, a
                // time limit, 4 GiB of address space (when it starts under that) and 256 MiB of RSS.
                runnerCount += 1
                let errPath = directory + "/stderr.txt"
                let rss = directory + "/rss.txt"
                let timing = hasTime ? "/usr/bin/time -f %M -o '\(rss)' " : ""
                let outPath = directory + "/stdout.txt"
                let run = ScapTestSupport.shell(
                    "\(limit)TZ=UTC \(timing)timeout 30 '\(exe)' -r '\(path)' >'\(outPath)' 2>'\(errPath)'")
                let status = (run.status >> 8) & 0xFF
                let stderr = String(decoding: ScapTestSupport.read(errPath), as: UTF8.self)
                let lines = ScapTestSupport.read(outPath).filter { $0 == UInt8(ascii: "\n") }.count
                let context = "\(name): \(damaged.what): status \(status), stderr \(stderr)"
                if let error {
                    #expect(status == 1, "\(context)")
                    #expect(stderr == error.description + "\n" || stderr.hasSuffix(": " + error.description + "\n"), "\(context)")
                } else {
                    #expect(status == 0 && stderr.isEmpty, "\(context)")
                }
                #expect(lines <= delivered.count, "\(context): \(lines) lines for \(delivered.count) events")
                if hasTime, let kb = Int(String(decoding: ScapTestSupport.read(rss), as: UTF8.self).filter(\.isNumber)) {
                    #expect(kb < 256 << 10, "\(context): max RSS \(kb) KiB")
                }
                unlink(path)
            }
        }
        print("damaged captures: \(count) read through the library, \(runnerCount) through swiftdig -r")
        #expect(count >= 300)
    }

    @Test func gzipStreamCutShort() throws {
        let directory = ScapTestSupport.temporaryDirectory()
        defer { ScapTestSupport.remove(directory) }
        for (name, base) in try Self.bases() {
            let plain = directory + "/base.scap"
            ScapTestSupport.write(base.bytes, to: plain)
            let zipped = ScapTestSupport.shell("gzip -c '\(plain)'").output
            var random = ScapErrorTests.SplitMix(seed: UInt64(zipped.count))
            let path = directory + "/cut.scap.gz"
            for _ in 0..<40 {
                let cut = 1 + Int(random.next() % UInt64(zipped.count - 1))
                ScapTestSupport.write(Array(zipped[0..<cut]), to: path)
                let (delivered, error) = Self.read(path)
                let what = "\(name) gzip cut at \(cut) of \(zipped.count)"
                guard let error else {
                    Issue.record("no error: \(what)")
                    continue
                }
                #expect(error.description.hasPrefix(path + ": "), "\(what): \(error)")
                #expect(!error.description.contains("\n"))
                // The events before the cut, in order; never one the cut ran through.
                #expect(delivered == Array(base.delivered.prefix(delivered.count)), "\(what)")
                #expect(delivered.allSatisfy { $0 < error.offset ?? 0 }, "\(what): \(error)")
            }
        }
    }
}
