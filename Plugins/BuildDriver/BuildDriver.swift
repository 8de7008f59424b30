// SPDX-License-Identifier: Apache-2.0
import Foundation
import PackagePlugin

/// Compiles the eBPF driver (driver/probes/swiftdig.bpf.c) into `swiftdig.bpf.o` with the
/// toolchain's clang, whenever one of its sources changes. The object is an output of the target
/// it is attached to, so SwiftPM copies it into that target's resource bundle.
@main
struct BuildDriver: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        let driver = context.package.directoryURL.appending(path: "driver")
        let probes = driver.appending(path: "probes")
        let output = context.pluginWorkDirectoryURL.appending(path: "swiftdig.bpf.o")
        // Every header the object depends on, so an edit anywhere rebuilds it.
        let inputs = try sources(under: probes) + sources(under: driver.appending(path: "include"))
            + sources(under: driver.appending(path: "vmlinux"))
        return [
            .buildCommand(
                displayName: "Compiling the eBPF driver swiftdig.bpf.o",
                executable: try context.tool(named: "clang").url,
                arguments: [
                    "-target", "bpf", "-O2", "-g", "-D__TARGET_ARCH_x86",
                    "-I", probes.path, "-I", driver.appending(path: "vmlinux").path,
                    "-I", driver.appending(path: "include").path,
                    "-c", probes.appending(path: "swiftdig.bpf.c").path,
                    "-o", output.path,
                ],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }

    /// The C sources and headers below a folder.
    private func sources(under folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }.filter { ["c", "h"].contains($0.pathExtension) }
    }
}
