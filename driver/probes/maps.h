/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The driver's maps: the ring buffer records go to, the plans and settings userspace writes,
 * the per-cpu counters it reads, and the per-cpu scratch space variable-size records are built in.
 */
#ifndef SD_MAPS_H
#define SD_MAPS_H

/* Submitting without a wake-up: the consumer polls, so the producer never pays for one. */
#define SD_SUBMIT_FLAGS BPF_RB_NO_WAKEUP

/* The collectors are global functions: the verifier checks each once instead of at every call
 * site (the plan runner calls each of them for every step of both directions). */
#define SD_GLOBAL __attribute__((noinline))

/* A record built in scratch never grows past this (records bigger than that are cut short). */
#define SD_SCRATCH_LIMIT (1u << 17)
/* The largest single read into scratch; every read length is masked with SD_READ_MASK. */
#define SD_READ_MASK ((1u << 16) - 1)
/* Room for the path walk: names are laid down backwards from the end of its first half. */
#define SD_PATH_TMP (SD_MAX_PATH * 2)

/* struct iovec and struct user_msghdr as plain numbers: the collectors are global functions,
 * verified once each, and the verifier lets those take only pointers to scalar-only structs. */
struct sd_iovec {
    __u64 base;
    __u64 len;
};

struct sd_user_msghdr {
    __u64 name;
    __s32 namelen;
    __u32 pad;
    __u64 iov;
    __u64 iovlen;
    __u64 control;
    __u64 controllen;
    __u32 flags;
    __u32 pad2;
};

/* One cpu's scratch space. A write starts below SD_SCRATCH_LIMIT and is at most SD_READ_MASK
 * bytes long, so the slack after the limit keeps every masked write inside the value. */
struct sd_scratch {
    __u8 data[SD_SCRATCH_LIMIT + SD_READ_MASK + 1];
    __u8 path[SD_PATH_TMP + 256];
    struct sd_iovec iov[SD_MAX_IOVECS];
    struct sd_user_msghdr msg;
    /* The path walk's position in `path`, kept here rather than on the stack so that the
     * verifier does not track its exact range from one bpf_loop step to the next. */
    __u32 walk_pos;
    /* Nonzero while a program builds a record here (see sd_scratch_acquire). */
    __u32 busy;
};

/* Records for userspace: one ring buffer per cpu, so that producers on different cpus share no
 * lock and no cache line; the reader merges them by timestamp. The loader sizes the ring
 * buffers, creates one per possible cpu and stores it at the cpu's index. */
struct sd_ring_template {
    __uint(type, BPF_MAP_TYPE_RINGBUF);
    __uint(max_entries, 1 << 24);
};

struct {
    __uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
    __uint(max_entries, 1);
    __type(key, __u32);
    __array(values, struct sd_ring_template);
} sd_rings SEC(".maps");

/* Capture plans by native system call number. */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, SD_MAX_SYSCALLS);
    __type(key, __u32);
    __type(value, struct sd_syscall_plan);
} sd_plans SEC(".maps");

/* The one settings entry. */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct sd_settings);
} sd_settings_map SEC(".maps");

/* Events and drops, per cpu. */
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct sd_counters);
} sd_counters_map SEC(".maps");

/* Scratch by cpu number: an ARRAY, not a PERCPU_ARRAY, because per-cpu values are limited to
 * 32 KiB. The loader sets max_entries to the number of possible cpus. */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct sd_scratch);
} sd_scratch_map SEC(".maps");

/* A call's entry kept until its exit (see "One record per call" in swiftdig_record.h). `tag` says
 * who owns the slot: 0 free, SD_PENDING_BUSY while a program reads or writes it, else the
 * pid_tgid of the task whose entry it holds. */
struct sd_pending {
    __u64 tag;
    __u64 ts;
    __u64 args[6];
    __u64 nr;
};

#define SD_PENDING_BUSY (~0ull)

/* One pending slot per cpu: only the task running on a cpu can have an entry pending there, since
 * the entry leaves the slot (as an enter record) when the task leaves the cpu. */
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct sd_pending);
} sd_pending_map SEC(".maps");

static __always_inline const struct sd_settings *sd_settings(void)
{
    __u32 zero = 0;
    return bpf_map_lookup_elem(&sd_settings_map, &zero);
}

static __always_inline struct sd_counters *sd_counters(void)
{
    __u32 zero = 0;
    return bpf_map_lookup_elem(&sd_counters_map, &zero);
}

static __always_inline struct sd_pending *sd_pending(void)
{
    __u32 zero = 0;
    return bpf_map_lookup_elem(&sd_pending_map, &zero);
}

/* The current cpu's ring buffer (NULL only if the loader did not store one). */
static __always_inline void *sd_ring(void)
{
    __u32 cpu = bpf_get_smp_processor_id();
    return bpf_map_lookup_elem(&sd_rings, &cpu);
}

static __always_inline struct sd_scratch *sd_scratch(void)
{
    __u32 cpu = bpf_get_smp_processor_id();
    return bpf_map_lookup_elem(&sd_scratch_map, &cpu);
}

/* The settings when capture is on and task `pid_tgid` is not the one we hide, else NULL. */
static __always_inline const struct sd_settings *sd_active_settings_for(__u64 pid_tgid)
{
    const struct sd_settings *set = sd_settings();
    if (!set || !set->enabled)
        return NULL;
    __u32 tgid = pid_tgid >> 32;
    if (set->ignored_tgid && tgid == set->ignored_tgid)
        return NULL;
    return set;
}

/* The settings when capture is on and the current task is not the one we hide, else NULL. */
static __always_inline const struct sd_settings *sd_active_settings(void)
{
    return sd_active_settings_for(bpf_get_current_pid_tgid());
}

#endif /* SD_MAPS_H */
