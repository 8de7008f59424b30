/* SPDX-License-Identifier: Apache-2.0 */
/* Executing a capture plan: each step of one direction becomes one chunk of the record. */
#ifndef SD_PLAN_H
#define SD_PLAN_H

/* An argument by index, or the return value for SD_ARG_RET. */
static __always_inline __u64 sd_arg(const struct sd_record *r, __u8 arg)
{
    if (arg < 6)
        return r->args[arg];
    if (arg == SD_ARG_RET)
        return r->ret;
    return 0;
}

/* A step's length source; `none` when it names none. */
static __always_inline __u64 sd_len(const struct sd_record *r, __u8 len_arg, __u64 none)
{
    if (len_arg < 6)
        return r->args[len_arg];
    if (len_arg == SD_LEN_RET)
        return r->ret > 0 ? r->ret : 0;
    return none;
}

static __always_inline __u64 sd_min(__u64 a, __u64 b)
{
    return a < b ? a : b;
}

/* Runs one step; `r` is the record header at the start of scratch. */
static __always_inline void sd_run_step(struct sd_scratch *s, const struct sd_capture_step *st, __u16 i, __u32 snaplen)
{
    const struct sd_record *r = (const struct sd_record *)s->data;
    __u8 kind = st->kind;
    __u64 ptr = sd_arg(r, st->arg);
    switch (kind) {
    case SD_CAP_USER_STRING:
        sd_cap_user_string(s, i, ptr);
        break;
    case SD_CAP_USER_BUFFER:
        sd_cap_user_bytes(s, kind, i, ptr, sd_min(snaplen, sd_len(r, st->len_arg, snaplen)));
        break;
    case SD_CAP_IOVEC: {
        __u64 limit = snaplen;
        if (st->size & SD_IOV_LEN_FROM_RET)
            limit = sd_min(limit, r->ret > 0 ? r->ret : 0);
        sd_cap_iovec(s, i, ptr, sd_len(r, st->len_arg, 0), limit);
        break;
    }
    case SD_CAP_MSGHDR: {
        __u64 limit = snaplen;
        if (st->size & SD_IOV_LEN_FROM_RET)
            limit = sd_min(limit, r->ret > 0 ? r->ret : 0);
        sd_cap_msghdr(s, i, ptr, limit);
        break;
    }
    case SD_CAP_SOCKADDR:
        sd_cap_user_bytes(s, kind, i, ptr, sd_min(SD_MAX_SOCKADDR, sd_len(r, st->len_arg, SD_MAX_SOCKADDR)));
        break;
    case SD_CAP_SOCKADDR_LENPTR: {
        int len = 0;
        const void *lenp = (const void *)sd_len(r, st->len_arg, 0);
        if (!lenp || bpf_probe_read_user(&len, sizeof(len), lenp))
            len = 0;
        sd_cap_user_bytes(s, kind, i, ptr, len > 0 ? sd_min(SD_MAX_SOCKADDR, len) : 0);
        break;
    }
    case SD_CAP_SOCKET:
        sd_cap_socket(s, i, sd_arg(r, st->arg));
        break;
    case SD_CAP_USER_FIXED:
        sd_cap_user_bytes(s, kind, i, ptr, sd_min(SD_MAX_ARRAY, st->size));
        break;
    case SD_CAP_USER_ARRAY:
        /* Clamp the count first: a huge one would wrap the product. */
        sd_cap_user_bytes(s, kind, i, ptr, sd_min(SD_MAX_ARRAY, sd_min(SD_MAX_ARRAY, sd_len(r, st->len_arg, 0)) * st->size));
        break;
    case SD_CAP_PROCESS:
        sd_cap_process(s, i);
        break;
    case SD_CAP_FILE:
        sd_cap_file(s, i, sd_arg(r, st->arg));
        break;
    default: {
        /* A kind this driver does not know: an empty chunk keeps chunk i = step i. */
        __u32 room;
        __u32 d = sd_chunk_begin(s, kind, i, &room);
        if (d)
            sd_chunk_end(s, d, 0);
    }
    }
}

/* Runs the steps of one direction, stopping at the first SD_CAP_NONE. */
static __always_inline void sd_run_plan(struct sd_scratch *s, const struct sd_capture_step *steps, __u32 snaplen)
{
    for (__u16 i = 0; i < SD_MAX_STEPS; i++) {
        if (steps[i].kind == SD_CAP_NONE)
            break;
        sd_run_step(s, &steps[i], i, snaplen);
    }
}

#endif /* SD_PLAN_H */
