/* SPDX-License-Identifier: Apache-2.0 */
/* sched_switch: the task leaving the cpu, the one coming in, and the leaving task's memory. */

SEC("tp_btf/sched_switch")
int BPF_PROG(sd_sched_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
    struct sd_record *r = sd_begin_fixed(SD_RECORD_SCHED_SWITCH);
    if (!r)
        return 0;
    r->tid = BPF_CORE_READ(prev, pid);
    r->pid = BPF_CORE_READ(prev, tgid);
    r->args[0] = BPF_CORE_READ(next, pid);
    r->args[1] = BPF_CORE_READ(prev, maj_flt);
    r->args[2] = BPF_CORE_READ(prev, min_flt);
    sd_vm_kb(BPF_CORE_READ(prev, mm), &r->args[3], &r->args[4], &r->args[5]);
    sd_submit_fixed(r);
    return 0;
}
