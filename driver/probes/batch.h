/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Per-cpu batches: fixed-size records are appended to the cpu's batch (a plain copy) and the batch
 * goes to the cpu's ring buffer in one bpf_ringbuf_output when the next record would not fit,
 * when the cpu goes idle, or when the cpu's flush timer fires, SD_BATCH_TIMER_NS after the first
 * record of a batch was appended. A ring-buffer record costs a reservation and a commit (a lock
 * with interrupts off, two atomics, barriers: 50 to 60 ns here); a record in a batch costs its
 * bytes and a share of one copy.
 *
 * One ring-buffer sample then holds several records back to back (each `len` bytes long), in the
 * order they were appended. The counters count a batch's events when it reaches the ring buffer,
 * or drop all of them, each, when it does not fit there.
 *
 * A batch that did not fit puts its cpu in `dropping` mode: records are dropped (and counted)
 * before anything is collected for them, until an eighth of the ring buffer is free again. A
 * dropped record then costs the traced task almost nothing, not a record's work thrown away.
 *
 * Programs can be preempted (tracing programs run with migration, not preemption, disabled) and
 * the timer interrupts them, so a program owns the batch (`busy`) while it appends or flushes;
 * one that finds it owned writes its record straight into the ring buffer instead (record.h).
 */
#ifndef SD_BATCH_H
#define SD_BATCH_H

/* A batch is flushed when the next record would take it past this. */
#define SD_BATCH_BYTES (1u << 14)
/* Room after SD_BATCH_BYTES for a record started just below it: more than the largest record
 * written in place (sd_small_buffer_record, 184 bytes). */
#define SD_BATCH_SLACK 256
/* The longest a record waits in a batch on a cpu that does not go idle: the flush timer. */
#define SD_BATCH_TIMER_NS 1000000ull
/* The timer's next try when it found the batch owned by the program it interrupted. */
#define SD_BATCH_RETRY_NS 50000ull

struct sd_batch {
    __u32 used;       /* bytes of records */
    __u32 busy;       /* nonzero while a program appends or flushes */
    __u64 events;     /* the events its records stand for (two for an exit carrying its enter) */
    __u32 armed;      /* the cpu's flush timer is started */
    __u32 dropping;   /* the last flush found the ring buffer full: drop until it has room */
    __u8 data[SD_BATCH_BYTES + SD_BATCH_SLACK];
};

/* One batch per cpu (per-cpu values are limited to 32 KiB: this one is 16.3 KiB). */
struct {
    __uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct sd_batch);
} sd_batch_map SEC(".maps");

struct sd_flush_timer {
    struct bpf_timer timer;
    __u32 ready;      /* bpf_timer_init and the callback were set */
    __u32 pad;
};

/* The flush timers by cpu number (timers cannot live in per-cpu maps); each is started pinned
 * to its cpu. The loader sets max_entries to the number of possible cpus. */
struct {
    __uint(type, BPF_MAP_TYPE_ARRAY);
    __uint(max_entries, 1);
    __type(key, __u32);
    __type(value, struct sd_flush_timer);
} sd_flush_timers SEC(".maps");

/* The events a record stands for: two for an exit record that carries its enter. */
static __always_inline __u64 sd_weight(__u32 flags)
{
    return (flags & SD_RECORD_WITH_ENTER) ? 2 : 1;
}

/* The cpu's batch, owned by the caller until sd_batch_release; NULL when another program on this
 * cpu owns it. */
static __always_inline struct sd_batch *sd_batch_own(void)
{
    __u32 zero = 0;
    struct sd_batch *b = bpf_map_lookup_elem(&sd_batch_map, &zero);
    if (!b || __sync_lock_test_and_set(&b->busy, 1))
        return NULL;
    return b;
}

/* Sends the owned batch's records to the cpu's ring buffer and empties it; its events are counted
 * as submitted, or all dropped when the ring buffer has no room. */
static __always_inline void sd_batch_flush(struct sd_batch *b)
{
    __u32 used = b->used;
    if (!used)
        return;
    if (used > SD_BATCH_BYTES + SD_BATCH_SLACK)
        used = SD_BATCH_BYTES + SD_BATCH_SLACK;
    void *ring = sd_ring();
    long err = ring ? bpf_ringbuf_output(ring, b->data, used, SD_SUBMIT_FLAGS) : -1;
    struct sd_counters *c = sd_counters();
    if (c) {
        if (err)
            c->drops_buffer += b->events;
        else
            c->events += b->events;
    }
    if (err)
        b->dropping = 1;
    b->used = 0;
    b->events = 0;
}

static __always_inline void sd_batch_release(struct sd_batch *b)
{
    /* Only this cpu looks at it: a plain store after the helper calls is enough. */
    *(volatile __u32 *)&b->busy = 0;
}

static int sd_flush_timer_fired(void *map, __u32 *key, struct sd_flush_timer *t);

/* Starts the cpu's flush timer, pinned to it, unless it is started already. */
static __always_inline void sd_batch_arm(struct sd_batch *b)
{
    if (b->armed)
        return;
    __u32 cpu = bpf_get_smp_processor_id();
    struct sd_flush_timer *t = bpf_map_lookup_elem(&sd_flush_timers, &cpu);
    if (!t)
        return;
    if (!t->ready) {
        bpf_timer_init(&t->timer, &sd_flush_timers, CLOCK_MONOTONIC);
        bpf_timer_set_callback(&t->timer, sd_flush_timer_fired);
        t->ready = 1;
    }
    if (!bpf_timer_start(&t->timer, SD_BATCH_TIMER_NS, BPF_F_TIMER_CPU_PIN))
        b->armed = 1;
}

/* The flush timer: runs on its cpu (softirq), flushes the batch there. When it interrupted the
 * program that owns the batch, it tries again a little later. */
static int sd_flush_timer_fired(void *map, __u32 *key, struct sd_flush_timer *t)
{
    __u32 zero = 0;
    struct sd_batch *b = bpf_map_lookup_elem(&sd_batch_map, &zero);
    if (!b)
        return 0;
    if (__sync_lock_test_and_set(&b->busy, 1)) {
        bpf_timer_start(&t->timer, SD_BATCH_RETRY_NS, BPF_F_TIMER_CPU_PIN);
        return 0;
    }
    sd_batch_flush(b);
    b->armed = 0;
    sd_batch_release(b);
    return 0;
}

/* Ends `dropping` mode when an eighth of the cpu's ring buffer is free. */
static __always_inline void sd_batch_check_room(struct sd_batch *b)
{
    void *ring = sd_ring();
    if (!ring)
        return;
    __u64 size = bpf_ringbuf_query(ring, BPF_RB_RING_SIZE);
    __u64 pending = bpf_ringbuf_query(ring, BPF_RB_AVAIL_DATA);
    if (pending <= size - size / 8)
        b->dropping = 0;
}

/* The cpu's batch, owned, with room for a record of `size` bytes (at most SD_BATCH_SLACK) at its
 * end: flushed first when it had not. NULL when another program owns it. The caller drops its
 * record when the batch is still `dropping`. */
static __always_inline struct sd_batch *sd_batch_claim(__u32 size)
{
    struct sd_batch *b = sd_batch_own();
    if (!b)
        return NULL;
    if (b->dropping)
        sd_batch_check_room(b);
    else if (b->used + size > SD_BATCH_BYTES)
        sd_batch_flush(b);
    return b;
}

/* Whether the cpu drops records (without owning its batch: a plain look). */
static __always_inline bool sd_batch_dropping(void)
{
    __u32 zero = 0;
    struct sd_batch *b = bpf_map_lookup_elem(&sd_batch_map, &zero);
    return b && b->dropping;
}

/* Counts `weight` events dropped. */
static __always_inline void sd_count_drops(__u64 weight)
{
    struct sd_counters *c = sd_counters();
    if (c)
        c->drops_buffer += weight;
}

/* Where the next record of the owned batch goes. The mask keeps the verifier's range inside the
 * value (used is below SD_BATCH_BYTES after sd_batch_claim); SD_BATCH_SLACK covers the record. */
static __always_inline struct sd_record *sd_batch_tail(struct sd_batch *b)
{
    return (struct sd_record *)&b->data[b->used & (SD_BATCH_BYTES - 1)];
}

/* Appends the record written at the tail (its `len` bytes), makes sure a flush will come, and
 * gives the batch back. */
static __always_inline void sd_batch_commit(struct sd_batch *b, struct sd_record *r)
{
    b->used += (r->len + 7) & ~7u;
    b->events += sd_weight(r->flags);
    sd_batch_arm(b);
    sd_batch_release(b);
}

/* Flushes the cpu's batch now, unless another program owns it (its timer flushes it then). */
static __always_inline void sd_batch_flush_now(void)
{
    struct sd_batch *b = sd_batch_own();
    if (!b)
        return;
    sd_batch_flush(b);
    sd_batch_release(b);
}

#endif /* SD_BATCH_H */
