// SPDX-License-Identifier: Apache-2.0

extension SystemState {
    /// Points the IPv4 sockets of the capture's fd lists the way libsinsp does once they are loaded
    /// (`fix_sockets_coming_from_proc`): /proc gives a connection as local end first, so a socket
    /// whose local port is one some process listens on is the server end, and its tuple is turned
    /// around (client first, as events build it); every other one is a client.
    func fixSocketsComingFromProc() {
        var serverPorts = Set<UInt16>()
        for thread in threads.values {
            for fd in thread.fds.values {
                if fd.type == .ipv4ServerSocket { serverPorts.insert(fd.sockinfo.v4serverPort) }
                if fd.type == .ipv6ServerSocket { serverPorts.insert(fd.sockinfo.v6serverPort) }
            }
        }
        for thread in threads.values {
            for fd in thread.fds.values where fd.type == .ipv4Socket {
                guard serverPorts.contains(fd.sockinfo.v4sport) else {
                    fd.setRoleClient()
                    continue
                }
                let s = fd.sockinfo
                fd.sockinfo.v4sip = s.v4dip
                fd.sockinfo.v4dip = s.v4sip
                fd.sockinfo.v4sport = s.v4dport
                fd.sockinfo.v4dport = s.v4sport
                fd.name = NetworkAddresses.ipv4Tuple(s.v4dip, s.v4dport, s.v4sip, s.v4sport)
                fd.setRoleServer()
            }
        }
    }
}
