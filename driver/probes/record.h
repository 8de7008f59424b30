/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing records: fixed-size ones in the cpu's batch (batch.h), or straight into the ring buffer
 * when the batch is owned by a program this one preempted; variable-size ones in the cpu's
 * scratch space (header, then one chunk per plan step), copied out with bpf_ringbuf_output after
 * the batch is flushed.
 * Nothing here waits: a full ring buffer costs a counted drop, never the traced task's time.
 */
#ifndef SD_RECORD_BPF_H
#define SD_RECORD_BPF_H

/* A pointer into scratch that the verifier can bound: offsets are masked below the limit. */
static __always_inline void *sd_at(struct sd_scratch *s, __u32 off)
{
    return &s->data[off & (SD_SCRATCH_LIMIT - 1)];
}

/* The header fields every record has, for a record made at `ts`. */
static __always_inline void sd_fill_header_at(struct sd_record *r, __u16 kind, __u16 nr, __u64 pid_tgid, __u64 ts)
{
    r->ts = ts;
    r->len = sizeof(*r);
    r->kind = kind;
    r->nr = nr;
    r->tid = (__u32)pid_tgid;
    r->pid = pid_tgid >> 32;
    r->ret = 0;
    r->cpu = bpf_get_smp_processor_id();
    r->nchunks = 0;
    r->flags = 0;
    r->enter_ts = 0;
}

/* The header fields every record has, for a record made now. */
static __always_inline void sd_fill_header(struct sd_record *r, __u16 kind, __u16 nr, __u64 pid_tgid)
{
    sd_fill_header_at(r, kind, nr, pid_tgid, bpf_ktime_get_boot_ns());
}

/*
 * Room for a fixed-size record of `size` bytes (a constant, at most SD_BATCH_SLACK): at the end
 * of the cpu's batch (`*batch` set: the caller owns it until sd_out_end), or, when another
 * program on this cpu owns the batch, reserved in the ring buffer (`*batch` NULL). NULL when the
 * ring buffer is full or the cpu is dropping (batch.h): `weight` dropped events are counted.
 */
static __always_inline struct sd_record *sd_out_begin(struct sd_batch **batch, __u32 size, __u64 weight)
{
    struct sd_batch *b = sd_batch_claim(size);
    *batch = b;
    if (b && !b->dropping)
        return sd_batch_tail(b);
    if (b) {
        /* The ring buffer is full: dropped before anything is collected for it. */
        sd_batch_release(b);
        sd_count_drops(weight);
        return NULL;
    }
    void *ring = sd_ring();
    struct sd_record *r = ring ? bpf_ringbuf_reserve(ring, size, 0) : NULL;
    if (!r)
        sd_count_drops(weight);
    return r;
}

/* Hands over the record sd_out_begin made room for: appended to the batch, or submitted. */
static __always_inline void sd_out_end(struct sd_batch *b, struct sd_record *r)
{
    if (b) {
        sd_batch_commit(b, r);
        return;
    }
    __u64 weight = sd_weight(r->flags);
    bpf_ringbuf_submit(r, SD_SUBMIT_FLAGS);
    struct sd_counters *c = sd_counters();
    if (c)
        c->events += weight;
}

/* A header-only record of `kind` for the current task, arguments zeroed; NULL when capture is
 * off for it or the ring buffer is full. Hand it over with sd_out_end(*batch, record). */
static __always_inline struct sd_record *sd_begin_fixed(struct sd_batch **batch, __u16 kind)
{
    if (!sd_active_settings())
        return NULL;
    struct sd_record *r = sd_out_begin(batch, sizeof(struct sd_record), 1);
    if (!r)
        return NULL;
    sd_fill_header(r, kind, 0, bpf_get_current_pid_tgid());
    __builtin_memset(r->args, 0, sizeof(r->args));
    return r;
}

/*
 * The cpu's scratch space, claimed for one record; NULL when another program on this cpu holds
 * it. That happens only on a preemptible kernel, when a program building a record is preempted
 * and the next task's program runs on the same cpu; the caller then falls back to a header-only
 * record marked truncated rather than write over the other record.
 */
static __always_inline struct sd_scratch *sd_scratch_acquire(void)
{
    struct sd_scratch *s = sd_scratch();
    if (!s || __sync_lock_test_and_set(&s->busy, 1))
        return NULL;
    return s;
}

static __always_inline void sd_scratch_release(struct sd_scratch *s)
{
    /* Only programs on this cpu look at it: a plain store after the helper calls is enough. */
    *(volatile __u32 *)&s->busy = 0;
}

/* Copies the record built in scratch to the ring buffer, after the records batched before it,
 * and releases the scratch space. */
static __always_inline void sd_submit_scratch(struct sd_scratch *s)
{
    sd_batch_flush_now();
    struct sd_record *r = (struct sd_record *)s->data;
    __u32 len = r->len;
    if (len > SD_SCRATCH_LIMIT)
        len = SD_SCRATCH_LIMIT;
    void *ring = sd_ring();
    long err = ring ? bpf_ringbuf_output(ring, s->data, len, SD_SUBMIT_FLAGS) : -1;
    __u32 truncated = r->flags & SD_RECORD_TRUNCATED;
    __u64 weight = sd_weight(r->flags);
    sd_scratch_release(s);
    struct sd_counters *c = sd_counters();
    if (!c)
        return;
    if (err)
        c->drops_buffer += weight;
    else
        c->events += weight;
    if (truncated)
        c->drops_scratch++;
}

/*
 * Opens the chunk for plan step `step`: writes its header at the record's end and returns the
 * offset its data starts at, with `room` set to the bytes it may use. Returns 0 (and marks the
 * record truncated) when not even the chunk header fits.
 */
static __always_inline __u32 sd_chunk_begin(struct sd_scratch *s, __u16 kind, __u16 step, __u32 *room)
{
    struct sd_record *r = (struct sd_record *)s->data;
    __u32 off = r->len;
    if (off > SD_SCRATCH_LIMIT - sizeof(struct sd_chunk)) {
        r->flags |= SD_RECORD_TRUNCATED;
        *room = 0;
        return 0;
    }
    struct sd_chunk *c = sd_at(s, off);
    c->kind = kind;
    c->step = step;
    c->len = 0;
    *room = SD_SCRATCH_LIMIT - off - sizeof(struct sd_chunk);
    return off + sizeof(struct sd_chunk);
}

/* Closes the chunk whose data starts at `data` with `len` bytes: zero padding to 8 bytes. */
static __always_inline void sd_chunk_end(struct sd_scratch *s, __u32 data, __u32 len)
{
    struct sd_record *r = (struct sd_record *)s->data;
    struct sd_chunk *c = sd_at(s, data - sizeof(struct sd_chunk));
    c->len = len;
    __u32 end = data + len;
    if (end & 7) /* below the limit, which is a multiple of 8 */
        *(__u64 *)sd_at(s, end) = 0;
    r->len = (end + 7) & ~7u;
    r->nchunks++;
}

/* Clamps a wanted length to the room left, marking the record truncated when it had to. */
static __always_inline __u32 sd_fit(struct sd_scratch *s, __u64 want, __u32 room)
{
    if (want <= room)
        return want;
    ((struct sd_record *)s->data)->flags |= SD_RECORD_TRUNCATED;
    return room;
}

#endif /* SD_RECORD_BPF_H */
