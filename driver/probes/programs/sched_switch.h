/* SPDX-License-Identifier: Apache-2.0 */
/*
 * sched_switch: the task leaving the cpu, the one coming in, and the leaving task's memory.
 * The tracepoint's task pointers are BTF pointers, read with plain loads (the verifier guards
 * them against faults) rather than bpf_probe_read_kernel calls: this runs on every switch.
 * The leaving task's pending entry goes first, as an enter record, whether capture is on or not.
 * A switch to the idle task flushes the cpu's batch (batch.h).
 */

/* The switch record's fields besides the header. */
static __always_inline void sd_fill_switch(struct sd_record *r, struct task_struct *prev, struct task_struct *next)
{
    r->tid = prev->pid;
    r->pid = prev->tgid;
    r->args[0] = next->pid;
    r->args[1] = prev->maj_flt;
    r->args[2] = prev->min_flt;
    struct mm_struct *mm = prev->mm;
    if (mm && bpf_core_type_exists(struct mm_rss_stat)) {
        sd_vm_kb(mm, &r->args[3], &r->args[4], &r->args[5]);
    } else if (mm) {
        __u32 shift = SD_PAGE_SHIFT - 10;
        s64 file = mm->rss_stat[MM_FILEPAGES].count, anon = mm->rss_stat[MM_ANONPAGES].count;
        s64 shmem = mm->rss_stat[MM_SHMEMPAGES].count, swap = mm->rss_stat[MM_SWAPENTS].count;
        s64 rss = (file > 0 ? file : 0) + (anon > 0 ? anon : 0) + (shmem > 0 ? shmem : 0);
        r->args[3] = mm->total_vm << shift;
        r->args[4] = rss << shift;
        r->args[5] = (swap > 0 ? swap : 0) << shift;
    }
}

SEC("tp_btf/sched_switch")
int BPF_PROG(sd_sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
    /* prev's call, if it is in one, enters the stream before prev leaves (pending.h). */
    sd_pending_flush();
    struct sd_batch *b;
    struct sd_record *r = sd_begin_fixed(&b, SD_RECORD_SCHED_SWITCH);
    if (r) {
        sd_fill_switch(r, prev, next);
        sd_out_end(b, r);
    }
    /* A cpu going idle sends its batch now: nothing else would before the flush timer. */
    if (next->pid == 0)
        sd_batch_flush_now();
    return 0;
}
