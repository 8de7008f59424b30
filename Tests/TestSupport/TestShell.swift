// SPDX-License-Identifier: Apache-2.0
import Glibc

/// Running shell commands from tests (sysdig, gzip, the built runner), for every test target.
public enum TestShell {
    /// Runs `command` through `/bin/sh`; its standard output and exit status (-1 when it could not
    /// be started).
    public static func run(_ command: String) -> (output: [UInt8], status: Int32) {
        guard let pipe = popen(command, "r") else { return ([], -1) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { fread($0.baseAddress!, 1, $0.count, pipe) }
            if got == 0 { break }
            output += chunk[0..<got]
        }
        return (output, pclose(pipe))
    }
}
