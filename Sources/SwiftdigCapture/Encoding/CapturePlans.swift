// SPDX-License-Identifier: Apache-2.0
import SwiftdigDriverABI

/// The capture plans userspace gives the driver: for each native system call with its own events,
/// the steps that collect what the enter and exit parameters need. They are derived from the
/// recipe table (RecipeTable.swift), so a parameter and what feeds it are written once.
public enum CapturePlans {
    /// One plan per row of sysdig 0.29.3's routing table (``SyscallRoutes/rows``), in native order.
    /// Calls left out, and rows routed to the generic events, need no plan: the all-zero default
    /// (arguments only) is what they get.
    public static func all() -> [(syscall: Int, plan: sd_syscall_plan)] {
        SyscallRoutes.rows.map { route in
            var plan = sd_syscall_plan()
            if !route.isGeneric {
                fill(&plan.enter, RecipeBook.recipe(route.enter)?.steps ?? [])
                fill(&plan.exit, RecipeBook.recipe(route.exit)?.steps ?? [])
            }
            return (route.native, plan)
        }
    }

    private static func fill(
        _ slots: inout (sd_capture_step, sd_capture_step, sd_capture_step), _ steps: [sd_capture_step]
    ) {
        if steps.count > 0 { slots.0 = steps[0] }
        if steps.count > 1 { slots.1 = steps[1] }
        if steps.count > 2 { slots.2 = steps[2] }
    }
}
