// SPDX-License-Identifier: Apache-2.0

/// The current event as the runner shows it to chisels: the runner implements it, chisels read it
/// through ``ChiselEvent``. Calls return values of the event being handled and are valid only
/// during ``Chisel/handle(_:)``.
public protocol ChiselEventSource: AnyObject {
    /// The event's number in the capture, from 1.
    var number: UInt64 { get }
    /// Nanoseconds since the epoch.
    var timestamp: UInt64 { get }
    /// The CPU the event happened on.
    var cpu: Int { get }
    /// The thread id the event belongs to.
    var tid: Int64 { get }
    /// The event's name (`"read"`, `"connect"`).
    var typeName: String { get }
    /// Whether the event enters a system call (`>`) rather than leaves it (`<`).
    var isEnter: Bool { get }
    /// The event's thread, when known.
    var thread: (any ChiselThreadView)? { get }
    /// The fd the event is about, when it has one.
    var fd: (any ChiselFDView)? { get }
    /// The user of the event's thread, when known.
    var user: ChiselUser? { get }
    /// The container of the event's thread (`"host"` outside containers).
    var container: ChiselContainer { get }

    /// The text of the field bound in `slot`, or `nil`.
    func text(_ slot: Int) -> String?
    /// The signed number of the field bound in `slot`, or `nil`.
    func signed(_ slot: Int) -> Int64?
    /// The unsigned number of the field bound in `slot`, or `nil`.
    func unsigned(_ slot: Int) -> UInt64?
    /// The number of the field bound in `slot`, or `nil`.
    func double(_ slot: Int) -> Double?
    /// The truth of the field bound in `slot`, or `nil`.
    func bool(_ slot: Int) -> Bool?
    /// The bytes of the field bound in `slot`, or `nil`.
    func bytes(_ slot: Int) -> [UInt8]?
    /// Calls `body` with the bytes of the field bound in `slot`, without copying them; `false`
    /// when the field has no value. Since 1.2.
    func withBytes(_ slot: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool
    /// Appends the text of the field bound in `slot` (a ``ChiselValueKind/text`` field) to `bytes`,
    /// as UTF-8, without making a string; `false` when the field has no value. Since 1.4.
    func appendText(_ slot: Int, to bytes: inout [UInt8]) -> Bool
    /// Calls `body` with the texts of the text fields bound in `slots`, in order, `separator`
    /// between each two: a table row's key, built where the runner keeps it, without strings or
    /// arrays. The bytes are valid during the call only. `false` (and no call) when one of the
    /// fields has no value. Since 1.7.
    func withText(
        of slots: UnsafeBufferPointer<Int>, separator: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Bool
}

extension ChiselEventSource {
    /// The text through a string: the default for sources older than 1.4.
    public func appendText(_ slot: Int, to bytes: inout [UInt8]) -> Bool {
        guard let text = text(slot) else { return false }
        bytes.append(contentsOf: text.utf8)
        return true
    }

    /// The texts appended to an array: the default for sources older than 1.7.
    public func withText(
        of slots: UnsafeBufferPointer<Int>, separator: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Bool {
        var joined: [UInt8] = []
        for (i, slot) in slots.enumerated() {
            if i > 0 { joined.append(contentsOf: separator) }
            guard appendText(slot, to: &joined) else { return false }
        }
        joined.withUnsafeBytes(body)
        return true
    }

    /// The bytes through a copy: the default for sources older than 1.2.
    public func withBytes(_ slot: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard let bytes = bytes(slot) else { return false }
        bytes.withUnsafeBytes(body)
        return true
    }
}
