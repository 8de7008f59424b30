/* SPDX-License-Identifier: Apache-2.0 */
/*
 * raw_syscalls:sys_enter and sys_exit. Every system call gives an exit record with its raw
 * arguments, and an enter record, or its entry carried by the exit record (pending.h); the plan
 * for its number adds chunks (or hides the call). Records with no steps take the short path: a
 * header-only record reserved in the ring buffer directly.
 */

/* __USER32_CS: a 32-bit compat system call, whose numbers mean other calls; not collected. */
#define SD_USER32_CS 0x23
/* __X32_SYSCALL_BIT: an x32 system call (64-bit calls with 32-bit pointers); not collected. */
#define SD_X32_SYSCALL_BIT 0x40000000

static __always_inline bool sd_is_compat(struct pt_regs *regs, long nr)
{
    return regs->cs == SD_USER32_CS || (nr & SD_X32_SYSCALL_BIT);
}

static __always_inline const struct sd_syscall_plan *sd_plan(long nr)
{
    __u32 key = nr;
    if (nr < 0 || nr >= SD_MAX_SYSCALLS)
        return NULL;
    return bpf_map_lookup_elem(&sd_plans, &key);
}

/* The plan's steps for one direction, or NULL when it has none. */
static __always_inline const struct sd_capture_step *sd_steps(const struct sd_syscall_plan *plan, bool exit)
{
    if (!plan)
        return NULL;
    const struct sd_capture_step *steps = exit ? plan->exit : plan->enter;
    return steps[0].kind != SD_CAP_NONE ? steps : NULL;
}

/* The record's arguments: the pending entry's when the exit carries it, else the registers'. */
static __always_inline void sd_record_args(struct sd_record *r, struct pt_regs *regs, struct sd_pending *entry)
{
    if (entry) {
        r->flags |= SD_RECORD_WITH_ENTER;
        r->enter_ts = entry->ts;
        __builtin_memcpy(r->args, entry->args, sizeof(r->args));
        sd_pending_release(entry, 0);
    } else {
        sd_copy_args(r->args, regs);
    }
}

/*
 * Emits a syscall record: `exit` selects the direction (and whether `ret` is valid); `entry` is
 * the call's pending entry (owned) that an exit record carries, or NULL.
 */
static __always_inline int sd_syscall_record(
    struct pt_regs *regs, long nr, long ret, bool exit, const struct sd_capture_step *steps,
    struct sd_pending *entry, __u64 pid_tgid, __u32 snaplen)
{
    __u16 kind = exit ? SD_RECORD_SYSCALL_EXIT : SD_RECORD_SYSCALL_ENTER;
    struct sd_scratch *s = steps ? sd_scratch_acquire() : NULL;
    if (!s) {
        struct sd_batch *b;
        struct sd_record *r = sd_out_begin(&b, sizeof(struct sd_record), entry ? 2 : 1);
        if (!r) {
            if (entry)
                sd_pending_release(entry, 0);
            return 0;
        }
        sd_fill_header(r, kind, nr, pid_tgid);
        r->ret = exit ? ret : 0;
        sd_record_args(r, regs, entry);
        if (steps) {
            /* The scratch space is busy: the arguments without the chunks. */
            r->flags |= SD_RECORD_TRUNCATED;
            struct sd_counters *c = sd_counters();
            if (c)
                c->drops_scratch++;
        }
        sd_out_end(b, r);
        return 0;
    }

    struct sd_record *r = (struct sd_record *)s->data;
    sd_fill_header(r, kind, nr, pid_tgid);
    r->ret = exit ? ret : 0;
    sd_record_args(r, regs, entry);
    sd_run_plan(s, steps, snaplen);
    sd_submit_scratch(s);
    return 0;
}

/*
 * The short way for the commonest records with chunks: an exit whose plan is one user buffer
 * (read, write, recv...) with a snaplen of at most SD_SMALL_BUFFER (the default, 80) is written
 * straight into the batch (or a fixed-size ring-buffer reservation), without the scratch space
 * and its copy (15 to 20 ns a call). The record's `len` says what it uses: in a batch the next
 * record starts there; in a reservation of its own the rest is slack the reader skips.
 */
#define SD_SMALL_BUFFER 80

struct sd_small_buffer_record {
    struct sd_record header;
    struct sd_chunk chunk;
    __u8 data[SD_SMALL_BUFFER];
};

static __always_inline bool sd_is_small_buffer_plan(const struct sd_capture_step *steps, __u32 snaplen)
{
    return steps && steps[0].kind == SD_CAP_USER_BUFFER && steps[1].kind == SD_CAP_NONE && snaplen <= SD_SMALL_BUFFER;
}

static __always_inline int sd_small_buffer_record(
    struct pt_regs *regs, long nr, long ret, const struct sd_capture_step *steps,
    struct sd_pending *entry, __u64 pid_tgid, __u32 snaplen)
{
    struct sd_batch *b;
    struct sd_small_buffer_record *r = (struct sd_small_buffer_record *)sd_out_begin(
        &b, sizeof(struct sd_small_buffer_record), entry ? 2 : 1);
    if (!r) {
        if (entry)
            sd_pending_release(entry, 0);
        return 0;
    }
    sd_fill_header(&r->header, SD_RECORD_SYSCALL_EXIT, nr, pid_tgid);
    r->header.ret = ret;
    sd_record_args(&r->header, regs, entry);
    __u64 want = sd_min(snaplen, sd_len(&r->header, steps[0].len_arg, snaplen));
    __u64 ptr = sd_arg(&r->header, steps[0].arg);
    if (want > SD_SMALL_BUFFER)
        want = SD_SMALL_BUFFER;
    __u32 n = 0, tail = want & ~7u;
    if ((want & 7) && tail <= SD_SMALL_BUFFER - 8)
        *(__u64 *)&r->data[tail] = 0; /* the padding after the bytes read */
    if (ptr && want && !bpf_probe_read_user(r->data, want, (const void *)ptr))
        n = want;
    r->chunk.kind = SD_CAP_USER_BUFFER;
    r->chunk.step = 0;
    r->chunk.len = n;
    r->header.nchunks = 1;
    r->header.len = sizeof(r->header) + sizeof(r->chunk) + ((n + 7) & ~7u);
    sd_out_end(b, &r->header);
    return 0;
}

/* The settings when call `nr` of task `pid_tgid` is to be captured (capture on, not the hidden
 * process, a native 64-bit call, not ignored by its plan), else NULL; `*plan` is its plan, NULL
 * for numbers past the plan map. */
static __always_inline const struct sd_settings *sd_syscall_wanted(
    struct pt_regs *regs, long nr, __u64 pid_tgid, const struct sd_syscall_plan **plan)
{
    const struct sd_settings *set = sd_active_settings_for(pid_tgid);
    if (!set || nr < 0 || sd_is_compat(regs, nr))
        return NULL;
    *plan = sd_plan(nr);
    if (*plan && ((*plan)->flags & SD_PLAN_IGNORE))
        return NULL;
    return set;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sd_sys_enter, struct pt_regs *regs, long id)
{
    __u64 pid_tgid = bpf_get_current_pid_tgid();
    const struct sd_syscall_plan *plan = NULL;
    const struct sd_settings *set = sd_syscall_wanted(regs, id, pid_tgid, &plan);
    if (!set)
        return 0;
    const struct sd_capture_step *steps = sd_steps(plan, false);
    /* No enter steps: the exit record carries the entry (one record per call). */
    bool carried = !steps && !(plan && (plan->flags & SD_PLAN_ENTER_RECORD));
    if (carried && sd_batch_dropping()) {
        /* Its exit will find no entry and go alone, unless it is dropped too. */
        sd_count_drops(1);
        return 0;
    }
    if (carried && sd_pending_keep(regs, id, pid_tgid))
        return 0;
    return sd_syscall_record(regs, id, 0, false, steps, NULL, pid_tgid, set->snaplen);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sd_sys_exit, struct pt_regs *regs, long ret)
{
    long nr = regs->orig_ax;
    __u64 pid_tgid = bpf_get_current_pid_tgid();
    const struct sd_syscall_plan *plan = NULL;
    const struct sd_settings *set = sd_syscall_wanted(regs, nr, pid_tgid, &plan);
    if (!set)
        return 0;
    struct sd_pending *entry = sd_pending_take(nr, pid_tgid);
    const struct sd_capture_step *steps = sd_steps(plan, true);
    if (sd_is_small_buffer_plan(steps, set->snaplen))
        return sd_small_buffer_record(regs, nr, ret, steps, entry, pid_tgid, set->snaplen);
    return sd_syscall_record(regs, nr, ret, true, steps, entry, pid_tgid, set->snaplen);
}
