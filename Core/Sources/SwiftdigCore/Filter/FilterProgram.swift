// SPDX-License-Identifier: Apache-2.0

/// A filter flattened for evaluation: instructions over one boolean register, with jumps for the
/// short circuits of `and` and `or`.
///
/// A tree of enums retains each payload it opens, several times per event; here instructions are
/// plain values, the bits of `evt.type` tests live in memory the program owns, and field tests are
/// reached through unmanaged references, so an evaluation retains nothing.
final class FilterProgram {
    /// One step. Tests set the register; jumps read it.
    enum Instruction {
        case eventType(codes: UnsafeBufferPointer<UInt64>, syscalls: UnsafeBufferPointer<UInt64>, unknown: Bool)
        case field(Unmanaged<FieldTest>)
        case around(center: UInt64, delta: UInt64)
        case constant(Bool)
        case negate
        /// Ends a chain early: `and` on a false register, `or` on a true one.
        case jumpIfFalse(Int), jumpIfTrue(Int)
    }

    private let code: UnsafeMutableBufferPointer<Instruction>
    /// The words of every `evt.type` set of the program.
    private let words: UnsafeMutableBufferPointer<UInt64>
    /// Keeps the field tests the instructions point to alive.
    private let tests: [FieldTest]
    /// The event types outside which the filter is false and evaluating it has no effect (an
    /// `.eventType` instruction; `nil`: no such bound).
    private let gate: Instruction?
    /// Whether the program is one `evt.type` test of event codes, no system call among them: then
    /// ``typeGate`` decides it alone (a generic event needs its system call id tested).
    let isTypeTestOnly: Bool

    /// Flattens `root`.
    init(_ root: FilterNode) {
        var instructions: [Instruction] = []
        var sets: [EventTypeSet] = []
        var tests: [FieldTest] = []
        // Set instructions are emitted with empty buffers and pointed at `words` once it exists.
        var setAt: [(instruction: Int, set: Int)] = []
        func emit(_ node: FilterNode) {
            switch node {
            case .eventType(let set):
                setAt.append((instructions.count, sets.count))
                sets.append(set)
                instructions.append(.eventType(codes: .init(start: nil, count: 0), syscalls: .init(start: nil, count: 0), unknown: set.unknown))
            case .field(let test):
                tests.append(test)
                instructions.append(.field(Unmanaged.passUnretained(test)))
            case .around(let center, let delta):
                instructions.append(.around(center: center, delta: delta))
            case .constant(let value):
                instructions.append(.constant(value))
            case .not(let inner):
                emit(inner)
                instructions.append(.negate)
            case .all(let nodes), .any(let nodes):
                var isAll = false
                if case .all = node { isAll = true }
                // An empty chain leaves the register as libsinsp's fold starts it: true.
                guard !nodes.isEmpty else {
                    instructions.append(.constant(true))
                    return
                }
                var jumps: [Int] = []
                for (i, inner) in nodes.enumerated() {
                    emit(inner)
                    if i < nodes.count - 1 {
                        jumps.append(instructions.count)
                        instructions.append(.negate)  // placeholder, patched below
                    }
                }
                for at in jumps { instructions[at] = isAll ? .jumpIfFalse(instructions.count) : .jumpIfTrue(instructions.count) }
            }
        }
        emit(root)
        // A filter whose checks have effects must run on every event sysdig runs it on.
        let gateSet = root.hasEffects ? nil : root.possibleTypes
        if let gateSet { sets.append(gateSet) }
        let total = sets.reduce(0) { $0 + $1.codes.count + $1.syscalls.count }
        let words = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(total, 1))
        self.words = words
        var next = 0
        func store(_ part: [UInt64]) -> UnsafeBufferPointer<UInt64> {
            let start = words.baseAddress! + next
            _ = UnsafeMutableBufferPointer(start: start, count: part.count).initialize(from: part)
            next += part.count
            return UnsafeBufferPointer(start: start, count: part.count)
        }
        for (at, index) in setAt {
            let set = sets[index]
            instructions[at] = .eventType(codes: store(set.codes), syscalls: store(set.syscalls), unknown: set.unknown)
        }
        gate = gateSet.map { .eventType(codes: store($0.codes), syscalls: store($0.syscalls), unknown: $0.unknown) }
        if case .eventType(let set) = root, gateSet != nil, !set.syscalls.contains(where: { $0 != 0 }) {
            isTypeTestOnly = true
        } else {
            isTypeTestOnly = false
        }
        code = .allocate(capacity: instructions.count)
        _ = code.initialize(from: instructions)
        self.tests = tests
    }

    deinit {
        code.deallocate()
        words.deallocate()
    }

    /// The event types outside which the filter is false and evaluating it changes nothing, as the
    /// bits of ``EventTypeSet/test(_:codes:syscalls:unknown:missingID:)`` (a generic event without
    /// its system call id must count as inside); `nil` when the filter has no such bound. The
    /// buffers live as long as the program.
    var typeGate: EventTypeGate? {
        guard case .eventType(let codes, let syscalls, let unknown) = gate else { return nil }
        return EventTypeGate(codes: codes, syscalls: syscalls, unknown: unknown)
    }

    /// Runs the program on `event`.
    @inline(__always)
    func evaluate(_ event: Event, _ context: FieldContext) throws(FilterError) -> Bool {
        var result = true
        var pc = 0
        let count = code.count
        while pc < count {
            let instruction = code[pc]
            pc &+= 1
            switch instruction {
            case .eventType(let codes, let syscalls, let unknown):
                result = EventTypeSet.test(event, codes: codes, syscalls: syscalls, unknown: unknown)
            case .field(let test):
                // The program's `tests` keep the test alive: borrowed, with no reference counting per
                // event (an `unowned(unsafe)` copy was retained around the call).
                var failure: FilterError?
                result = test._withUnsafeGuaranteedRef { t in
                    do throws(FilterError) {
                        return try t.evaluate(event, context)
                    } catch {
                        failure = error
                        return false
                    }
                }
                if let failure { throw failure }
            case .around(let center, let delta):
                let ts = event.timestamp
                result = center >= ts &- delta && center <= ts &+ delta
            case .constant(let value):
                result = value
            case .negate:
                result = !result
            case .jumpIfFalse(let target):
                if !result { pc = target }
            case .jumpIfTrue(let target):
                if result { pc = target }
            }
        }
        return result
    }
}

/// The event types a filter may pass (see ``FilterProgram/typeGate``), as plain values a caller can
/// keep and test without touching the filter.
struct EventTypeGate {
    let codes: UnsafeBufferPointer<UInt64>
    let syscalls: UnsafeBufferPointer<UInt64>
    let unknown: Bool

    /// Whether the filter may pass `event`.
    @inline(__always) func admits(_ event: Event) -> Bool {
        EventTypeSet.test(event, codes: codes, syscalls: syscalls, unknown: unknown, missingID: true)
    }

    /// Whether the filter may pass an event of `code` that has its system call id if it is a
    /// generic event (whose type is then any system call the filter may pass).
    func admits(code: Int) -> Bool {
        if code <= Int(EventCode.genericX) { return syscalls.contains { $0 != 0 } }
        return EventTypeSet.bit(codes, code, otherwise: unknown)
    }
}
