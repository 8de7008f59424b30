// SPDX-License-Identifier: Apache-2.0
import SwiftdigCore
import Testing

@Suite struct ScapCaptureTests {
    @Test func curlGoogle() throws {
        guard let path = ScapTestSupport.capture("curl_google.scap") else { return }
        let summary = try ScapTestSupport.summarize(path)
        #expect(summary.events == 1536)
        #expect(summary.blocks.filter { $0.key.hasPrefix("SHB ") }.values.reduce(0, +) == 1)
        #expect(summary.blocks["PL_V5"] == 1)
        #expect(summary.blocks["FDL"] == 54)
        #expect(summary.blocks["IL"] == 1)
        #expect(summary.blocks["UL"] == 1)
        #expect(summary.blocks["MI"] == 1)
        #expect(summary.blocks["EV"] == 1536)
        let reader = try ScapReader(path: path)
        _ = try reader.nextBlock()
        #expect(reader.isCompressed)
    }

    @Test func curlGoogleWithComments() throws {
        guard let plain = ScapTestSupport.capture("curl_google.scap"),
            let commented = ScapTestSupport.capture("curl_google_comments.scap")
        else { return }
        let reader = try ScapReader(path: commented)
        guard case let .sectionHeader(header)? = try reader.nextBlock() else {
            Issue.record("no section header")
            return
        }
        #expect(header.options.map(\.value.string).contains("File-level comment"))
        #expect(try ScapTestSupport.summarize(commented).events == ScapTestSupport.summarize(plain).events)
    }

    @Test func singleIPv6Connection() throws {
        guard let path = ScapTestSupport.capture("single_ipv6_conn.scap") else { return }
        let summary = try ScapTestSupport.summarize(path)
        #expect(summary.events == 1728)
        #expect(summary.blocks["IL_V2"] == 1)
        #expect(summary.blocks["UL_V2"] == 1)
        #expect(summary.blocks["PL_V9"] == 1)
        #expect(summary.blocks["FDL_V2"] == 154)
        #expect(summary.blocks["EV_V2"] == 1728)
    }

    @Test func ipv6Client() throws {
        guard let path = ScapTestSupport.capture("test_ipv6_client.scap") else { return }
        #expect(try ScapTestSupport.summarize(path).events == 326)
    }

    /// Every parameter of every event can be walked, by iteration and by index alike.
    @Test func parametersOfRealEvents() throws {
        for name in ["curl_google.scap", "single_ipv6_conn.scap", "test_ipv6_client.scap"] {
            guard let path = ScapTestSupport.capture(name) else { continue }
            let reader = try ScapReader(path: path)
            var events = 0
            while let block = try reader.nextBlock() {
                guard case let .event(event) = block else { continue }
                events += 1
                let params = event.params
                var total = 0
                var index = 0
                for value in params {
                    #expect(value.count == params.length(index))
                    #expect(value.baseAddress == params[index].baseAddress)
                    total += value.count
                    index += 1
                }
                #expect(index == Int(event.header.nparams))
                #expect(params.valuesOffset + total == Int(event.header.paramsEnd))
            }
            #expect(events > 0)
        }
    }

    @Test func processListOfSingleIPv6Connection() throws {
        guard let path = ScapTestSupport.capture("single_ipv6_conn.scap") else { return }
        let reader = try ScapReader(path: path)
        while let block = try reader.nextBlock() {
            guard case let .processList(list) = block else { continue }
            let first = try #require(list.threads.first)
            #expect(first.comm == "systemd")
            #expect(first.exe == "/sbin/init")
            #expect(first.exepath == "/lib/systemd/systemd")
            #expect(first.cwd == "/")
            #expect(first.loginUID == nil)
            #expect(list.threads.contains { $0.args.nulSeparated == ["-f"] })
            return
        }
        Issue.record("no process list")
    }
}
