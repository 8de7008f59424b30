// SPDX-License-Identifier: Apache-2.0
import SwiftdigChisel
import SwiftdigCore

extension BufferFormat {
    /// The core's format for a chisel's choice (`sysdig.set_output_format`).
    init(_ format: ChiselBufferFormat) {
        switch format {
        case .normal: self = .normal
        case .ascii: self = .ascii
        case .hex: self = .hex
        case .hexAscii: self = .hexAscii
        case .base64: self = .base64
        case .json: self = .json
        case .jsonBase64: self = .jsonBase64
        case .simple: self = .simple
        @unknown default: self = .normal
        }
    }
}
