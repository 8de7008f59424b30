// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

#if canImport(Glibc)
import Glibc
#endif

/// `-l`, `-lv` and `--list-markdown` print the field table exactly as sysdig 0.29.3 does. Needs
/// sysdig (skips without it, except in CI).
@Suite struct FieldListingTests {
    @Test(arguments: [("-l", false, false), ("-lv", true, false), ("--list-markdown", false, true)])
    func matchesSysdig(_ option: String, verbose: Bool, markdown: Bool) {
        guard access(SharedCaptures.sysdig, X_OK) == 0 else {
            #expect(!SharedCaptures.inCI, "sysdig is not installed: cannot compare \(option)")
            return
        }
        let theirs = ScapTestSupport.shell("\(SharedCaptures.sysdig) \(option) 2>/dev/null")
        #expect(theirs.status == 0)
        let ours = Array(fieldListingText(verbose: verbose, markdown: markdown).utf8)
        #expect(ours.count > 10_000)
        #expect(ours == theirs.output, "\(option): \(SharedCaptures.firstDifference(ours, theirs.output))")
    }
}
