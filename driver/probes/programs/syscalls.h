/* SPDX-License-Identifier: Apache-2.0 */
/*
 * raw_syscalls:sys_enter and sys_exit. Every system call gives an enter and an exit record
 * with its raw arguments; the plan for its number adds chunks (or hides the call). Calls with
 * no steps take the short path: a header-only record reserved in the ring buffer directly.
 */

/* __USER32_CS: a 32-bit compat system call, whose numbers mean other calls; not collected. */
#define SD_USER32_CS 0x23
/* __X32_SYSCALL_BIT: an x32 system call (64-bit calls with 32-bit pointers); not collected. */
#define SD_X32_SYSCALL_BIT 0x40000000

static __always_inline bool sd_is_compat(struct pt_regs *regs, long nr)
{
    return regs->cs == SD_USER32_CS || (nr & SD_X32_SYSCALL_BIT);
}

static __always_inline void sd_copy_args(__u64 *args, struct pt_regs *regs)
{
    args[0] = regs->di;
    args[1] = regs->si;
    args[2] = regs->dx;
    args[3] = regs->r10;
    args[4] = regs->r8;
    args[5] = regs->r9;
}

static __always_inline const struct sd_syscall_plan *sd_plan(long nr)
{
    __u32 key = nr;
    if (nr < 0 || nr >= SD_MAX_SYSCALLS)
        return NULL;
    return bpf_map_lookup_elem(&sd_plans, &key);
}

/* Emits a syscall record: `exit` selects the direction (and whether `ret` is valid). */
static __always_inline int sd_syscall_record(struct pt_regs *regs, long nr, long ret, bool exit)
{
    const struct sd_settings *set = sd_active_settings();
    if (!set || nr < 0 || sd_is_compat(regs, nr))
        return 0;
    const struct sd_syscall_plan *plan = sd_plan(nr);
    if (plan && (plan->flags & SD_PLAN_IGNORE))
        return 0;
    const struct sd_capture_step *steps = NULL;
    if (plan)
        steps = exit ? plan->exit : plan->enter;
    __u64 pid_tgid = bpf_get_current_pid_tgid();
    __u16 kind = exit ? SD_RECORD_SYSCALL_EXIT : SD_RECORD_SYSCALL_ENTER;

    bool wants_chunks = steps && steps[0].kind != SD_CAP_NONE;
    struct sd_scratch *s = wants_chunks ? sd_scratch_acquire() : NULL;
    if (!s) {
        struct sd_record *r = sd_reserve_fixed();
        if (!r)
            return 0;
        sd_fill_header(r, kind, nr, pid_tgid);
        r->ret = exit ? ret : 0;
        sd_copy_args(r->args, regs);
        if (wants_chunks) {
            /* The scratch space is busy: the arguments without the chunks. */
            r->flags = SD_RECORD_TRUNCATED;
            struct sd_counters *c = sd_counters();
            if (c)
                c->drops_scratch++;
        }
        sd_submit_fixed(r);
        return 0;
    }

    struct sd_record *r = (struct sd_record *)s->data;
    sd_fill_header(r, kind, nr, pid_tgid);
    r->ret = exit ? ret : 0;
    sd_copy_args(r->args, regs);
    sd_run_plan(s, steps, set->snaplen);
    sd_submit_scratch(s);
    return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sd_sys_enter, struct pt_regs *regs, long id)
{
    return sd_syscall_record(regs, id, 0, false);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sd_sys_exit, struct pt_regs *regs, long ret)
{
    return sd_syscall_record(regs, regs->orig_ax, ret, true);
}
