// SPDX-License-Identifier: Apache-2.0

/// Names for the event codes the state parser and the formatter single out. The full list, with
/// every code's name and parameters, is ``EventSchema``; these are the ones code has to name.
public enum EventCode {
    public static let genericE: UInt16 = 0, genericX: UInt16 = 1
    public static let openE: UInt16 = 2, openX: UInt16 = 3
    public static let closeE: UInt16 = 4, closeX: UInt16 = 5
    public static let readX: UInt16 = 7, writeE: UInt16 = 8, writeX: UInt16 = 9
    public static let execve8X: UInt16 = 13, clone11X: UInt16 = 15
    public static let procexitE: UInt16 = 16
    public static let socketE: UInt16 = 18, socketX: UInt16 = 19
    public static let bindX: UInt16 = 21
    public static let connectE: UInt16 = 22, connectX: UInt16 = 23
    public static let acceptX: UInt16 = 27
    public static let sendX: UInt16 = 29, sendtoE: UInt16 = 30, sendtoX: UInt16 = 31
    public static let recvX: UInt16 = 33, recvfromX: UInt16 = 35
    public static let shutdownE: UInt16 = 36, shutdownX: UInt16 = 37
    public static let socketpairX: UInt16 = 43
    public static let sendmsgE: UInt16 = 48, sendmsgX: UInt16 = 49
    public static let recvmsgX: UInt16 = 53
    public static let accept4X: UInt16 = 57
    public static let creatE: UInt16 = 58, creatX: UInt16 = 59
    public static let pipeX: UInt16 = 61
    public static let eventfdE: UInt16 = 62, eventfdX: UInt16 = 63
    public static let getcwdX: UInt16 = 93
    public static let chdirE: UInt16 = 94, chdirX: UInt16 = 95
    public static let fchdirE: UInt16 = 96, fchdirX: UInt16 = 97
    public static let openatE: UInt16 = 102, openatX: UInt16 = 103
    public static let preadX: UInt16 = 113, pwriteX: UInt16 = 115
    public static let readvX: UInt16 = 117, writevX: UInt16 = 119
    public static let preadvX: UInt16 = 121, pwritevX: UInt16 = 123
    public static let dupX: UInt16 = 125
    public static let signalfdX: UInt16 = 127
    public static let timerfdCreateX: UInt16 = 137
    public static let inotifyInitX: UInt16 = 139
    public static let getrlimitE: UInt16 = 140, getrlimitX: UInt16 = 141
    public static let setrlimitE: UInt16 = 142, setrlimitX: UInt16 = 143
    public static let prlimitE: UInt16 = 144, prlimitX: UInt16 = 145
    public static let schedSwitch1E: UInt16 = 146
    public static let fcntlE: UInt16 = 150, fcntlX: UInt16 = 151
    public static let schedSwitch6E: UInt16 = 152
    public static let execve13X: UInt16 = 155, clone16X: UInt16 = 157
    public static let brk4X: UInt16 = 159, mmapX: UInt16 = 161, mmap2X: UInt16 = 163, munmapX: UInt16 = 165
    public static let execve14X: UInt16 = 173
    public static let forkX: UInt16 = 183, vforkX: UInt16 = 185
    public static let procexit1E: UInt16 = 186
    public static let sendfileE: UInt16 = 188, sendfileX: UInt16 = 189
    public static let setresuidE: UInt16 = 192, setresuidX: UInt16 = 193
    public static let setresgidE: UInt16 = 194, setresgidX: UInt16 = 195
    public static let setuidE: UInt16 = 198, setuidX: UInt16 = 199
    public static let setgidE: UInt16 = 200, setgidX: UInt16 = 201
    public static let execve15X: UInt16 = 215
    public static let clone17X: UInt16 = 217, fork17X: UInt16 = 219, vfork17X: UInt16 = 221
    public static let clone20X: UInt16 = 223, fork20X: UInt16 = 225, vfork20X: UInt16 = 227
    public static let execve16X: UInt16 = 231
    public static let accept5X: UInt16 = 247, accept45X: UInt16 = 249
    public static let chrootX: UInt16 = 267
    public static let tracerE: UInt16 = 268
    public static let setsidX: UInt16 = 275
    public static let execve17X: UInt16 = 283
    public static let execve18E: UInt16 = 288, execve18X: UInt16 = 289
    public static let execve19E: UInt16 = 292, execve19X: UInt16 = 293
    public static let setpgidE: UInt16 = 294
    public static let openat2E: UInt16 = 306, openat2X: UInt16 = 307
    public static let openat2SyscallE: UInt16 = 326, openat2SyscallX: UInt16 = 327
    public static let execveatE: UInt16 = 330, execveatX: UInt16 = 331
    public static let copyFileRangeX: UInt16 = 333
    public static let clone3X: UInt16 = 335
    public static let dup2X: UInt16 = 363, dup3X: UInt16 = 365, dup1X: UInt16 = 367
    public static let accept46X: UInt16 = 389
    public static let pipe2X: UInt16 = 393
    public static let inotifyInit1X: UInt16 = 395
    public static let eventfd2X: UInt16 = 397
    public static let signalfd4X: UInt16 = 399

    /// The clone family's exit events and where their variable parameters sit.
    @inline(__always) static func cloneLayout(_ type: UInt16) -> (flags: Int, uid: Int, gid: Int, hasComm: Bool, hasVM: Bool,
                                               hasVids: Bool)? {
        switch type {
        case clone11X: return (8, 9, 10, false, false, false)
        case clone16X, forkX, vforkX: return (13, 14, 15, false, true, false)
        case clone17X, fork17X, vfork17X: return (14, 15, 16, true, true, false)
        case clone20X, fork20X, vfork20X, clone3X: return (15, 16, 17, true, true, true)
        default: return nil
        }
    }

    /// Whether `type` is the exit of a clone, fork or vfork.
    @inline(__always) static func isCloneExit(_ type: UInt16) -> Bool { cloneLayout(type) != nil }

    /// Whether `type` is the exit of an execve or execveat, of any version.
    static func isExecveExit(_ type: UInt16) -> Bool {
        switch type {
        case execve8X, execve13X, execve14X, execve15X, execve16X, execve17X, execve18X, execve19X, execveatX:
            return true
        default: return false
        }
    }
}
