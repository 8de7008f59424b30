// SPDX-License-Identifier: Apache-2.0
import ArgumentParser
import SwiftdigCore

@main
struct Swiftdig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swiftdig",
        abstract: "Explore and troubleshoot a Linux system from its system calls."
    )

    func run() throws {}
}
