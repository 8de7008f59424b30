// SPDX-License-Identifier: Apache-2.0

/// An HTTP request and the response that followed it on the same fd of the same process: what
/// sysdig's `http.lua` hands its `on_transaction`. Since protocol 1.3.
public struct ChiselHTTPTransaction: Sendable {
    /// The request's method (`GET`).
    public var method: String
    /// The request's path after its `Host:` header's value when it has one (`www.google.com/`).
    public var url: String
    /// `>` when the process wrote the request (a client), `<` when it read it (a server).
    public var direction: String
    /// The container of the process (`host` outside containers).
    public var container: String
    /// When the request and the response were read or written, in nanoseconds since the epoch.
    public var requestTime: UInt64, responseTime: UInt64
    /// The response's status code (`200`).
    public var code: Int64
    /// The response's `Content-Length`, 0 without one.
    public var length: Int64
    /// Nanoseconds from the request to the response.
    public var latency: UInt64 { responseTime &- requestTime }
}

/// Pairs HTTP requests with their responses, as sysdig's `http.lua` does for `httplog` and
/// `httptop`. Make one in ``Chisel/initialize(_:_:)`` (it sets the chisel's filter: I/O with a
/// buffer on IP and Unix sockets) and hand it every event. Since protocol 1.3.
///
/// ```swift
/// http = try ChiselHTTPTracker(context)
/// ...
/// func handle(_ event: ChiselEvent) throws {
///     if let transaction = http.transaction(ending: event) { context.print(transaction.url) }
/// }
/// ```
///
/// As in sysdig, it reads the first bytes of buffers as the run's buffer format shows them (line
/// ends as `..` by default), and an fd with a pending request ignores further requests.
public final class ChiselHTTPTracker {
    private struct Key: Hashable {
        var pid: Int64, fd: Int64
    }

    private let buffer: ChiselField<String>
    private let fd: ChiselField<Int64>
    private let pid: ChiselField<Int64>
    private let time: ChiselField<UInt64>
    private let direction: ChiselField<String>
    private let container: ChiselField<String>
    private var pending: [Key: ChiselHTTPTransaction] = [:]

    /// Sets the chisel's filter and asks for the fields it reads (`http_init`).
    public init(_ context: ChiselContext) throws {
        try context.setFilter("evt.is_io = true and evt.buflen > 0 and (fd.sockfamily = ip or fd.sockfamily = unix)")
        buffer = try context.field("evt.buffer")
        fd = try context.field("fd.num")
        pid = try context.field("proc.pid")
        time = try context.field("evt.rawtime")
        direction = try context.field("evt.io_dir")
        container = try context.field("container.name")
        context.setSnapLength(1024)
    }

    /// The transaction `event` completes with a response, or `nil` (`run_http_parser`).
    public func transaction(ending event: ChiselEvent) -> ChiselHTTPTransaction? {
        guard let text = event[buffer] else { return nil }
        let key = Key(pid: event[pid] ?? 0, fd: event[fd] ?? 0)
        let bytes = Array(text.utf8)
        let now = event[time] ?? 0
        guard var transaction = pending[key] else {
            if let (method, url) = Self.request(bytes) {
                let io = event[direction]
                pending[key] = ChiselHTTPTransaction(
                    method: method, url: url, direction: io == "read" ? "<" : io == "write" ? ">" : "<NA>",
                    container: event[container] ?? "", requestTime: now, responseTime: 0, code: 0, length: 0)
            }
            return nil
        }
        guard let (code, length) = Self.response(bytes) else { return nil }
        (transaction.code, transaction.length, transaction.responseTime) = (code, length, now)
        pending[key] = nil
        return transaction
    }

    /// `^(%u+) (%g+)`, the URL after the value of `Host: (%g+)%.%.` when there is one.
    static func request(_ s: [UInt8]) -> (method: String, url: String)? {
        let method = s.prefix { $0 >= 0x41 && $0 <= 0x5A }
        guard !method.isEmpty, method.count < s.count, s[method.count] == 0x20 else { return nil }
        let url = graphRun(s, from: method.count + 1)
        guard !url.isEmpty else { return nil }
        var host: ArraySlice<UInt8> = []
        for start in occurrences(of: "Host: ", in: s) {
            let run = graphRun(s, from: start)
            // The longest part of the run followed by two dots.
            if let end = stride(from: run.endIndex - 2, to: run.startIndex, by: -1).first(where: { s[$0] == 0x2E && s[$0 + 1] == 0x2E }) {
                host = s[start..<end]
                break
            }
        }
        return (String(decoding: method, as: UTF8.self), String(decoding: host + url, as: UTF8.self))
    }

    /// The code of `HTTP/[%g]+ (%d+)` and the length of `Content%-Length: (%d+)%.%.` (0 without).
    static func response(_ s: [UInt8]) -> (code: Int64, length: Int64)? {
        var code: Int64?
        for start in occurrences(of: "HTTP/", in: s) {
            let version = graphRun(s, from: start)
            guard !version.isEmpty, version.endIndex < s.count, s[version.endIndex] == 0x20 else { continue }
            let digits = digitRun(s, from: version.endIndex + 1)
            if !digits.isEmpty {
                code = number(digits)
                break
            }
        }
        guard let code else { return nil }
        for start in occurrences(of: "Content-Length: ", in: s) {
            let digits = digitRun(s, from: start)
            if !digits.isEmpty, digits.endIndex + 1 < s.count, s[digits.endIndex] == 0x2E, s[digits.endIndex + 1] == 0x2E {
                return (code, number(digits))
            }
        }
        return (code, 0)
    }

    /// Where each occurrence of `needle` in `s` ends.
    private static func occurrences(of needle: String, in s: [UInt8]) -> [Int] {
        let n = Array(needle.utf8)
        guard s.count >= n.count else { return [] }
        return (0...(s.count - n.count)).filter { s[$0..<$0 + n.count].elementsEqual(n) }.map { $0 + n.count }
    }

    /// The printable characters but space (Lua's `%g`) from `start`.
    private static func graphRun(_ s: [UInt8], from start: Int) -> ArraySlice<UInt8> {
        s[min(start, s.count)...].prefix { $0 > 0x20 && $0 < 0x7F }
    }

    private static func digitRun(_ s: [UInt8], from start: Int) -> ArraySlice<UInt8> {
        s[min(start, s.count)...].prefix { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Lua's `tonumber` of digits (a number past `Int64` saturates).
    private static func number(_ digits: ArraySlice<UInt8>) -> Int64 {
        Int64(String(decoding: digits, as: UTF8.self)) ?? .max
    }
}
