// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "swiftdig",
    products: [
        .executable(name: "swiftdig", targets: ["swiftdig"]),
    ],
    dependencies: [
        .package(path: "Core"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "swiftdig",
            dependencies: [
                .product(name: "SwiftdigCore", package: "Core"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "SwiftdigCoreTests",
            dependencies: [.product(name: "SwiftdigCore", package: "Core")]
        ),
    ]
)
