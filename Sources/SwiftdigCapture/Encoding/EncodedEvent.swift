// SPDX-License-Identifier: Apache-2.0

/// One scap event made from a driver record, valid only during the sink call that receives it.
///
/// `bytes` is the event as sysdig 0.29.3 writes it in an `EV_V2` block: the 26-byte `ppm_evt_hdr`
/// (ts, tid, len, type, nparams), the parameter lengths (u16, or u32 for the schema's
/// large-payload types), then the values. It points into the encoder's reusable buffer.
public struct EncodedEvent {
    /// The event, header first.
    public let bytes: UnsafeRawBufferPointer
    /// The cpu the driver saw it on.
    public let cpu: UInt16
}
