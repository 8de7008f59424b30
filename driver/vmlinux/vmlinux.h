/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A trimmed vmlinux.h: only the kernel types and fields the driver reads. Cut by hand from
 * `bpftool btf dump file /sys/kernel/btf/vmlinux format c` (Linux 6.18, x86_64).
 *
 * Every struct carries preserve_access_index, so each field access becomes a CO-RE relocation
 * that libbpf resolves by name against the running kernel's BTF: these partial definitions need
 * the right field names and types, not the right offsets or sizes. The exceptions are structs
 * indexed as arrays (rlimit, percpu_counter, upid) and embedded by value where we take an
 * element's address; those are complete.
 *
 * Committed so the package builds on machines without /sys/kernel/btf.
 */
#ifndef __VMLINUX_H__
#define __VMLINUX_H__

typedef unsigned char __u8;
typedef short int __s16;
typedef short unsigned int __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long int __s64;
typedef long long unsigned int __u64;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u32 __wsum;
typedef _Bool bool;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef short unsigned int umode_t;
typedef u32 dev_t;
typedef long long int time64_t;
typedef long unsigned int __kernel_ulong_t;
typedef long unsigned int size_t;

enum {
    false = 0,
    true = 1,
};

enum bpf_map_type {
    BPF_MAP_TYPE_ARRAY = 2,
    BPF_MAP_TYPE_PERCPU_ARRAY = 6,
    BPF_MAP_TYPE_ARRAY_OF_MAPS = 12,
    BPF_MAP_TYPE_RINGBUF = 27,
};

enum {
    BPF_ANY = 0,
};

enum {
    BPF_RB_NO_WAKEUP = 1,
    BPF_RB_FORCE_WAKEUP = 2,
};

/* bpf_timer_start's flags: the timer fires on the cpu that started it. */
enum {
    BPF_F_TIMER_ABS = 1,
    BPF_F_TIMER_CPU_PIN = 2,
};

/* A BPF timer in a map value (the verifier finds it by this name in the object's BTF). */
struct bpf_timer {
    __u64 __opaque[2];
} __attribute__((aligned(8)));

#define CLOCK_MONOTONIC 1

enum {
    BPF_RB_AVAIL_DATA = 0,
    BPF_RB_RING_SIZE = 1,
    BPF_RB_CONS_POS = 2,
    BPF_RB_PROD_POS = 3,
};

#ifndef BPF_NO_PRESERVE_ACCESS_INDEX
#pragma clang attribute push (__attribute__((preserve_access_index)), apply_to = record)
#endif

struct pt_regs {
    long unsigned int r15;
    long unsigned int r14;
    long unsigned int r13;
    long unsigned int r12;
    long unsigned int bp;
    long unsigned int bx;
    long unsigned int r11;
    long unsigned int r10;
    long unsigned int r9;
    long unsigned int r8;
    long unsigned int ax;
    long unsigned int cx;
    long unsigned int dx;
    long unsigned int si;
    long unsigned int di;
    long unsigned int orig_ax;
    long unsigned int ip;
    long unsigned int cs;
    long unsigned int flags;
    long unsigned int sp;
    long unsigned int ss;
};

typedef struct {
    uid_t val;
} kuid_t;

typedef struct {
    gid_t val;
} kgid_t;

typedef struct {
    u64 val;
} kernel_cap_t;

struct list_head {
    struct list_head *next;
    struct list_head *prev;
};

typedef struct {
    u32 val;
} raw_spinlock_t;

struct percpu_counter {
    raw_spinlock_t lock;
    s64 count;
    struct list_head list;
    s32 *counters;
};

enum {
    MM_FILEPAGES = 0,
    MM_ANONPAGES = 1,
    MM_SWAPENTS = 2,
    MM_SHMEMPAGES = 3,
};

struct rlimit {
    __kernel_ulong_t rlim_cur;
    __kernel_ulong_t rlim_max;
};

struct qstr {
    union {
        struct {
            u32 hash;
            u32 len;
        };
        u64 hash_len;
    };
    const unsigned char *name;
};

struct super_block {
    dev_t s_dev;
    long unsigned int s_flags;
    long unsigned int s_magic;
};

struct inode {
    umode_t i_mode;
    kuid_t i_uid;
    kgid_t i_gid;
    unsigned int i_flags;
    struct super_block *i_sb;
    long unsigned int i_ino;
    time64_t i_mtime_sec;
    time64_t i_ctime_sec;
    u32 i_mtime_nsec;
    u32 i_ctime_nsec;
};

struct dentry {
    struct dentry *d_parent;
    struct qstr d_name;
    struct inode *d_inode;
};

struct vfsmount {
    struct dentry *mnt_root;
    struct super_block *mnt_sb;
};

struct mount {
    struct mount *mnt_parent;
    struct dentry *mnt_mountpoint;
    struct vfsmount mnt;
};

struct path {
    struct vfsmount *mnt;
    struct dentry *dentry;
};

struct file {
    void *private_data;
    struct inode *f_inode;
    unsigned int f_flags;
    struct path f_path;
};

struct fdtable {
    unsigned int max_fds;
    struct file **fd;
};

struct files_struct {
    struct fdtable *fdt;
};

struct fs_struct {
    struct path pwd;
};

struct in6_addr {
    union {
        u8 u6_addr8[16];
        __be16 u6_addr16[8];
        __be32 u6_addr32[4];
    } in6_u;
};

struct sock_common {
    union {
        struct {
            __be32 skc_daddr;
            __be32 skc_rcv_saddr;
        };
    };
    union {
        struct {
            __be16 skc_dport;
            u16 skc_num;
        };
    };
    short unsigned int skc_family;
    struct in6_addr skc_v6_daddr;
    struct in6_addr skc_v6_rcv_saddr;
};

struct sock {
    struct sock_common __sk_common;
    u16 sk_protocol;
    u16 sk_type;
};

struct socket {
    short int type;
    struct file *file;
    struct sock *sk;
};

struct sockaddr_un {
    unsigned short sun_family;
    char sun_path[108];
};

struct unix_address {
    int len;
    struct sockaddr_un name[0];
};

struct unix_sock {
    struct sock sk;
    struct unix_address *addr;
    struct sock *peer;
};

struct iovec {
    void *iov_base;
    size_t iov_len;
};

struct user_msghdr {
    void *msg_name;
    int msg_namelen;
    struct iovec *msg_iov;
    size_t msg_iovlen;
    void *msg_control;
    size_t msg_controllen;
    unsigned int msg_flags;
};

struct clone_args {
    u64 flags;
};

struct upid {
    int nr;
    struct pid_namespace *ns;
};

struct pid {
    unsigned int level;
    struct upid numbers[0];
};

enum pid_type {
    PIDTYPE_PID = 0,
    PIDTYPE_TGID = 1,
    PIDTYPE_PGID = 2,
    PIDTYPE_SID = 3,
};

struct tty_driver {
    int major;
    int minor_start;
};

struct tty_struct {
    int index;
    struct tty_driver *driver;
};

struct signal_struct {
    struct pid *pids[4];
    struct tty_struct *tty;
    struct rlimit rlim[16];
};

struct cred {
    kuid_t uid;
    kgid_t gid;
    kuid_t euid;
    kgid_t egid;
    kuid_t fsuid;
    kgid_t fsgid;
    kernel_cap_t cap_inheritable;
    kernel_cap_t cap_permitted;
    kernel_cap_t cap_effective;
};

struct mm_struct {
    long unsigned int total_vm;
    long unsigned int arg_start;
    long unsigned int arg_end;
    long unsigned int env_start;
    long unsigned int env_end;
    struct percpu_counter rss_stat[4];
    struct file *exe_file;
};

struct task_struct {
    struct mm_struct *mm;
    int exit_code;
    pid_t pid;
    pid_t tgid;
    struct task_struct *real_parent;
    struct task_struct *group_leader;
    struct pid *thread_pid;
    u64 start_boottime;
    long unsigned int min_flt;
    long unsigned int maj_flt;
    const struct cred *cred;
    char comm[16];
    struct fs_struct *fs;
    struct files_struct *files;
    struct signal_struct *signal;
    kuid_t loginuid;
};

union __sifields {
    struct {
        pid_t _pid;
        uid_t _uid;
    } _kill;
};

struct kernel_siginfo {
    struct {
        int si_signo;
        int si_errno;
        int si_code;
        union __sifields _sifields;
    };
};

struct k_sigaction;
struct linux_binprm;

/*
 * Older layouts, as CO-RE "flavors" (libbpf ignores the ___suffix when matching): the driver
 * checks which one the running kernel has and reads that one.
 */
struct timespec64 {
    s64 tv_sec;
    long tv_nsec;
};

/* inode times before 6.6 (i_mtime, i_ctime) and 6.6 to 6.10 (__i_mtime, __i_ctime). */
struct inode___timespec {
    struct timespec64 i_mtime;
    struct timespec64 i_ctime;
};

struct inode___dunder {
    struct timespec64 __i_mtime;
    struct timespec64 __i_ctime;
};

/* mm counters before 6.2: atomics in struct mm_rss_stat rather than percpu_counters. */
struct mm_rss_stat {
    long count[4];
};

struct mm_struct___atomic_rss {
    struct mm_rss_stat rss_stat;
};

#ifndef BPF_NO_PRESERVE_ACCESS_INDEX
#pragma clang attribute pop
#endif

#endif /* __VMLINUX_H__ */
