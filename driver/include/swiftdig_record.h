/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The contract between the eBPF driver (driver/probes/) and the capture library
 * (Sources/SwiftdigCapture/): the records the driver writes into its ring buffer, and the
 * capture plans userspace writes into the driver's plan map.
 *
 * Division of labour: the driver *collects* (system call arguments and return value, and the
 * memory and kernel state a plan names: user strings and buffers, socket tuples, process
 * details); userspace *encodes* (maps native system call numbers to event codes, converts flags
 * to the schema's values and lays out the scap event). The driver knows no event code.
 *
 * Included by BPF C (with vmlinux.h types) and by userspace (with <linux/types.h>).
 * Every layout here is little-endian x86_64; every struct is padded to 8 bytes.
 */
#ifndef SWIFTDIG_RECORD_H
#define SWIFTDIG_RECORD_H

#ifndef __VMLINUX_H__
#include <linux/types.h>
#endif

/* ---- Records -------------------------------------------------------------------------------- */

/* What a record describes: its `kind`. */
enum sd_record_kind {
    SD_RECORD_SYSCALL_ENTER = 1, /* raw_syscalls:sys_enter; nr = native number, args valid */
    SD_RECORD_SYSCALL_EXIT = 2,  /* raw_syscalls:sys_exit; nr, args (as at entry), ret valid */
    SD_RECORD_SCHED_SWITCH = 3,  /* sched_switch, on the cpu that switched: tid = prev, args: see below */
    SD_RECORD_PROCESS_EXIT = 4,  /* sched_process_exit: tid exits; args: see below */
    SD_RECORD_SIGNAL_DELIVER = 5,/* signal_deliver: tid receives; args: see below */
    SD_RECORD_PAGE_FAULT = 6,    /* exceptions:page_fault_user (only with --page-faults) */
    SD_RECORD_FORK_CHILD = 7,    /* sched_process_fork, reported for the child: tid = child tid */
    SD_RECORD_EXEC = 8,          /* sched_process_exec: tid just exec'd */
};

/* Record flags. */
#define SD_RECORD_TRUNCATED (1u << 0) /* a chunk was cut short (scratch space ran out) */
/* A SYSCALL_EXIT record that also stands for its call's enter record, which the driver did not
 * emit: the enter happened at `enter_ts`, with the record's `args`. See "One record per call". */
#define SD_RECORD_WITH_ENTER (1u << 1)

/*
 * Every record starts with this header (96 bytes), then `nchunks` chunks. A ring-buffer sample
 * holds one record, or a cpu's batch of records back to back (each `len` bytes long, in the
 * order the cpu made them); trailing bytes shorter than a header are slack.
 *
 * Per kind, besides the common fields:
 * - SYSCALL_ENTER: nr, args[0..5].
 * - SYSCALL_EXIT: nr, args[0..5], ret. With SD_RECORD_WITH_ENTER, args are the ones saved at
 *   entry and enter_ts the entry's time; without it, args are read again from the registers.
 * - SCHED_SWITCH: args[0] = next tid, args[1] = prev's major faults, args[2] = minor faults,
 *   args[3] = vm size (KiB), args[4] = vm rss (KiB), args[5] = vm swap (KiB).
 * - PROCESS_EXIT: ret = exit code (task->exit_code: status << 8 | signal, as wait(2) sees it),
 *   args[0] = the tid its children are reparented to (0 when unknown).
 * - SIGNAL_DELIVER: args[0] = sender pid (0 when unknown), args[1] = signal number.
 * - PAGE_FAULT: args[0] = address, args[1] = instruction pointer, args[2] = error code.
 * - FORK_CHILD: tid/pid = the child; args[0] = parent tid, args[1] = clone flags (kernel values).
 * - EXEC: no args; a SD_CHUNK_PROCESS chunk follows.
 */
struct sd_record {
    __u64 ts;        /* bpf_ktime_get_boot_ns(); userspace adds the boot time to get wall time */
    __u32 len;       /* the whole record, header and chunks, in bytes (a multiple of 8) */
    __u16 kind;      /* enum sd_record_kind */
    __u16 nr;        /* native (x86_64) system call number for SYSCALL_*, else 0 */
    __u32 tid;       /* host thread id (task->pid) */
    __u32 pid;       /* host process id (task->tgid) */
    __s64 ret;       /* system call return value (SYSCALL_EXIT) or the kind's value */
    __u64 args[6];   /* system call arguments, or the kind's values */
    __u16 cpu;       /* bpf_get_smp_processor_id() */
    __u16 nchunks;   /* chunks following the header */
    __u32 flags;     /* SD_RECORD_* flags */
    __u64 enter_ts;  /* SYSCALL_EXIT with SD_RECORD_WITH_ENTER: the entry's time, else 0 */
};

/*
 * One record per call. A system call whose plan has no enter steps (and no SD_PLAN_ENTER_RECORD)
 * does not get an enter record at entry: the driver keeps its time and arguments in the cpu's
 * pending slot, and the exit record carries them (SD_RECORD_WITH_ENTER). When the task leaves the
 * cpu before the exit (the call blocks, or is preempted), or exits, the driver emits the enter
 * record then, with the entry's time: so an enter record never comes after a record the same cpu
 * made later. Enter records without a pending slot (another program held it) are emitted at entry.
 */

/*
 * A chunk: what one capture step collected. `len` bytes of data follow the chunk header, then
 * padding to the next multiple of 8. A step that could not read anything (bad user pointer,
 * NULL, closed fd) still writes its chunk, with len 0, so chunk i answers plan step i.
 */
struct sd_chunk {
    __u16 kind;      /* enum sd_capture_kind */
    __u16 step;      /* index of the plan step that made it */
    __u32 len;       /* data bytes following */
};

/* ---- Capture plans (userspace → driver) ------------------------------------------------------ */

/* What a plan step collects, and the layout of its chunk's data. */
enum sd_capture_kind {
    SD_CAP_NONE = 0,
    /* NUL-terminated user string at args[arg], NUL included, at most SD_MAX_PATH bytes. */
    SD_CAP_USER_STRING = 1,
    /* User bytes at args[arg]; count = min(snaplen, length source). */
    SD_CAP_USER_BUFFER = 2,
    /* An iovec array at args[arg] of args[len_arg] entries (at most SD_MAX_IOVECS): data =
     * __u64 total (sum of all iov_len) then the gathered bytes, at most min(snaplen, length
     * source when `len_from_ret`). */
    SD_CAP_IOVEC = 3,
    /* A struct msghdr at args[arg]: data = struct sd_msghdr_info, then msg_namelen bytes of
     * msg_name (at most 128), then gathered iov bytes as for SD_CAP_IOVEC (snaplen, `len_from_ret`). */
    SD_CAP_MSGHDR = 4,
    /* A user sockaddr at args[arg], length args[len_arg] (at most 128): raw bytes. */
    SD_CAP_SOCKADDR = 5,
    /* A user sockaddr at args[arg], length read from the user int at args[len_arg]: raw bytes. */
    SD_CAP_SOCKADDR_LENPTR = 6,
    /* The kernel's view of the socket behind fd args[arg] (or the return value when arg ==
     * SD_ARG_RET): struct sd_socket_info. len 0 when the fd is not a socket. */
    SD_CAP_SOCKET = 7,
    /* `size` bytes of user memory at args[arg] (pipe's int[2], struct rlimit, timespec, ...). */
    SD_CAP_USER_FIXED = 8,
    /* args[len_arg] elements of `size` bytes at args[arg] (pollfd arrays), at most SD_MAX_ARRAY bytes. */
    SD_CAP_USER_ARRAY = 9,
    /* The current task: struct sd_process_info, then its strings (see there). */
    SD_CAP_PROCESS = 10,
    /* The file behind fd args[arg] (or the return value, SD_ARG_RET): struct sd_file_info. */
    SD_CAP_FILE = 11,
    /* A NULL-terminated array of user string pointers at args[arg] (execve's argv or envp): data =
     * the strings one after another, each with its NUL, at most SD_MAX_ARGS_BYTES (a string that
     * does not fit is left out whole). Used for failed execs, whose new image does not exist. */
    SD_CAP_USER_ARGV = 12,
    /* The listening socket behind fd args[arg]: struct sd_backlog_info (accept's queue fill).
     * len 0 when the fd is not a socket. */
    SD_CAP_SOCKET_BACKLOG = 13,
    /* Like SD_CAP_SOCKET, for the fd stored as an int at user address args[arg] + `size` bytes
     * (socketpair's first fd, which only exists in user memory). */
    SD_CAP_SOCKET_AT = 14,
};

#define SD_ARG_RET 0xfe      /* `arg`: use the return value as the fd */
#define SD_LEN_NONE 0xff     /* `len_arg`: no length source (snaplen or kind's maximum) */
#define SD_LEN_RET 0xfe      /* `len_arg`: the return value (exit only; negative means 0) */

#define SD_MAX_STEPS 3       /* plan steps per direction */
#define SD_MAX_PATH 4096
#define SD_MAX_IOVECS 32
#define SD_MAX_ARRAY 4096
#define SD_MAX_SOCKADDR 128
#define SD_MAX_ARGS_BYTES 4096 /* execve args or env collected by SD_CAP_PROCESS */

/* `size` of an SD_CAP_IOVEC or SD_CAP_MSGHDR step (appended): gather at most the return value's
 * bytes (`len_from_ret` above: reads, at exit). Without it, at most snaplen (writes). */
#define SD_IOV_LEN_FROM_RET 1u

/* One step of a plan. */
struct sd_capture_step {
    __u8 kind;       /* enum sd_capture_kind; SD_CAP_NONE ends the plan */
    __u8 arg;        /* argument index 0..5, or SD_ARG_RET */
    __u8 len_arg;    /* argument index with the length, SD_LEN_RET or SD_LEN_NONE */
    __u8 pad;
    __u32 size;      /* element or fixed size for USER_FIXED / USER_ARRAY */
};

/* Plan flags. */
#define SD_PLAN_IGNORE (1u << 0)  /* emit nothing for this system call (neither enter nor exit) */
/* Always emit the enter record at entry (calls that do not return as they entered: exit,
 * exit_group, execve, execveat, rt_sigreturn). See "One record per call". */
#define SD_PLAN_ENTER_RECORD (1u << 1)

/* What the driver does for one native system call number: the value of the plan map
 * (BPF_MAP_TYPE_ARRAY, key = native number, SD_MAX_SYSCALLS entries). An all-zero plan (the
 * default) means "emit enter and exit with the arguments only". */
struct sd_syscall_plan {
    __u32 flags;
    __u32 pad;
    struct sd_capture_step enter[SD_MAX_STEPS];
    struct sd_capture_step exit[SD_MAX_STEPS];
};

#define SD_MAX_SYSCALLS 512

/* Driver settings: the value of the one-entry settings map (BPF_MAP_TYPE_ARRAY, key 0). */
struct sd_settings {
    __u32 snaplen;        /* bytes of I/O buffers to collect (sysdig's -s, default 80) */
    __u32 ignored_tgid;   /* the capturing process itself, hidden unless -D (0: none) */
    __u32 page_faults;    /* nonzero: emit PAGE_FAULT records */
    __u32 enabled;        /* nonzero: capture; zero: emit nothing (start/stop without detaching) */
};

/* Per-cpu counters: the value of the counters map (BPF_MAP_TYPE_PERCPU_ARRAY, key 0). */
struct sd_counters {
    __u64 events;         /* records successfully submitted */
    __u64 drops_buffer;   /* records lost because the ring buffer was full */
    __u64 drops_scratch;  /* records cut short because the scratch space was too small */
};

/* ---- Chunk payloads ---------------------------------------------------------------------- */

/* SD_CAP_SOCKET. Addresses in network byte order as the kernel keeps them; ports in host order. */
struct sd_socket_info {
    __u16 family;        /* AF_INET, AF_INET6, AF_UNIX, ... (kernel values) */
    __u16 type;          /* SOCK_STREAM, SOCK_DGRAM, ... */
    __u16 protocol;      /* IPPROTO_TCP, ... (sk->sk_protocol) */
    __u16 local_port;
    __u16 remote_port;
    __u16 pad[3];
    __u8 local_addr[16]; /* IPv4: first 4 bytes */
    __u8 remote_addr[16];
    __u64 sk;            /* kernel address of the struct sock (identity of unix sockets) */
    __u64 peer;          /* unix: kernel address of the peer's struct sock, else 0 */
    char unix_path[108]; /* unix: the bound path of the socket, or of the peer when it has none */
    __u32 pad2;
};

/* SD_CAP_SOCKET_BACKLOG. */
struct sd_backlog_info {
    __u32 ack_backlog;     /* sk->sk_ack_backlog */
    __u32 max_ack_backlog; /* sk->sk_max_ack_backlog */
};

/* SD_CAP_MSGHDR header. */
struct sd_msghdr_info {
    __u64 total;         /* sum of all iov_len */
    __u32 namelen;       /* bytes of msg_name that follow (at most SD_MAX_SOCKADDR) */
    __u32 flags;         /* msg_flags */
};

/* SD_CAP_FILE. */
struct sd_file_info {
    __u64 ino;
    __u32 dev;           /* new_encode_dev of the superblock's device, as the drivers report it */
    __u32 flags;         /* file->f_flags */
    __u32 mode;          /* inode->i_mode */
    __u32 pad;
};

/*
 * SD_CAP_PROCESS: fixed part, then five length-prefixed strings in this order, each a __u32
 * length and the bytes (no padding between them): exe (argv[0] as the mm has it, NUL
 * excluded), args (the bytes from mm->arg_start to arg_end after argv[0], NUL-separated), env
 * (mm->env_start..env_end, NUL-separated), cwd (absolute, from task->fs->pwd), and the
 * executable's path (mm->exe_file).
 */
struct sd_process_info {
    __u32 tid, pid, ptid, ppid;    /* host ids; ptid = real parent's tid, ppid its tgid */
    __u32 vtid, vpid, sid, pgid;   /* namespace ids (vtid/vpid in the task's pid namespace) */
    __u32 uid, gid, euid, egid;
    __u32 loginuid;
    __u32 tty;                     /* new_encode_dev of the controlling tty, 0 when none */
    __u64 fdlimit;                 /* RLIMIT_NOFILE current */
    __u64 pgft_maj, pgft_min;
    __u32 vm_size_kb, vm_rss_kb, vm_swap_kb;
    __u32 flags;                   /* task flags of interest: SD_PROC_* */
    __u64 cap_inheritable, cap_permitted, cap_effective;
    __u64 exe_ino;
    __u64 exe_ctime, exe_mtime;    /* ns */
    __u64 start_time;              /* task->start_time, boot ns */
    char comm[16];
};

#define SD_PROC_EXE_WRITABLE (1u << 0) /* the executable is writable by the process's uid */
#define SD_PROC_IN_PIDNS (1u << 1)     /* the task is in a child pid namespace */
#define SD_PROC_EXE_UPPER (1u << 2)    /* the executable lives in an overlayfs upper layer */

#endif /* SWIFTDIG_RECORD_H */
