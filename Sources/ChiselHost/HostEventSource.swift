// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

/// The current event of an ``Inspector`` as chisels see it, and the fields they asked for. One
/// source serves every chisel of a run; the runner points it at each event in turn (no allocation).
final class HostEventSource: ChiselEventSource {
    private(set) var inspector: Inspector
    let context: FieldContext
    /// The event being handled; valid during the inspector's callback.
    var current: Event?
    private let fdView = HostFDView()
    private var texts: [FieldAccessor<String>] = []
    private var signeds: [FieldAccessor<Int64>] = []
    private var unsigneds: [FieldAccessor<UInt64>] = []
    private var doubles: [FieldAccessor<Double>] = []
    private var bools: [FieldAccessor<Bool>] = []
    private var byteArrays: [FieldAccessor<[UInt8]>] = []
    /// The text and number fields, unretained, by slot: what table keys and values read per event.
    private var textFields = UnretainedFields()
    private var doubleFields = UnretainedFields()
    private lazy var fdNumber = try? FieldAccessor<Int64>("fd.num")
    private lazy var containerID = try? FieldAccessor<String>("container.id")
    private lazy var containerName = try? FieldAccessor<String>("container.name")

    init(inspector: Inspector, bufferFormat: BufferFormat = .normal) {
        self.inspector = inspector
        context = FieldContext(parser: inspector.parser, bufferFormat: bufferFormat)
    }

    /// Serves the events of `next` from now on (the next capture of a batch, with its own state):
    /// the fields chisels bound stay bound.
    func switchTo(_ next: Inspector) {
        inspector = next
        context.rebind(to: next.parser)
    }

    deinit {
        textFields.deallocate()
        doubleFields.deallocate()
    }

    /// Binds `name` for reading as `kind`.
    /// - Returns: the slot of the bound field among those of its kind.
    func bind(_ name: String, as kind: ChiselValueKind) throws(FieldError) -> Int {
        switch kind {
        case .text:
            let accessor = try FieldAccessor<String>(name)
            textFields.append(accessor.field)
            return Self.append(accessor, to: &texts)
        case .signed: return Self.append(try FieldAccessor(name), to: &signeds)
        case .unsigned: return Self.append(try FieldAccessor(name), to: &unsigneds)
        case .double:
            let accessor = try FieldAccessor<Double>(name)
            doubleFields.append(accessor.field)
            return Self.append(accessor, to: &doubles)
        case .bool: return Self.append(try FieldAccessor(name), to: &bools)
        case .bytes: return Self.append(try FieldAccessor(name), to: &byteArrays)
        @unknown default: throw FieldError("\(name) cannot be read as \(kind), which this swiftdig does not know")
        }
    }

    private static func append<T>(_ accessor: T, to list: inout [T]) -> Int {
        list.append(accessor)
        return list.count - 1
    }

    /// The bound field of `accessors[slot]`, called without reference counting (the accessor keeps
    /// it alive): reads run per event.
    @inline(__always) private func read<T>(_ accessors: [FieldAccessor<T>], _ slot: Int) -> T? {
        guard let event = current else { return nil }
        return accessors.withUnsafeBufferPointer { list in
            unowned(unsafe) let field = list[slot].field
            return T.value(of: field.extract(event, self.context), field: field, context: self.context)
        }
    }

    func text(_ slot: Int) -> String? { read(texts, slot) }
    func signed(_ slot: Int) -> Int64? { read(signeds, slot) }
    func unsigned(_ slot: Int) -> UInt64? { read(unsigneds, slot) }
    func double(_ slot: Int) -> Double? {
        // Table values are read per event: through the unretained table.
        guard let event = current else { return nil }
        // `self.context` is borrowed; an `unowned(unsafe)` copy would be retained for each call.
        return doubleFields.with(slot) { field in
            Double.value(of: field.extract(event, self.context), field: field, context: self.context)
        }
    }
    func bool(_ slot: Int) -> Bool? { read(bools, slot) }
    func bytes(_ slot: Int) -> [UInt8]? { read(byteArrays, slot) }

    func withBytes(_ slot: Int, _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        guard let event = current else { return false }
        let accessor = byteArrays[slot]
        let result = accessor.field.extract(event, context)
        switch result {
        case .text, .bytes: context.withBytes(result, body)
        case .none, .number: return false
        }
        return true
    }

    /// Where ``withText(of:separator:_:)`` joins a key, and ``appendText(_:to:)`` renders a value
    /// before copying it out.
    private var textScratch = OutputBuffer(capacity: 256)

    func appendText(_ slot: Int, to bytes: inout [UInt8]) -> Bool {
        guard let event = current else { return false }
        textScratch.removeAll()
        guard render(slot, of: event, into: &textScratch) else { return false }
        textScratch.withUnsafeBytes { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
        return true
    }

    func withText(
        of slots: UnsafeBufferPointer<Int>, separator: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Void
    ) -> Bool {
        guard let event = current else { return false }
        textScratch.removeAll()
        for i in slots.indices {
            if i > 0 { textScratch.append(separator) }
            guard render(slots[i], of: event, into: &textScratch) else { return false }
        }
        // Not `withUnsafeBytes`: a generic call across modules, through a thunk.
        body(textScratch.unsafeBytes)
        return true
    }

    /// Appends the text of the text field in `slot` for `event` to `out`, as `-p` prints it.
    /// - Returns: `false` when the field has no value.
    @inline(__always) private func render(_ slot: Int, of event: Event, into out: inout OutputBuffer) -> Bool {
        // `self.context` is borrowed; an `unowned(unsafe)` copy would be retained for each call.
        let context = self.context
        return textFields.with(slot) { field in
            let result = field.extract(event, context)
            if case .none = result { return false }
            field.render(result, context, into: &out)
            return true
        }
    }

    var number: UInt64 { current?.number ?? 0 }
    var timestamp: UInt64 { current?.timestamp ?? 0 }
    var cpu: Int { Int(current?.cpu ?? 0) }
    var tid: Int64 { current?.tid ?? -1 }
    var typeName: String { current?.info.name ?? "" }
    var isEnter: Bool { current?.isEnter ?? false }
    var thread: (any ChiselThreadView)? { inspector.parser.thread }

    var fd: (any ChiselFDView)? {
        guard let info = inspector.parser.fdInfo, let event = current else { return nil }
        fdView.info = info
        fdView.number = fdNumber?(event, context) ?? -1
        return fdView
    }

    var user: ChiselUser? {
        guard let t = inspector.parser.thread, let u = inspector.state.users[t.uid] else { return nil }
        return ChiselUser(uid: u.uid, gid: u.gid, name: u.name, homeDirectory: u.homedir, shell: u.shell)
    }

    var container: ChiselContainer {
        guard let event = current else { return ChiselContainer(id: "host", name: "host") }
        return ChiselContainer(
            id: containerID?(event, context) ?? "host", name: containerName?(event, context) ?? "host")
    }
}
