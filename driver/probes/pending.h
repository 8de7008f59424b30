/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The pending slot: one record per system call (see "One record per call" in
 * swiftdig_record.h). At entry the call's time and arguments go into the cpu's slot instead of an
 * enter record; the exit record takes them back. A task leaving the cpu, or exiting, with an
 * entry pending has it emitted as an enter record then.
 *
 * Only programs on the slot's cpu touch it, but a program can be preempted (tracing programs run
 * with migration, not preemption, disabled) and the next task's programs run on that cpu: so a
 * program owns the slot (tag SD_PENDING_BUSY) while it reads or writes it, and one that finds it
 * owned by someone else goes the long way (an enter record of its own).
 */
#ifndef SD_PENDING_H
#define SD_PENDING_H

/* A system call's six arguments, from the registers at entry (x86_64 calling convention). */
static __always_inline void sd_copy_args(__u64 *args, struct pt_regs *regs)
{
    args[0] = regs->di;
    args[1] = regs->si;
    args[2] = regs->dx;
    args[3] = regs->r10;
    args[4] = regs->r8;
    args[5] = regs->r9;
}

/* Keeps the compiler from moving the slot's field stores past the store of its tag. */
#define sd_compiler_barrier() asm volatile("" ::: "memory")

/* Takes the slot when its tag is `tag`: the program owns it until sd_pending_release. */
static __always_inline bool sd_pending_claim(struct sd_pending *p, __u64 tag)
{
    return __sync_val_compare_and_swap(&p->tag, tag, SD_PENDING_BUSY) == tag;
}

/* Gives the slot back with tag `tag` (0: free). */
static __always_inline void sd_pending_release(struct sd_pending *p, __u64 tag)
{
    sd_compiler_barrier();
    *(volatile __u64 *)&p->tag = tag;
}

/* At entry: keeps the call's time and arguments for its exit record. False when the slot is not
 * free (its owner was preempted, or an entry whose exit never came is still there). */
static __always_inline bool sd_pending_keep(struct pt_regs *regs, long nr, __u64 pid_tgid)
{
    struct sd_pending *p = sd_pending();
    if (!p || !sd_pending_claim(p, 0))
        return false;
    p->ts = bpf_ktime_get_boot_ns();
    sd_copy_args(p->args, regs);
    p->nr = nr;
    sd_pending_release(p, pid_tgid);
    return true;
}

/* Emits the entry of the slot, which the caller owns, as an enter record of task `tag`, and
 * frees the slot. */
static __always_inline void sd_pending_emit(struct sd_pending *p, __u64 tag)
{
    struct sd_batch *b;
    struct sd_record *r = sd_out_begin(&b, sizeof(struct sd_record), 1);
    if (r) {
        sd_fill_header_at(r, SD_RECORD_SYSCALL_ENTER, p->nr, tag, p->ts);
        __builtin_memcpy(r->args, p->args, sizeof(r->args));
        sd_out_end(b, r);
    }
    sd_pending_release(p, 0);
}

/* Emits the cpu's pending entry as an enter record, whoever's it is (the task leaving the cpu,
 * or one whose exit never came). */
static __always_inline void sd_pending_flush(void)
{
    struct sd_pending *p = sd_pending();
    if (!p)
        return;
    __u64 tag = p->tag;
    if (tag && tag != SD_PENDING_BUSY && sd_pending_claim(p, tag))
        sd_pending_emit(p, tag);
}

/* At exit: the slot, owned, when it holds this task's entry of call `nr`, else NULL. An entry of
 * another call of this task (whose exit never came) is emitted as an enter record first. */
static __always_inline struct sd_pending *sd_pending_take(long nr, __u64 pid_tgid)
{
    struct sd_pending *p = sd_pending();
    if (!p || !sd_pending_claim(p, pid_tgid))
        return NULL;
    if (p->nr == nr)
        return p;
    sd_pending_emit(p, pid_tgid);
    return NULL;
}

#endif /* SD_PENDING_H */
