// SPDX-License-Identifier: Apache-2.0

extension SystemState {
    /// Counts each thread (`CLONE_THREAD` in its flags) as a child of its main thread, as libsinsp
    /// does once the capture's process list is in (`create_child_dependencies`): the process list
    /// adds threads without counting them, and a main thread that exits while it still has threads
    /// must stay in the table. A main thread missing from the list is added as a placeholder (its
    /// lookup creates one), and is counted by that lookup too, as in libsinsp.
    func createChildDependencies() {
        let threaded = threads.values.filter { $0.flags & CloneFlag.thread != 0 }.map(\.pid)
        for pid in threaded {
            thread(pid, create: true)?.childCount += 1
        }
    }

    /// Counts the children again from nothing (`recreate_child_dependencies`): after a main thread
    /// with threads was removed by force, their counts no longer hold.
    func recreateChildDependencies() {
        for thread in threads.values { thread.childCount = 0 }
        createChildDependencies()
    }
}
