// swift-tools-version:6.0
import PackageDescription

/// The bundled chisels: one folder of `Chisels/` each, built as a plugin `lib<name>.so` that links the
/// chisel protocol library (and nothing else of swiftdig).
let bundledChisels = [
    "around", "bottlenecks", "echo_fds", "fd_data", "fdbytes_by", "fdcount_by", "fdtime_by", "fileslower", "httplog", "httptop",
    "io_totals", "iobytes", "iobytes_file", "iobytes_net", "list_login_shells", "lscontainers", "lsof", "memcachelog", "netlower",
    "netstat", "proc_exec_time", "ps", "scallslower", "shellshock_detect", "slow_calls", "spectrogram", "spy_file", "spy_ip",
    "spy_logs", "spy_net", "spy_port", "spy_syslog", "spy_users", "stderr", "stdin", "stdout", "subsecoffset", "table_generator",
    "topconns", "topcontainers_cpu", "topcontainers_error", "topcontainers_file", "topcontainers_net", "topfiles_bytes", "topfiles_errors", "topfiles_time", "topports_server", "topprocs_cpu",
    "topprocs_errors", "topprocs_file", "topprocs_net", "topscalls", "topscalls_time", "tracers_2_statsd", "udp_extract",
]

let package = Package(
    name: "swiftdig",
    products: [
        .executable(name: "swiftdig", targets: ["swiftdig"]),
    ] + bundledChisels.map { .library(name: $0, type: .dynamic, targets: [$0]) },
    dependencies: [
        .package(path: "Core"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .executableTarget(
            name: "swiftdig",
            dependencies: [
                "ChiselHost",
                "SwiftdigCapture",
                .product(name: "SwiftdigCore", package: "Core"),
                .product(name: "SwiftdigChisel", package: "Core"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The driver's record and plan layouts (driver/include/swiftdig_record.h), shared by the
        // eBPF program and the capture library.
        .target(
            name: "SwiftdigDriverABI",
            path: "driver",
            exclude: ["probes", "vmlinux", "README.md"],
            sources: ["abi/layout_checks.c"],
            publicHeadersPath: "include",
            // The object goes into this C target's resource bundle: a Swift target with resources
            // gets a generated `Bundle.module` accessor that links Foundation (and ICU) into the
            // runner, several milliseconds of start-up on every run.
            plugins: ["BuildDriver"]
        ),
        // Live capture: the eBPF driver's loader, the /proc snapshot, and the encoder that turns the
        // driver's records into scap events.
        .target(
            name: "SwiftdigCapture",
            dependencies: [
                "SwiftdigDriverABI",
                "CLibBPF",
                .product(name: "SwiftdigCore", package: "Core"),
            ],
            // The encoder runs per event: no dynamic exclusivity checks (as in SwiftdigCore).
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // libbpf, which loads the driver's object and reads its ring buffer.
        .systemLibrary(name: "CLibBPF", pkgConfig: "libbpf", providers: [.apt(["libbpf-dev"])]),
        // Compiles driver/probes into swiftdig.bpf.o with the toolchain's clang.
        .plugin(name: "BuildDriver", capability: .buildTool()),
        // The runner's side of chisels: finding, compiling, loading and running them.
        .target(
            name: "ChiselHost",
            dependencies: [
                .product(name: "SwiftdigCore", package: "Core"),
                .product(name: "SwiftdigChisel", package: "Core"),
            ],
            // The per-event loop writes the event source's fields: no dynamic exclusivity checks there.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        // Helpers shared by the test targets.
        .target(name: "SwiftdigTestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "SwiftdigCoreTests",
            dependencies: ["SwiftdigTestSupport", .product(name: "SwiftdigCore", package: "Core")]
        ),
        .testTarget(
            name: "CaptureTests",
            dependencies: [
                "SwiftdigCapture", "SwiftdigDriverABI", "SwiftdigTestSupport",
                .product(name: "SwiftdigCore", package: "Core"),
            ]
        ),
        .testTarget(
            name: "ChiselTests",
            dependencies: [
                "ChiselHost",
                .product(name: "SwiftdigCore", package: "Core"),
                .product(name: "SwiftdigChisel", package: "Core"),
            ]
        ),
    ] + bundledChisels.map {
        .target(
            name: $0, dependencies: [.product(name: "SwiftdigChisel", package: "Core")], path: "Chisels/\($0)",
            // Tables kept in a chisel's properties change per event: no dynamic exclusivity checks there.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])])
    }
)
