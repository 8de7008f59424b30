/* SPDX-License-Identifier: Apache-2.0 */
/* The file behind a descriptor of the current task, and what SD_CAP_FILE reports of it. */
#ifndef SD_FILE_INFO_H
#define SD_FILE_INFO_H

#define SD_S_IFMT 00170000
#define SD_S_IFSOCK 0140000

/* The device number as the drivers report it (the kernel's new_encode_dev). */
static __always_inline __u32 sd_encode_dev(__u32 major, __u32 minor)
{
    return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}

/* A kernel dev_t (major << 20 | minor) in the drivers' encoding. */
static __always_inline __u32 sd_encode_kdev(__u32 dev)
{
    return sd_encode_dev(dev >> 20, dev & 0xfffff);
}

/* The current task's open file `fd`, or NULL. */
static __always_inline struct file *sd_fd_file(__s64 fd)
{
    struct task_struct *task = bpf_get_current_task_btf();
    if (fd < 0)
        return NULL;
    struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
    if (!fdt || fd >= BPF_CORE_READ(fdt, max_fds))
        return NULL;
    struct file **fds = BPF_CORE_READ(fdt, fd);
    struct file *file = NULL;
    bpf_probe_read_kernel(&file, sizeof(file), &fds[fd & 0xffffff]);
    return file;
}

/* SD_CAP_FILE. */
SD_GLOBAL int sd_cap_file(struct sd_scratch *s, __u32 step, __s64 fd)
{
    if (!s)
        return 0;
    __u32 room;
    __u32 d = sd_chunk_begin(s, SD_CAP_FILE, step, &room);
    if (!d)
        return 0;
    struct file *file = sd_fd_file(fd);
    if (!file || room < sizeof(struct sd_file_info)) {
        if (file)
            sd_fit(s, sizeof(struct sd_file_info), room);
        sd_chunk_end(s, d, 0);
        return 0;
    }
    struct sd_file_info *info = sd_at(s, d);
    struct inode *inode = BPF_CORE_READ(file, f_inode);
    info->ino = BPF_CORE_READ(inode, i_ino);
    info->dev = sd_encode_kdev(BPF_CORE_READ(inode, i_sb, s_dev));
    info->flags = BPF_CORE_READ(file, f_flags);
    info->mode = BPF_CORE_READ(inode, i_mode);
    info->pad = 0;
    sd_chunk_end(s, d, sizeof(*info));
    return 0;
}

#endif /* SD_FILE_INFO_H */
