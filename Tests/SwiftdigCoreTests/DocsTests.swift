// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

/// The documents generated from the code's tables are current.
@Suite struct DocsTests {
    @Test func filtersReferenceIsGeneratedFromTheFieldTable() throws {
        let doc = try #require(SharedCaptures.read("\(ScapTestSupport.packageRoot)/docs/filters.md"), "docs/filters.md is missing")
        let language = try #require(SharedCaptures.read("\(ScapTestSupport.packageRoot)/docs/src/filters-language.md"))
        let expected = language + Array(fieldListingText(markdown: true).utf8)
        #expect(Bool(doc == expected), "docs/filters.md is stale: run Scripts/generate-filters-doc.sh")
    }
}
