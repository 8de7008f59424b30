// SPDX-License-Identifier: Apache-2.0

/// Live capture: loads the eBPF driver, snapshots /proc, and turns the driver's records into the
/// scap events the rest of swiftdig reads from files.
public enum SwiftdigCapture {}
