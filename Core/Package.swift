// swift-tools-version:6.0
// The shared libraries of swiftdig. They live in a package of their own so that their products are
// real shared objects: the runner and every chisel plugin link the one `libSwiftdigCore.so`, and a
// type that crosses a `dlopen` boundary is the same type on both sides (see docs/architecture.md).
import PackageDescription

let package = Package(
    name: "swiftdig-core",
    products: [
        .library(name: "SwiftdigCore", type: .dynamic, targets: ["SwiftdigCore"]),
        // The chisel protocol: the one library chisel plugins link. It depends on nothing else, and
        // library evolution keeps its binary interface stable across compatible releases
        // (docs/chisels.md).
        .library(name: "SwiftdigChisel", type: .dynamic, targets: ["SwiftdigChisel"]),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "SwiftdigCore",
            dependencies: ["CZlib"],
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(
            name: "SwiftdigChisel",
            swiftSettings: [.unsafeFlags(["-enable-library-evolution"])]
        ),
    ]
)
