// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

/// `StdSort` must leave equal elements where libstdc++'s `std::sort` leaves them.
@Suite struct StdSortTests {
    /// What g++ 12's `std::sort` made of 200 rows `{(i * 7919 + 13) % 4, i}` sorted by descending
    /// count (the ids, in order), computed once with a small C++ program.
    static let libstdcxxOrder = [
        42, 182, 134, 30, 62, 98, 178, 34, 78, 94, 38, 138, 174, 102, 58, 90, 170, 46, 142, 162, 86, 50, 146, 166,
        82, 54, 14, 70, 2, 118, 198, 122, 6, 154, 194, 10, 114, 126, 74, 26, 110, 190, 66, 18, 106, 186, 22, 130,
        158, 150, 147, 79, 75, 151, 135, 83, 143, 87, 91, 139, 95, 199, 99, 103, 131, 107, 127, 111, 115, 123, 119,
        167, 27, 31, 179, 35, 15, 71, 175, 39, 191, 43, 171, 183, 47, 19, 51, 11, 195, 55, 163, 59, 7, 159, 23, 63,
        3, 67, 155, 187, 192, 128, 188, 176, 124, 196, 100, 184, 132, 180, 136, 172, 140, 168, 144, 164, 160, 148,
        156, 152, 68, 92, 20, 88, 24, 80, 28, 76, 72, 32, 84, 36, 64, 60, 40, 56, 44, 52, 48, 120, 108, 8, 112, 104,
        12, 0, 16, 116, 4, 96, 41, 197, 173, 5, 37, 45, 33, 177, 9, 17, 193, 29, 181, 13, 25, 1, 185, 21, 189, 145,
        121, 117, 113, 125, 109, 129, 105, 101, 133, 97, 137, 93, 89, 141, 85, 169, 81, 77, 149, 73, 153, 69, 65,
        157, 61, 161, 57, 53, 165, 49,
    ]

    @Test func tiesLandWhereLibstdcxxPutsThem() {
        var rows = (0..<200).map { (count: ($0 * 7919 + 13) % 4, id: $0) }
        StdSort.sort(&rows) { $0.count > $1.count }
        #expect(rows.map(\.id) == Self.libstdcxxOrder)
    }
}
