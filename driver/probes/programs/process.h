/* SPDX-License-Identifier: Apache-2.0 */
/* Process life: a new task (fork), a new program (exec), the end of a task (exit). */

#define SD_NR_CLONE 56
#define SD_NR_FORK 57
#define SD_NR_VFORK 58
#define SD_NR_CLONE3 435
#define SD_SIGCHLD 17
#define SD_CLONE_VM 0x100
#define SD_CLONE_VFORK 0x4000

/* The clone flags of the system call the current task is in (it is the one forking). */
static __always_inline __u64 sd_current_clone_flags(void)
{
    struct pt_regs *regs = (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
    long nr = BPF_CORE_READ(regs, orig_ax);
    __u64 flags = 0;
    switch (nr) {
    case SD_NR_CLONE:
        return BPF_CORE_READ(regs, di);
    case SD_NR_CLONE3:
        bpf_probe_read_user(&flags, sizeof(flags), (void *)BPF_CORE_READ(regs, di));
        return flags;
    case SD_NR_FORK:
        return SD_SIGCHLD;
    case SD_NR_VFORK:
        return SD_CLONE_VM | SD_CLONE_VFORK | SD_SIGCHLD;
    }
    return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sd_process_fork, struct task_struct *parent, struct task_struct *child)
{
    struct sd_batch *b;
    struct sd_record *r = sd_begin_fixed(&b, SD_RECORD_FORK_CHILD);
    if (!r)
        return 0;
    r->tid = BPF_CORE_READ(child, pid);
    r->pid = BPF_CORE_READ(child, tgid);
    r->args[0] = BPF_CORE_READ(parent, pid);
    r->args[1] = sd_current_clone_flags();
    sd_out_end(b, r);
    return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sd_process_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
    if (!sd_active_settings())
        return 0;
    struct sd_scratch *s = sd_scratch_acquire();
    if (!s)
        return 0;
    struct sd_record *r = (struct sd_record *)s->data;
    sd_fill_header(r, SD_RECORD_EXEC, 0, bpf_get_current_pid_tgid());
    __builtin_memset(r->args, 0, sizeof(r->args));
    sd_cap_process(s, 0);
    sd_submit_scratch(s);
    return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sd_process_exit, struct task_struct *p)
{
    /* The exit or exit_group call that got here comes before its end (pending.h). */
    sd_pending_flush();
    struct sd_batch *b;
    struct sd_record *r = sd_begin_fixed(&b, SD_RECORD_PROCESS_EXIT);
    if (!r)
        return 0;
    r->ret = BPF_CORE_READ(p, exit_code);
    sd_out_end(b, r);
    return 0;
}
