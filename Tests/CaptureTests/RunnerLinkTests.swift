// SPDX-License-Identifier: Apache-2.0
import Testing

/// What the runner links. Foundation (with its ICU data) costs every run about 8 ms of start-up,
/// more than half of a small capture's whole run, and nothing of swiftdig uses it; it came in once
/// through SwiftPM's generated resource accessor, so this keeps it from coming back unnoticed.
@Suite struct RunnerLinkTests {
    @Test func theRunnerDoesNotLinkFoundation() throws {
        guard let executable = SnapshotSupport.swiftdigExecutable else {
            #expect(!SnapshotSupport.inCI, "the swiftdig executable is not beside the tests")
            return
        }
        let bytes = SnapshotSupport.read(executable)
        #expect(!bytes.isEmpty, "cannot read \(executable)")
        // A needed library is named in the dynamic string table, NUL-terminated.
        let needle = Array("libFoundation.so".utf8) + [0]
        let found = bytes.withUnsafeBufferPointer { haystack in
            haystack.indices.dropLast(needle.count - 1).contains { start in
                haystack[start] == needle[0] && haystack[start..<start + needle.count].elementsEqual(needle)
            }
        }
        #expect(!found, "\(executable) links libFoundation.so")
    }
}
