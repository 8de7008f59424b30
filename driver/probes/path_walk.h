/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Absolute paths from a (vfsmount, dentry) pair, the way d_path builds them: names from the
 * dentry up to its mount's root, then across to the mount point in the parent mount, until the
 * root mount. bpf_d_path is not allowed from tracepoints, hence the walk; it is bounded, and a
 * deeper path loses its leading components.
 */
#ifndef SD_PATH_WALK_H
#define SD_PATH_WALK_H

#define SD_PATH_DEPTH 40
#define SD_NAME_MAX 255

/* The walk's state, for bpf_loop: one step per call, so the verifier checks one step. */
struct sd_walk {
    struct sd_scratch *s; /* names are laid down backwards, ending at SD_MAX_PATH in s->path */
    struct vfsmount *vfsmnt;
    struct mount *mnt;
    struct dentry *dentry;
    __u64 mnt_offset;
};

static long sd_walk_step(__u64 index, void *ctx)
{
    struct sd_walk *w = ctx;
    struct dentry *dentry = w->dentry;
    struct vfsmount *vfsmnt = w->vfsmnt;
    struct mount *mnt = w->mnt;
    if (!dentry)
        return 1;
    if (dentry == BPF_CORE_READ(vfsmnt, mnt_root)) {
        struct mount *parent = BPF_CORE_READ(mnt, mnt_parent);
        if (!parent || parent == mnt)
            return 1;
        w->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
        w->mnt = parent;
        w->vfsmnt = (void *)parent + w->mnt_offset;
        return 0;
    }
    struct dentry *up = BPF_CORE_READ(dentry, d_parent);
    if (up == dentry)
        return 1;
    __u32 len = BPF_CORE_READ(dentry, d_name.len);
    __u32 pos = w->s->walk_pos;
    if (len > SD_NAME_MAX)
        len = SD_NAME_MAX;
    if (len + 1 > pos || pos > SD_MAX_PATH)
        return 1;
    pos -= len;
    bpf_probe_read_kernel(&w->s->path[pos & (SD_MAX_PATH - 1)], len & SD_NAME_MAX,
                          BPF_CORE_READ(dentry, d_name.name));
    pos -= 1;
    w->s->path[pos & (SD_MAX_PATH - 1)] = '/';
    w->s->walk_pos = pos;
    w->dentry = up;
    return 0;
}

/*
 * Writes the path at offset `d` of scratch as a __u32 length then the bytes (no NUL), using at
 * most `room` bytes; returns the bytes written (4 + length). No dentry: an empty path.
 */
SD_GLOBAL __u32 sd_write_path(struct sd_scratch *s, __u32 d, __u32 room, __u64 vfsmnt, __u64 dentry)
{
    if (!s)
        return 0;
    if (room < sizeof(__u32)) {
        sd_fit(s, sizeof(__u32), room);
        return 0;
    }
    if (!dentry) {
        *(__u32 *)sd_at(s, d) = 0;
        return sizeof(__u32);
    }
    struct sd_walk w = {
        .s = s,
        .vfsmnt = (struct vfsmount *)vfsmnt,
        .dentry = (struct dentry *)dentry,
        .mnt_offset = bpf_core_field_offset(struct mount, mnt),
    };
    w.mnt = (void *)(vfsmnt - w.mnt_offset);
    s->walk_pos = SD_MAX_PATH;
    bpf_loop(SD_PATH_DEPTH, sd_walk_step, &w, 0);
    __u32 pos = s->walk_pos;
    if (pos > SD_MAX_PATH)
        pos = SD_MAX_PATH;
    __u32 len = SD_MAX_PATH - pos;
    if (len == 0) {
        pos = SD_MAX_PATH - 1;
        s->path[pos] = '/';
        len = 1;
    }
    len = sd_fit(s, len, room - sizeof(__u32));
    *(__u32 *)sd_at(s, d) = len;
    if (len)
        bpf_probe_read_kernel(sd_at(s, d + sizeof(__u32)), len & (SD_MAX_PATH * 2 - 1),
                              &s->path[pos & (SD_MAX_PATH - 1)]);
    return sizeof(__u32) + len;
}

#endif /* SD_PATH_WALK_H */
