// SPDX-License-Identifier: Apache-2.0

/// The layout of an event's header, which the block type decides.
public enum EventFormat: Sendable, Hashable {
    /// Old blocks (`EV`, `EVF`, `EV_INT`): a 22-byte header without the parameter count, which a
    /// reader works out from the event length.
    case v1
    /// Current blocks (`EV_V2`, `EVF_V2` and their `_LARGE` forms): the 26-byte header of
    /// `ppm_evt_hdr`, parameter count included.
    case v2

    /// The size of the header in this layout.
    public var headerSize: Int { self == .v1 ? EventHeader.v1Size : EventHeader.size }
}
