// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel

/// sysdig's `memcachelog`: each memcached `get` and `set` seen on port 11211 or by `memcached`:
/// `2018-08-17 17:35:48.586317233 method=set size=1000B key=user:42`.
final class Memcachelog: Chisel {
    static let info = ChiselInfo(
        name: "memcachelog", category: "Application", shortDescription: "memcached requests log",
        description: "Show a log of memcached commands (get/set)",
        arguments: [
            ChiselArgument("method", type: "", description: "get/set", optional: true),
            ChiselArgument("size", type: "", description: "object size", optional: true),
        ])

    private var context: ChiselContext!
    private var data: ChiselField<String>!
    private var time: ChiselField<String>!
    private var method: String?
    private var minimumSize: Double?

    init() {}

    func initialize(_ context: ChiselContext, _ arguments: ChiselArguments) throws {
        self.context = context
        method = arguments["method"]
        minimumSize = arguments["size"].flatMap(Self.luaNumber)
        // sysdig's chisel sets the capture's filter (`sysdig.set_filter`), which can be set only once.
        guard context.environment.filter.isEmpty else {
            throw ChiselError("invalid filter in chisel memcachelog: filter can only be set once")
        }
        try context.setFilter("(fd.sport=11211 or proc.name=memcached) and evt.is_io=true")
        context.setSnapLength(4096)
        data = try context.field("evt.arg[1]")
        time = try context.field("evt.datetime")
    }

    func handle(_ event: ChiselEvent) throws {
        guard let text = event[data] else { throw ChiselError("attempt to concatenate local 's' (a nil value)") }
        // Words between single spaces, empty ones included, as the Lua's split.
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        guard words[0].hasPrefix("get") || words[0].hasPrefix("set"), words.count > 1 else { return }
        let command = String(words[0]), key = words[1]
        let size = words.count > 4 ? Self.luaNumber(String(words[4])) ?? 0 : 0
        if let method, method != command { return }
        if method == "set" {
            guard let minimumSize else { throw ChiselError("attempt to compare nil with number") }
            if size < minimumSize { return }
        }
        context.print("\(event[time] ?? "") method=\(command) size=\(Int64(size))B key=\(key)")
    }

    /// Lua's `tonumber` of a string: a decimal or `0x` number between spaces, else `nil`.
    static func luaNumber(_ text: String) -> Double? {
        let trimmed = text.utf8.drop { $0 == 0x20 || (0x09...0x0D).contains($0) }
        var s = String(decoding: trimmed, as: UTF8.self)
        while let last = s.utf8.last, last == 0x20 || (0x09...0x0D).contains(last) { s.removeLast() }
        let body = s.hasPrefix("-") || s.hasPrefix("+") ? s.dropFirst() : Substring(s)
        if body.lowercased().hasPrefix("0x"), let n = UInt64(body.dropFirst(2), radix: 16) {
            return s.hasPrefix("-") ? -Double(n) : Double(n)
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isNumber || ".eE+-".contains($0) }) else { return nil }
        return Double(s)
    }
}

/// The plugin's entry point.
@_cdecl("swiftdig_chisel_entry")
public func swiftdigChiselEntry(_ version: UnsafeMutablePointer<UInt32>) -> UnsafeMutableRawPointer? {
    ChiselExport.entry(Memcachelog.self, version)
}
