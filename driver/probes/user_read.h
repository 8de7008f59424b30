/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Chunks read from the traced task's memory: strings, buffers, iovec arrays, message headers,
 * socket addresses and fixed-size structs. A bad pointer gives an empty chunk, never an error.
 */
#ifndef SD_USER_READ_H
#define SD_USER_READ_H

/* SD_CAP_USER_STRING: the NUL-terminated string, NUL included. */
SD_GLOBAL int sd_cap_user_string(struct sd_scratch *s, __u32 step, __u64 uptr)
{
    if (!s)
        return 0;
    __u32 room;
    __u32 d = sd_chunk_begin(s, SD_CAP_USER_STRING, step, &room);
    if (!d)
        return 0;
    __u32 max = room < SD_MAX_PATH ? room : SD_MAX_PATH;
    long n = 0;
    if (uptr && max)
        n = bpf_probe_read_user_str(sd_at(s, d), max & SD_READ_MASK, (const void *)uptr);
    if (n == max && max < SD_MAX_PATH) /* filled the room left: it may go on */
        sd_fit(s, max + 1, max);
    sd_chunk_end(s, d, n > 0 ? n : 0);
    return 0;
}

/* Copies `count` user bytes to offset `d`; the number copied (0 on a bad pointer). */
static __always_inline __u32 sd_read_user(struct sd_scratch *s, __u32 d, __u64 uptr, __u32 count)
{
    count &= SD_READ_MASK;
    if (!uptr || !count)
        return 0;
    if (bpf_probe_read_user(sd_at(s, d), count, (const void *)uptr))
        return 0;
    return count;
}

/* SD_CAP_USER_BUFFER, SD_CAP_USER_FIXED, SD_CAP_SOCKADDR*: `want` bytes at uptr. */
SD_GLOBAL int sd_cap_user_bytes(struct sd_scratch *s, __u32 kind, __u32 step, __u64 uptr, __u64 want)
{
    if (!s)
        return 0;
    __u32 room;
    __u32 d = sd_chunk_begin(s, kind, step, &room);
    if (!d)
        return 0;
    if (want > SD_READ_MASK)
        want = SD_READ_MASK;
    sd_chunk_end(s, d, sd_read_user(s, d, uptr, sd_fit(s, want, room)));
    return 0;
}

/*
 * Gathers at most `limit` bytes from the `count` iovecs already copied to s->iov, at `d` with
 * `room` bytes; returns the bytes written.
 */
static __always_inline __u32 sd_gather_iov(struct sd_scratch *s, __u32 d, __u32 room, __u64 count, __u64 limit)
{
    __u32 done = 0;
    for (int i = 0; i < SD_MAX_IOVECS; i++) {
        if (i >= count || done >= limit)
            break;
        __u64 want = s->iov[i].len;
        if (want > limit - done)
            want = limit - done;
        if (want > room - done)
            want = sd_fit(s, want, room - done);
        if (!want)
            break;
        __u32 got = sd_read_user(s, d + done, s->iov[i].base, want);
        if (!got)
            break;
        done += got;
    }
    return done;
}

/* Copies the iovec array into s->iov; returns the sum of all iov_len (0 on a bad pointer). */
static __always_inline __u64 sd_load_iov(struct sd_scratch *s, __u64 uiov, __u64 count)
{
    if (count > SD_MAX_IOVECS)
        count = SD_MAX_IOVECS;
    __u32 bytes = (count * sizeof(struct sd_iovec)) & (sizeof(s->iov) * 2 - 1);
    if (!uiov || !bytes || bytes > sizeof(s->iov) || bpf_probe_read_user(s->iov, bytes, (const void *)uiov))
        return 0;
    __u64 total = 0;
    for (int i = 0; i < SD_MAX_IOVECS; i++) {
        if (i >= count)
            break;
        total += s->iov[i].len;
    }
    return total;
}

/* SD_CAP_IOVEC: __u64 total, then at most `limit` gathered bytes. */
SD_GLOBAL int sd_cap_iovec(struct sd_scratch *s, __u32 step, __u64 uiov, __u64 count, __u64 limit)
{
    if (!s)
        return 0;
    __u32 room;
    __u32 d = sd_chunk_begin(s, SD_CAP_IOVEC, step, &room);
    if (!d)
        return 0;
    if (room < sizeof(__u64)) {
        sd_fit(s, sizeof(__u64), room);
        sd_chunk_end(s, d, 0);
        return 0;
    }
    if (count > SD_MAX_IOVECS)
        count = SD_MAX_IOVECS;
    __u64 total = sd_load_iov(s, uiov, count);
    *(__u64 *)sd_at(s, d) = total;
    __u32 len = sizeof(__u64);
    if (total)
        len += sd_gather_iov(s, d + len, room - len, count, limit);
    sd_chunk_end(s, d, len);
    return 0;
}

/* SD_CAP_MSGHDR: struct sd_msghdr_info, msg_name's bytes, then at most `limit` gathered bytes. */
SD_GLOBAL int sd_cap_msghdr(struct sd_scratch *s, __u32 step, __u64 umsg, __u64 limit)
{
    if (!s)
        return 0;
    __u32 room;
    __u32 d = sd_chunk_begin(s, SD_CAP_MSGHDR, step, &room);
    if (!d)
        return 0;
    if (room < sizeof(struct sd_msghdr_info) + SD_MAX_SOCKADDR || !umsg ||
        bpf_probe_read_user(&s->msg, sizeof(s->msg), (const void *)umsg)) {
        sd_fit(s, room + 1, room);
        sd_chunk_end(s, d, 0);
        return 0;
    }
    struct sd_msghdr_info *info = sd_at(s, d);
    __u64 count = s->msg.iovlen;
    if (count > SD_MAX_IOVECS)
        count = SD_MAX_IOVECS;
    __u32 namelen = s->msg.namelen;
    if (namelen > SD_MAX_SOCKADDR)
        namelen = SD_MAX_SOCKADDR;
    __u32 len = sizeof(*info);
    namelen = sd_read_user(s, d + len, s->msg.name, namelen);
    len += namelen;
    __u64 total = sd_load_iov(s, s->msg.iov, count);
    info = sd_at(s, d);
    info->total = total;
    info->namelen = namelen;
    info->flags = s->msg.flags;
    if (total)
        len += sd_gather_iov(s, d + len, room - len, count, limit);
    sd_chunk_end(s, d, len);
    return 0;
}

#endif /* SD_USER_READ_H */
