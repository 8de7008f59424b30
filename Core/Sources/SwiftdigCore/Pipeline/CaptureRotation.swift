// SPDX-License-Identifier: Apache-2.0
import Glibc

/// How `-w` splits its capture into several files, as sysdig's `-C`, `-G`, `-e` and `-W` do
/// (libsinsp's cycle writer): a new file every so many megabytes, seconds or events, and at most so
/// many files kept.
public struct CaptureRotation: Sendable, Equatable {
    /// `-C`: start a new file once the current one holds more than this many millions of bytes.
    public var megabytes = 0
    /// `-G`: start a new file every this many seconds (of event time). With `%` in the `-w` name,
    /// the name is a `strftime` format of the file's start time.
    public var seconds = 0
    /// `-e`: start a new file every this many events.
    public var eventLimit: UInt64 = 0
    /// `-W`: keep at most this many files, reusing the oldest name (0: no limit).
    public var fileLimit = 0
    /// Whether the events come from a live capture (the first `-G` period starts now, not at the
    /// first event).
    public var isLive = false

    /// No rotation: one file.
    public init() {}

    /// Whether any rotation was asked for.
    public var isActive: Bool { megabytes > 0 || seconds > 0 || eventLimit > 0 }
}

/// The file names and switching decisions of a rotating capture, kept apart from the writing so
/// that they can be checked on their own. It mirrors libsinsp 0.29.3's `cycle_writer` name for name,
/// quirks included.
struct RotationSchedule {
    let base: String
    let rotation: CaptureRotation
    private(set) var currentName = ""
    private var index = 0
    private var lastTime = 0
    private var eventCount: UInt64 = 0
    private var pastNames: [String]

    init(base: String, rotation: CaptureRotation) {
        self.base = base
        self.rotation = rotation
        pastNames = rotation.seconds > 0 && rotation.fileLimit > 0
            ? [String](repeating: "", count: rotation.fileLimit) : []
        // sysdig names the first file of a run read from a file with -G and a time format
        // "first_dump.scap": the time of the first event is not known yet.
        if !rotation.isLive && rotation.seconds > 0 && base.contains("%") {
            currentName = "first_dump.scap"
        } else {
            if rotation.isLive { lastTime = time(nil) }
            nextFile()
        }
    }

    /// Whether the event at `timestamp` (ns), about to be written to a file of `bytesWritten`
    /// bytes, goes to a new file; if so ``currentName`` is the new file's name.
    mutating func startsNewFile(timestamp: UInt64, bytesWritten: UInt64) -> Bool {
        eventCount += 1
        if rotation.seconds > 0 {
            let seconds = Int(timestamp / 1_000_000_000)
            if lastTime == 0 { lastTime = seconds }
            if seconds - lastTime >= rotation.seconds {
                lastTime = seconds
                nextFile()
                return true
            }
        }
        if rotation.megabytes > 0 && bytesWritten > UInt64(rotation.megabytes) * 1_000_000 {
            nextFile()
            return true
        }
        if rotation.eventLimit > 0 && eventCount >= rotation.eventLimit {
            eventCount = 0
            nextFile()
            return true
        }
        return false
    }

    private mutating func nextFile() {
        if rotation.fileLimit > 0 && index >= rotation.fileLimit { index = 0 }
        if rotation.seconds > 0 {
            if base.contains("%") {
                var t = time_t(lastTime)
                var parts = tm()
                localtime_r(&t, &parts)
                var name = [CChar](repeating: 0, count: 4096)
                let count = strftime(&name, name.count, base, &parts)
                let formatted = String(decoding: name.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                if rotation.fileLimit > 0 {
                    if !pastNames[index].isEmpty { unlink(pastNames[index]) }
                    pastNames[index] = formatted
                }
                currentName = formatted
            } else {
                currentName = base + String(index)
            }
        } else {
            currentName = base
        }
        if rotation.megabytes > 0 {
            // As many digits as the file limit has (none: the plain number).
            let digits = rotation.fileLimit > 0 ? String(rotation.fileLimit).count : 0
            let number = String(index)
            currentName += String(repeating: "0", count: max(0, digits - number.count)) + number
        }
        if rotation.eventLimit > 0 { currentName = base + String(index) }
        index += 1
    }
}
