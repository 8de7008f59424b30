// SPDX-License-Identifier: Apache-2.0

/// `/proc/<tid>/<name>[/<number>]` as a C string on the stack: the few encoder paths that look at
/// /proc do it without building a String per event.
enum ProcPath {
    /// Calls `body` with the NUL-terminated path.
    static func with<Result>(
        tid: UInt32, _ name: StaticString, number: Int32? = nil, _ body: (UnsafePointer<CChar>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            var at = 0
            func put(_ byte: UInt8) {
                if at < buffer.count - 1 {
                    buffer[at] = CChar(bitPattern: byte)
                    at += 1
                }
            }
            func put(_ text: StaticString) {
                for i in 0..<text.utf8CodeUnitCount { put(text.utf8Start[i]) }
            }
            func put(decimal value: UInt64) {
                var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                             UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
                withUnsafeMutableBytes(of: &digits) { d in
                    var n = value, count = 0
                    repeat {
                        d[count] = UInt8(ascii: "0") + UInt8(n % 10)
                        n /= 10
                        count += 1
                    } while n > 0
                    for i in stride(from: count - 1, through: 0, by: -1) { put(d[i]) }
                }
            }
            put("/proc/")
            put(decimal: UInt64(tid))
            put(UInt8(ascii: "/"))
            put(name)
            if let number {
                put(UInt8(ascii: "/"))
                if number < 0 { put(UInt8(ascii: "-")) }
                put(decimal: UInt64(number.magnitude))
            }
            buffer[at] = 0
            return body(UnsafePointer(buffer.baseAddress!))
        }
    }
}
