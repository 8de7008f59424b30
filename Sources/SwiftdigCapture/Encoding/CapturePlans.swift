// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// The capture plans userspace gives the driver: for each native system call with its own events,
/// the steps that collect what the enter and exit parameters need. They are derived from the
/// recipe table (RecipeTable.swift), so a parameter and what feeds it are written once.
public enum CapturePlans {
    /// The x86_64 calls that do not return to their caller as they entered (exit, rt_sigreturn,
    /// execve, exit_group, execveat): their enter record is emitted at entry rather than carried by
    /// the exit record (`SD_PLAN_ENTER_RECORD`), since their exit never comes or comes with other
    /// registers.
    static let enterRecordAtEntry: Set<Int> = [60, 15, 59, 231, 322]

    /// One plan per row of sysdig 0.29.3's routing table (``SyscallRoutes/rows``), in native order,
    /// and one for each call of ``enterRecordAtEntry``. Calls left out, and rows routed to the
    /// generic events, need no steps: the all-zero default (arguments only, the entry carried by
    /// the exit record) is what they get.
    public static func all() -> [(syscall: Int, plan: sd_syscall_plan)] {
        var plans = SyscallRoutes.rows.map { route in
            var plan = sd_syscall_plan()
            if !route.isGeneric {
                fill(&plan.enter, RecipeBook.recipe(route.enter)?.steps ?? [])
                fill(&plan.exit, RecipeBook.recipe(route.exit)?.steps ?? [])
            }
            return (syscall: route.native, plan: plan)
        }
        for native in enterRecordAtEntry.sorted() {
            if let index = plans.firstIndex(where: { $0.syscall == native }) {
                plans[index].plan.flags |= UInt32(SD_PLAN_ENTER_RECORD)
            } else {
                var plan = sd_syscall_plan()
                plan.flags = UInt32(SD_PLAN_ENTER_RECORD)
                plans.append((native, plan))
            }
        }
        return plans
    }

    private static func fill(
        _ slots: inout (sd_capture_step, sd_capture_step, sd_capture_step), _ steps: [sd_capture_step]
    ) {
        if steps.count > 0 { slots.0 = steps[0] }
        if steps.count > 1 { slots.1 = steps[1] }
        if steps.count > 2 { slots.2 = steps[2] }
    }
}
