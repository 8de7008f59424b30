// SPDX-License-Identifier: Apache-2.0

/// One block of a capture, as ``ScapReader/nextBlock()`` returns it.
public enum ScapBlock {
    /// A section header.
    case sectionHeader(SectionHeader)
    /// The machine info.
    case machineInfo(MachineInfo)
    /// The interface list.
    case interfaceList(InterfaceList)
    /// The user list.
    case userList(UserList)
    /// The process list.
    case processList(ProcessList)
    /// The file descriptors of one thread.
    case fdList(FDList)
    /// An event, borrowed from the reader until its next call.
    case event(ScapEvent)
    /// A block of a type the reader does not know.
    case unknown(UnknownBlock)
}
