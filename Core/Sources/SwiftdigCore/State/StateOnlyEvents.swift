// SPDX-License-Identifier: Apache-2.0
import Glibc

extension EventParser {
    /// Whether events a capture marks state-only (`SCAP_DF_STATE_ONLY`, written by `-w` with a filter
    /// and by `-F`) are shown instead of hidden: a debugging aid for comparing how readers rebuild
    /// the state, set with the environment variable `SWIFTDIG_SHOW_STATE_ONLY=1`.
    public static let showsStateOnlyEvents: Bool = {
        guard let value = getenv("SWIFTDIG_SHOW_STATE_ONLY") else { return false }
        return String(cString: value) == "1"
    }()
}
