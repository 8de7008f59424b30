/* SPDX-License-Identifier: Apache-2.0 */
/*
 * SD_CAP_PROCESS: what the execve and clone exits report of the current task: ids, namespace
 * ids, credentials, limits, counters, capabilities, the executable, then its strings (argv[0],
 * args, env, cwd, executable path).
 */
#ifndef SD_PROCESS_INFO_H
#define SD_PROCESS_INFO_H

#define SD_RLIMIT_NOFILE 7
#define SD_PAGE_SHIFT 12
#define SD_CAP_DAC_OVERRIDE 1
#define SD_CAP_FOWNER 3
#define SD_S_IWGRP 00020
#define SD_S_IWOTH 00002
#define SD_S_IFREG 0100000
#define SD_S_IFDIR 0040000
#define SD_S_IFLNK 0120000
#define SD_SB_RDONLY 1
#define SD_S_IMMUTABLE 8

/* A pid's number in the namespace at `level` (0 when the pid does not reach that level). */
static __always_inline __u32 sd_pid_nr(struct pid *pid, __u32 level)
{
    if (!pid || BPF_CORE_READ(pid, level) < level)
        return 0;
    int nr = 0;
    bpf_core_read(&nr, sizeof(nr), &pid->numbers[level & 31].nr);
    return nr;
}

/* Resident and swapped pages, as the mm's counters have them (without per-cpu deltas). */
static __always_inline __u64 sd_mm_counter(struct mm_struct *mm, int which)
{
    s64 v;
    if (bpf_core_type_exists(struct mm_rss_stat))
        v = BPF_CORE_READ((struct mm_struct___atomic_rss *)mm, rss_stat.count[which]);
    else
        v = BPF_CORE_READ(mm, rss_stat[which].count);
    return v > 0 ? v : 0;
}

/* Nanoseconds are below 2^30; since 6.13 the top bit of i_ctime_nsec flags a queried ctime
 * (multigrain timestamps). */
#define SD_NSEC_MASK 0x3fffffffu

/* An inode's time `which` (ctime, mtime) in ns, from whichever fields this kernel has:
 * i_<which>_sec/_nsec (6.11+), __i_<which> (6.6 to 6.10) or i_<which> (before). */
#define SD_INODE_TIME(inode, which)                                                               \
    ({                                                                                            \
        struct timespec64 t = {};                                                                 \
        if (bpf_core_field_exists((inode)->i_##which##_sec)) {                                    \
            t.tv_sec = BPF_CORE_READ(inode, i_##which##_sec);                                     \
            t.tv_nsec = BPF_CORE_READ(inode, i_##which##_nsec) & SD_NSEC_MASK;                    \
        } else if (bpf_core_field_exists(((struct inode___dunder *)(inode))->__i_##which)) {      \
            t = BPF_CORE_READ((struct inode___dunder *)(inode), __i_##which);                     \
        } else {                                                                                  \
            t = BPF_CORE_READ((struct inode___timespec *)(inode), i_##which);                     \
        }                                                                                         \
        t.tv_sec * 1000000000ull + t.tv_nsec;                                                     \
    })

/* A capability set as 64 bits: kernel_cap_t is a __u64 since 6.3 and two __u32 before, which
 * read as one little-endian __u64 are the same value. */
#define SD_READ_CAPS(cred, field)                                                                 \
    ({                                                                                            \
        __u64 caps = 0;                                                                           \
        bpf_core_read(&caps, sizeof(caps), &(cred)->field);                                      \
        caps;                                                                                     \
    })

/* Fills vm size, rss and swap in KiB. */
static __always_inline void sd_vm_kb(struct mm_struct *mm, __u64 *size, __u64 *rss, __u64 *swap)
{
    if (!mm) {
        *size = *rss = *swap = 0;
        return;
    }
    __u32 shift = SD_PAGE_SHIFT - 10;
    *size = BPF_CORE_READ(mm, total_vm) << shift;
    *rss = (sd_mm_counter(mm, MM_FILEPAGES) + sd_mm_counter(mm, MM_ANONPAGES) +
            sd_mm_counter(mm, MM_SHMEMPAGES)) << shift;
    *swap = sd_mm_counter(mm, MM_SWAPENTS) << shift;
}

/* The controlling tty's device number, 0 when none. */
static __always_inline __u32 sd_tty(struct task_struct *task)
{
    struct tty_struct *tty = BPF_CORE_READ(task, signal, tty);
    if (!tty)
        return 0;
    __u32 major = BPF_CORE_READ(tty, driver, major);
    __u32 minor = BPF_CORE_READ(tty, driver, minor_start) + BPF_CORE_READ(tty, index);
    return sd_encode_dev(major, minor);
}

/*
 * Whether the process could write its executable, the way sysdig's drivers judge it (a basic
 * inode_permission): not on a read-only filesystem nor immutable; then the owner may, or the
 * mode's group or other write bit, or CAP_DAC_OVERRIDE or CAP_FOWNER. Supplementary groups and
 * ACLs are not looked at.
 */
static __always_inline bool sd_exe_writable(struct inode *exe, struct cred *cred)
{
    __u32 mode = BPF_CORE_READ(exe, i_mode);
    if ((BPF_CORE_READ(exe, i_sb, s_flags) & SD_SB_RDONLY) &&
        ((mode & SD_S_IFMT) == SD_S_IFREG || (mode & SD_S_IFMT) == SD_S_IFDIR || (mode & SD_S_IFMT) == SD_S_IFLNK))
        return false;
    if (BPF_CORE_READ(exe, i_flags) & SD_S_IMMUTABLE)
        return false;
    if (BPF_CORE_READ(exe, i_uid.val) == BPF_CORE_READ(cred, fsuid.val))
        return true;
    if (BPF_CORE_READ(exe, i_gid.val) == BPF_CORE_READ(cred, fsgid.val) ? (mode & SD_S_IWGRP) : (mode & SD_S_IWOTH))
        return true;
    __u64 caps = SD_READ_CAPS(cred, cap_effective);
    return ((caps >> SD_CAP_DAC_OVERRIDE) | (caps >> SD_CAP_FOWNER)) & 1;
}

/* The fixed part of the process info. */
static __always_inline void sd_fill_process(struct sd_process_info *p, struct task_struct *task)
{
    struct task_struct *parent = BPF_CORE_READ(task, real_parent);
    struct pid *thread_pid = BPF_CORE_READ(task, thread_pid);
    __u32 level = BPF_CORE_READ(thread_pid, level);
    struct cred *cred = (struct cred *)BPF_CORE_READ(task, cred);
    struct mm_struct *mm = BPF_CORE_READ(task, mm);

    p->tid = BPF_CORE_READ(task, pid);
    p->pid = BPF_CORE_READ(task, tgid);
    p->ptid = BPF_CORE_READ(parent, pid);
    p->ppid = BPF_CORE_READ(parent, tgid);
    p->vtid = sd_pid_nr(thread_pid, level);
    p->vpid = sd_pid_nr(BPF_CORE_READ(task, group_leader, thread_pid), level);
    p->sid = sd_pid_nr(BPF_CORE_READ(task, signal, pids[PIDTYPE_SID]), level);
    p->pgid = sd_pid_nr(BPF_CORE_READ(task, signal, pids[PIDTYPE_PGID]), level);
    p->uid = BPF_CORE_READ(cred, uid.val);
    p->gid = BPF_CORE_READ(cred, gid.val);
    p->euid = BPF_CORE_READ(cred, euid.val);
    p->egid = BPF_CORE_READ(cred, egid.val);
    p->loginuid = BPF_CORE_READ(task, loginuid.val);
    p->tty = sd_tty(task);
    p->fdlimit = BPF_CORE_READ(task, signal, rlim[SD_RLIMIT_NOFILE].rlim_cur);
    p->pgft_maj = BPF_CORE_READ(task, maj_flt);
    p->pgft_min = BPF_CORE_READ(task, min_flt);
    __u64 size, rss, swap;
    sd_vm_kb(mm, &size, &rss, &swap);
    p->vm_size_kb = size;
    p->vm_rss_kb = rss;
    p->vm_swap_kb = swap;
    p->cap_inheritable = SD_READ_CAPS(cred, cap_inheritable);
    p->cap_permitted = SD_READ_CAPS(cred, cap_permitted);
    p->cap_effective = SD_READ_CAPS(cred, cap_effective);
    p->start_time = BPF_CORE_READ(task, start_boottime);
    BPF_CORE_READ_STR_INTO(&p->comm, task, comm);

    __u32 flags = level > 0 ? SD_PROC_IN_PIDNS : 0;
    struct inode *exe = BPF_CORE_READ(mm, exe_file, f_inode);
    p->exe_ino = BPF_CORE_READ(exe, i_ino);
    p->exe_ctime = exe ? SD_INODE_TIME(exe, ctime) : 0;
    p->exe_mtime = exe ? SD_INODE_TIME(exe, mtime) : 0;
    if (exe && sd_exe_writable(exe, cred))
        flags |= SD_PROC_EXE_WRITABLE;
    p->flags = flags;
}

/* Writes `want` user bytes at `d` as a __u32 length then the bytes; returns bytes written. */
static __always_inline __u32 sd_write_user_block(struct sd_scratch *s, __u32 d, __u32 room, __u64 uptr, __u64 want)
{
    if (room < sizeof(__u32)) {
        sd_fit(s, sizeof(__u32), room);
        return 0;
    }
    if (want > SD_MAX_ARGS_BYTES)
        want = SD_MAX_ARGS_BYTES;
    __u32 len = sd_read_user(s, d + sizeof(__u32), uptr, sd_fit(s, want, room - sizeof(__u32)));
    *(__u32 *)sd_at(s, d) = len;
    return sizeof(__u32) + len;
}

SD_GLOBAL int sd_cap_process(struct sd_scratch *s, __u32 step)
{
    if (!s)
        return 0;
    __u32 room;
    __u32 d = sd_chunk_begin(s, SD_CAP_PROCESS, step, &room);
    if (!d)
        return 0;
    if (room < sizeof(struct sd_process_info) + 5 * sizeof(__u32)) {
        sd_fit(s, room + 1, room);
        sd_chunk_end(s, d, 0);
        return 0;
    }
    struct task_struct *task = bpf_get_current_task_btf();
    sd_fill_process(sd_at(s, d), task);
    __u32 len = sizeof(struct sd_process_info);

    /* exe: argv[0], read as a string; args: the rest of the argument area. */
    struct mm_struct *mm = BPF_CORE_READ(task, mm);
    __u64 arg_start = BPF_CORE_READ(mm, arg_start), arg_end = BPF_CORE_READ(mm, arg_end);
    __u64 env_start = BPF_CORE_READ(mm, env_start), env_end = BPF_CORE_READ(mm, env_end);
    __u32 at = d + len + sizeof(__u32);
    long n = 0;
    if (arg_end > arg_start) {
        __u32 max = sd_fit(s, arg_end - arg_start < SD_MAX_PATH ? arg_end - arg_start : SD_MAX_PATH,
                           room - len - sizeof(__u32));
        n = bpf_probe_read_user_str(sd_at(s, at), max & SD_READ_MASK, (void *)arg_start);
    }
    __u32 exe_len = n > 0 ? n - 1 : 0;
    *(__u32 *)sd_at(s, d + len) = exe_len;
    len += sizeof(__u32) + exe_len;
    __u64 args_from = arg_start + exe_len + 1;
    len += sd_write_user_block(s, d + len, room - len, args_from,
                               arg_end > args_from ? arg_end - args_from : 0);
    len += sd_write_user_block(s, d + len, room - len, env_start,
                               env_end > env_start ? env_end - env_start : 0);

    /* Both paths are empty when missing (an exiting task has no fs, a kernel thread no exe). */
    len += sd_write_path(s, d + len, room - len, (__u64)BPF_CORE_READ(task, fs, pwd.mnt),
                         (__u64)BPF_CORE_READ(task, fs, pwd.dentry));
    struct file *exe = BPF_CORE_READ(mm, exe_file);
    len += sd_write_path(s, d + len, room - len, (__u64)BPF_CORE_READ(exe, f_path.mnt),
                         (__u64)BPF_CORE_READ(exe, f_path.dentry));
    sd_chunk_end(s, d, len);
    return 0;
}

#endif /* SD_PROCESS_INFO_H */
