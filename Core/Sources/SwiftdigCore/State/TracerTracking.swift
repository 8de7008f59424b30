// SPDX-License-Identifier: Apache-2.0
import Synchronization

/// Whether spans are tracked from enter to exit tracer (libsinsp's `request_tracer_state_tracking`):
/// off until a field that needs them is bound (`span.duration`, `span.args`, every `evtin` field),
/// then on for the rest of the process, as it is for sysdig's one inspector. Without it, tracer
/// events still decode, but `span.nargs` and the fields that need a span have no value.
public enum TracerTracking {
    private static let requested = Atomic<Bool>(false)

    /// Turns tracking on.
    public static func request() { requested.store(true, ordering: .relaxed) }

    /// Whether tracking is on.
    public static var isRequested: Bool { requested.load(ordering: .relaxed) }
}
