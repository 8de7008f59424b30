// SPDX-License-Identifier: Apache-2.0

extension EventSchema {
    /// What an event of a code beyond the table is taken for: a nameless event with no parameters.
    public static let unknownEvent = EventInfo(
        code: UInt16.max, name: "unknown", direction: .enter, category: .unknown, flags: [], params: [])

    /// The codes whose parameter lengths are 32-bit (`EF_LARGE_PAYLOAD`).
    public static let largePayloadTypes: [UInt16] = events.filter { $0.flags.contains(.largePayload) }.map(\.code)
}
