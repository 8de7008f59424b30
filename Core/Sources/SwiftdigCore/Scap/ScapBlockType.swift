// SPDX-License-Identifier: Apache-2.0

/// The type word that starts every block of a capture.
///
/// The `...Int` types are the numbers used before the library's first release; readers still
/// accept them and they have the same layout as the version they stand beside.
public struct ScapBlockType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The 32-bit type as stored.
    public var rawValue: UInt32
    /// Wraps a stored type.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Section header (`SHB`), `\r\n\n\r`: the same bytes in either byte order.
    public static let sectionHeader = ScapBlockType(rawValue: 0x0A0D_0D0A)
    /// Machine info (`MI`).
    public static let machineInfo = ScapBlockType(rawValue: 0x201)
    /// Machine info, pre-release number.
    public static let machineInfoInt = ScapBlockType(rawValue: 0x8002_ABCD)
    /// Process list version 1.
    public static let processListV1 = ScapBlockType(rawValue: 0x202)
    /// Process list version 1, pre-release number.
    public static let processListV1Int = ScapBlockType(rawValue: 0x8000_ABCD)
    /// Process list version 2: adds memory sizes and page faults.
    public static let processListV2 = ScapBlockType(rawValue: 0x207)
    /// Process list version 2, pre-release number.
    public static let processListV2Int = ScapBlockType(rawValue: 0x8013_ABCD)
    /// Process list version 3: adds the environment.
    public static let processListV3 = ScapBlockType(rawValue: 0x209)
    /// Process list version 3, pre-release number.
    public static let processListV3Int = ScapBlockType(rawValue: 0x8014_ABCD)
    /// Process list version 4: adds vtid, vpid and cgroups.
    public static let processListV4 = ScapBlockType(rawValue: 0x210)
    /// Process list version 5: adds root.
    public static let processListV5 = ScapBlockType(rawValue: 0x211)
    /// Process list version 6: adds sid.
    public static let processListV6 = ScapBlockType(rawValue: 0x212)
    /// Process list version 7: adds exepath.
    public static let processListV7 = ScapBlockType(rawValue: 0x213)
    /// Process list version 8: adds vpgid.
    public static let processListV8 = ScapBlockType(rawValue: 0x214)
    /// Process list version 9: each entry starts with its length, later fields are appended.
    public static let processListV9 = ScapBlockType(rawValue: 0x215)
    /// File descriptor list version 1.
    public static let fdList = ScapBlockType(rawValue: 0x203)
    /// File descriptor list version 1, pre-release number.
    public static let fdListInt = ScapBlockType(rawValue: 0x8001_ABCD)
    /// File descriptor list version 2: each entry starts with its length.
    public static let fdListV2 = ScapBlockType(rawValue: 0x218)
    /// Event, version 1: the event header has no parameter count.
    public static let event = ScapBlockType(rawValue: 0x204)
    /// Event version 1, pre-release number.
    public static let eventInt = ScapBlockType(rawValue: 0x8010_ABCD)
    /// Event version 2: the event header carries its parameter count.
    public static let eventV2 = ScapBlockType(rawValue: 0x216)
    /// Event version 2 that may exceed 64 KiB.
    public static let eventV2Large = ScapBlockType(rawValue: 0x221)
    /// Event with flags, version 1.
    public static let eventWithFlags = ScapBlockType(rawValue: 0x208)
    /// Event with flags, version 2.
    public static let eventWithFlagsV2 = ScapBlockType(rawValue: 0x217)
    /// Event with flags, version 2, that may exceed 64 KiB.
    public static let eventWithFlagsV2Large = ScapBlockType(rawValue: 0x222)
    /// Interface list version 1.
    public static let interfaceList = ScapBlockType(rawValue: 0x205)
    /// Interface list version 1, pre-release number.
    public static let interfaceListInt = ScapBlockType(rawValue: 0x8011_ABCD)
    /// Interface list version 2: each entry starts with its length.
    public static let interfaceListV2 = ScapBlockType(rawValue: 0x219)
    /// User list version 1.
    public static let userList = ScapBlockType(rawValue: 0x206)
    /// User list version 1, pre-release number.
    public static let userListInt = ScapBlockType(rawValue: 0x8012_ABCD)
    /// User list version 2: each entry starts with its length.
    public static let userListV2 = ScapBlockType(rawValue: 0x220)

    /// Every process list type, oldest first.
    public static let processListTypes: [ScapBlockType] = [
        .processListV1, .processListV1Int, .processListV2, .processListV2Int, .processListV3, .processListV3Int,
        .processListV4, .processListV5, .processListV6, .processListV7, .processListV8, .processListV9,
    ]

    /// Every event type.
    public static let eventTypes: [ScapBlockType] = [
        .event, .eventInt, .eventWithFlags, .eventV2, .eventWithFlagsV2, .eventV2Large, .eventWithFlagsV2Large,
    ]

    /// For a process list type, its version (1...9); `nil` for other blocks.
    public var processListVersion: Int? {
        switch self {
        case .processListV1, .processListV1Int: 1
        case .processListV2, .processListV2Int: 2
        case .processListV3, .processListV3Int: 3
        case .processListV4: 4
        case .processListV5: 5
        case .processListV6: 6
        case .processListV7: 7
        case .processListV8: 8
        case .processListV9: 9
        default: nil
        }
    }

    /// Whether this is one of the event block types.
    public var isEvent: Bool { eventFormat != nil }

    /// For an event block type, the layout of its events; `nil` for other blocks.
    public var eventFormat: EventFormat? {
        switch rawValue {
        case 0x204, 0x8010_ABCD, 0x208: .v1
        case 0x216, 0x217, 0x221, 0x222: .v2
        default: nil
        }
    }

    /// Whether an event block of this type carries 32 bits of flags after the cpu id.
    public var hasEventFlags: Bool { rawValue == 0x208 || rawValue == 0x217 || rawValue == 0x222 }

    /// A short name such as `PL_V9` or `EVF_V2_LARGE`, or the number in hex for unknown types.
    public var description: String {
        switch self {
        case .sectionHeader: "SHB"
        case .machineInfo: "MI"
        case .machineInfoInt: "MI_INT"
        case .processListV1: "PL_V1"
        case .processListV1Int: "PL_V1_INT"
        case .processListV2: "PL_V2"
        case .processListV2Int: "PL_V2_INT"
        case .processListV3: "PL_V3"
        case .processListV3Int: "PL_V3_INT"
        case .processListV4: "PL_V4"
        case .processListV5: "PL_V5"
        case .processListV6: "PL_V6"
        case .processListV7: "PL_V7"
        case .processListV8: "PL_V8"
        case .processListV9: "PL_V9"
        case .fdList: "FDL"
        case .fdListInt: "FDL_INT"
        case .fdListV2: "FDL_V2"
        case .event: "EV"
        case .eventInt: "EV_INT"
        case .eventV2: "EV_V2"
        case .eventV2Large: "EV_V2_LARGE"
        case .eventWithFlags: "EVF"
        case .eventWithFlagsV2: "EVF_V2"
        case .eventWithFlagsV2Large: "EVF_V2_LARGE"
        case .interfaceList: "IL"
        case .interfaceListInt: "IL_INT"
        case .interfaceListV2: "IL_V2"
        case .userList: "UL"
        case .userListInt: "UL_INT"
        case .userListV2: "UL_V2"
        default: "0x" + String(rawValue, radix: 16)
        }
    }
}
