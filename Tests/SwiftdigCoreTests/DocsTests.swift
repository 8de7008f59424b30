// SPDX-License-Identifier: Apache-2.0
import Testing

@testable import SwiftdigCore

/// The documents generated from the code's tables are current.
@Suite struct DocsTests {
    /// The checkout's root (#filePath is …/Tests/SwiftdigCoreTests/DocsTests.swift).
    static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    @Test func filtersReferenceIsGeneratedFromTheFieldTable() throws {
        let doc = try #require(SharedCaptures.read("\(Self.root)/docs/filters.md"), "docs/filters.md is missing")
        let language = try #require(SharedCaptures.read("\(Self.root)/docs/src/filters-language.md"))
        let expected = language + Array(fieldListingText(markdown: true).utf8)
        #expect(Bool(doc == expected), "docs/filters.md is stale: run Scripts/generate-filters-doc.sh")
    }
}
