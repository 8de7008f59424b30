// SPDX-License-Identifier: Apache-2.0
import Foundation
import SwiftdigCore
import Testing

@Suite struct SchemaTypeTests {
    @Test func paramTypeWidths() {
        #expect(ParamType.fd.fixedWidth == 8)
        #expect(ParamType.charbuf.fixedWidth == nil)
    }

    @Test func categorySubjectDropsOnlySourceBits() {
        let wait = EventCategory(rawValue: EventCategory.syscall.rawValue | EventCategory.wait.rawValue)
        #expect(wait.subject == .wait)
        let internalMeta = EventCategory(rawValue: EventCategory.metaevent.rawValue | EventCategory.internal.rawValue)
        #expect(internalMeta.subject == .internal)
    }
}

@Suite struct EventSchemaTests {
    @Test func hasEveryEventInCodeOrder() {
        #expect(EventSchema.events.count == 454)
        for (index, event) in EventSchema.events.enumerated() {
            #expect(Int(event.code) == index)
            #expect(event.direction == (index % 2 == 0 ? .enter : .exit))
            #expect(event.legacyParamCount <= event.params.count)
        }
        #expect(EventSchema.info(453)?.name == "keyctl")
        #expect(EventSchema.info(454) == nil)
        #expect(EventSchema.info(UInt16.max) == nil)
    }

    @Test func openExit() throws {
        let open = try #require(EventSchema.info(3))
        #expect(open.name == "open")
        #expect(open.direction == .exit)
        #expect(open.category.subject == .file)
        #expect(open.category.contains(.syscall))
        #expect(open.flags == [.createsFD, .modifiesState])
        let expected: [(String, ParamType, PrintFormat)] = [
            ("fd", .fd, .dec), ("name", .fspath, .na), ("flags", .flags32, .hex), ("mode", .uint32, .oct),
            ("dev", .uint32, .hex), ("ino", .uint64, .dec),
        ]
        #expect(open.params.count == expected.count)
        for (param, want) in zip(open.params, expected) {
            #expect(param.name == want.0)
            #expect(param.type == want.1)
            #expect(param.format == want.2)
        }
        #expect(open.params[2].names?.name == "file_flags")
        // sysdig 0.29.3 knows the first five; `ino` was appended later.
        #expect(open.legacyParamCount == 5)
    }

    @Test func oldSpellingsAreKept() throws {
        // Where libs master renamed or retyped a parameter in place, sysdig 0.29.3's version wins.
        let plugin = try #require(EventSchema.info(322))
        #expect(plugin.params.first?.name == "plugin ID")
        let execve = try #require(EventSchema.info(293))
        #expect(execve.params[16].type == .int32)
        #expect(execve.params[17].name == "pgid")
        #expect(execve.legacyParamCount == 20)
        #expect(execve.params.count > 20)
        let mmap = try #require(EventSchema.info(161))
        #expect(mmap.params[0].type == .uint64)
        #expect(EventSchema.info(196)?.name == "sysdigevent")
        #expect(EventSchema.info(17)?.name == "NA1")
        let openat2 = try #require(EventSchema.info(326))
        #expect(openat2.params[1].dirfdIndex == 1)
        let seccomp = try #require(EventSchema.info(298))
        #expect(seccomp.legacyParamCount == 1)
        #expect(seccomp.params.map(\.name) == ["op", "flags"])
        // Flags stay sysdig 0.29.3's: newer libraries mark this enter event OLD_VERSION.
        #expect(EventSchema.info(2)?.flags.contains(.oldVersion) == false)
    }

    @Test func dynamicAndRelativePathParams() throws {
        let setsockopt = try #require(EventSchema.info(45))
        let value = setsockopt.params[4]
        #expect(value.type == .dyn)
        #expect(value.dynamicChoices?.map(\.type) == [.bytebuf, .errno, .uint32, .uint64, .reltime])
        #expect(setsockopt.params[2].names?.name == "sockopt_levels")
        let linkat = try #require(EventSchema.info(311))
        #expect(linkat.params.map(\.dirfdIndex) == [nil, nil, 1, nil, 3, nil])
        let bpf = try #require(EventSchema.info(297))
        #expect(bpf.params[0].dynamicChoices?.map(\.type) == [.fd, .errno])
    }

    @Test func everyNamedTableResolves() {
        var flagParamsWithoutTable: Set<String> = []
        for event in EventSchema.events {
            for param in event.params {
                if let table = param.names {
                    #expect(NameTables.named(table.name) != nil, "\(event.name): \(param.name)")
                    #expect(!table.entries.isEmpty)
                }
                if param.type == .dyn {
                    #expect(param.dynamicChoices?.isEmpty == false, "\(event.name): \(param.name)")
                }
                if param.type == .fsrelpath {
                    let index = param.dirfdIndex ?? -1
                    #expect(index >= 0 && index < event.params.count, "\(event.name): \(param.name)")
                }
                switch param.type {
                case .flags8, .flags16, .flags32, .enumflags8, .enumflags16, .enumflags32:
                    if param.names == nil { flagParamsWithoutTable.insert("\(event.code):\(param.name)") }
                default: break
                }
            }
        }
        // The driver declares these flags without a table: sysdig prints only their number.
        #expect(flagParamsWithoutTable == ["62:flags", "126:flags", "136:flags", "138:flags"])
        let names = NameTables.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.count == 55)
    }

    @Test func fileFlagsKeepDriverOrder() throws {
        let table = try #require(NameTables.named("file_flags"))
        #expect(
            table.legacyEntries.map(\.name) == [
                "O_LARGEFILE", "O_DIRECTORY", "O_DIRECT", "O_TRUNC", "O_SYNC", "O_NONBLOCK", "O_EXCL", "O_DSYNC",
                "O_APPEND", "O_CREAT", "O_RDWR", "O_WRONLY", "O_RDONLY", "O_CLOEXEC", "O_NONE", "O_TMPFILE",
            ])
        #expect(table.entries[10].value == 3)
        #expect(table.entries[12].value == 1)
        #expect(table.entries[13].value == 1 << 12)
        #expect(table.entries.count > table.legacyCount)
        let shutdown = try #require(NameTables.named("shutdown_how"))
        #expect(shutdown.legacyEntries.map(\.name) == ["SHUT_RDWR", "SHUT_WR", "SHUT_RD"])
        let fcntl = try #require(NameTables.named("fcntl_commands"))
        #expect(fcntl.entries.contains { $0.name == "F_SETLKW64" })
        #expect(NameTables.named("no_such_table") == nil)
    }
}

@Suite struct NameLookupTests {
    @Test func errnoNames() {
        #expect(ErrnoNames.name(for: 2) == "ENOENT")
        #expect(ErrnoNames.name(for: 11) == "EAGAIN")
        #expect(ErrnoNames.name(for: 115) == "EINPROGRESS")
        #expect(ErrnoNames.name(for: 512) == "ERESTARTSYS")
        #expect(ErrnoNames.name(for: 0) == nil)
        #expect(ErrnoNames.name(for: 41) == nil)
        #expect(ErrnoNames.name(for: 126) == nil)
        #expect(ErrnoNames.name(for: -2) == nil)
    }

    @Test func signalNames() {
        #expect(SignalNames.name(for: 9) == "SIGKILL")
        #expect(SignalNames.name(for: 29) == "SIGIO")
        #expect(SignalNames.name(for: 0) == nil)
        #expect(SignalNames.name(for: 34) == nil)
    }

    @Test func syscallNames() {
        #expect(SyscallNames.name(forPPMSC: 75) == "mprotect")
        #expect(SyscallNames.category(forPPMSC: 75) == .memory)
        #expect(SyscallNames.name(forPPMSC: 0) == "<unknown>")
        #expect(SyscallNames.name(forPPMSC: 305) == "setuid")
        #expect(SyscallNames.name(forPPMSC: 328) == "clone3")
        #expect(SyscallNames.name(forPPMSC: 329) == "open_by_handle_at")
        #expect(SyscallNames.category(forPPMSC: 329) == .other)
        #expect(SyscallNames.name(forPPMSC: 382) == nil)
        #expect(SyscallNames.name(forPPMSC: 454) == nil)
    }

    @Test func nativeX86_64Numbers() {
        #expect(SyscallNames.ppmSC(forNativeX86_64: 10) == 75)  // mprotect
        #expect(SyscallNames.ppmSC(forNativeX86_64: 0) == 3)  // read
        #expect(SyscallNames.ppmSC(forNativeX86_64: 15) == 298)  // rt_sigreturn
        #expect(SyscallNames.ppmSC(forNativeX86_64: -1) == nil)
        #expect(SyscallNames.ppmSC(forNativeX86_64: 100_000) == nil)
    }
}

@Suite struct EventListingTests {
    static let sysdigPath = SharedCaptures.sysdig
    static let sysdigAvailable = FileManager.default.isExecutableFile(atPath: sysdigPath)
    static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test func listingFormat() {
        let lines = eventListingText().split(separator: "\n")
        #expect(lines.first == "> syscall(SYSCALLID ID, UINT16 nativeID)")
        #expect(lines.contains("< open(FD fd, FSPATH name, FLAGS32 flags, UINT32 mode, UINT32 dev)"))
        #expect(lines.contains("> pluginevent(UINT32 plugin ID, BYTEBUF event_data)"))
        #expect(!lines.contains { $0.hasPrefix("> drop(") })
        #expect(lines.contains { $0.hasPrefix("< keyctl(") })
    }

    @Test(.enabled(if: sysdigAvailable || onCI, "\(sysdigPath) is not installed: cannot compare with sysdig -L"))
    func matchesSysdigListing() throws {
        try #require(Self.sysdigAvailable, "\(Self.sysdigPath) is missing and CI=true: the comparison must run")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.sysdigPath)
        process.arguments = ["-L"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let theirs = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.isEmpty }
        let ours = eventListingText().split(separator: "\n")
        #expect(theirs.count > 200)
        // Every line sysdig prints appears in ours, in the same relative order.
        var cursor = ours.startIndex
        for line in theirs {
            guard let found = ours[cursor...].firstIndex(of: line) else {
                Issue.record("missing or out of order: \(line)")
                continue
            }
            cursor = ours.index(after: found)
        }
        // Events sysdig knows come first by code, so its listing is exactly our first lines.
        #expect(Array(ours.prefix(theirs.count)) == theirs)
    }
}
