/* SPDX-License-Identifier: Apache-2.0 */
/* SD_CAP_SOCKET: both ends of a socket as the kernel's struct sock keeps them. */
#ifndef SD_SOCKET_INFO_H
#define SD_SOCKET_INFO_H

#define SD_AF_UNIX 1
#define SD_AF_INET 2
#define SD_AF_INET6 10

/* Copies the bound path of a unix socket (sun_path, abstract names keep their leading NUL);
 * returns its length. */
static __always_inline __u32 sd_unix_path(char *dst, struct sock *sk)
{
    struct unix_address *addr = BPF_CORE_READ((struct unix_sock *)sk, addr);
    if (!addr)
        return 0;
    int len = BPF_CORE_READ(addr, len) - (int)sizeof(unsigned short);
    if (len <= 0)
        return 0;
    if (len > 107)
        len = 107;
    bpf_probe_read_kernel(dst, len & 127, &addr->name[0].sun_path);
    return len;
}

SD_GLOBAL int sd_cap_socket(struct sd_scratch *s, __u32 step, __s64 fd)
{
    if (!s)
        return 0;
    __u32 room;
    __u32 d = sd_chunk_begin(s, SD_CAP_SOCKET, step, &room);
    if (!d)
        return 0;
    struct file *file = sd_fd_file(fd);
    struct inode *inode = BPF_CORE_READ(file, f_inode);
    if (!file || (BPF_CORE_READ(inode, i_mode) & SD_S_IFMT) != SD_S_IFSOCK ||
        room < sizeof(struct sd_socket_info)) {
        if (file && room < sizeof(struct sd_socket_info))
            sd_fit(s, sizeof(struct sd_socket_info), room);
        sd_chunk_end(s, d, 0);
        return 0;
    }
    struct socket *sock = BPF_CORE_READ(file, private_data);
    struct sock *sk = BPF_CORE_READ(sock, sk);
    struct sd_socket_info *info = sd_at(s, d);
    __builtin_memset(info, 0, sizeof(*info));
    __u16 family = BPF_CORE_READ(sk, __sk_common.skc_family);
    info->family = family;
    info->type = BPF_CORE_READ(sk, sk_type);
    info->protocol = BPF_CORE_READ(sk, sk_protocol);
    info->sk = (__u64)sk;
    if (family == SD_AF_INET || family == SD_AF_INET6) {
        info->local_port = BPF_CORE_READ(sk, __sk_common.skc_num);
        info->remote_port = bpf_ntohs(BPF_CORE_READ(sk, __sk_common.skc_dport));
        if (family == SD_AF_INET) {
            bpf_core_read(info->local_addr, 4, &sk->__sk_common.skc_rcv_saddr);
            bpf_core_read(info->remote_addr, 4, &sk->__sk_common.skc_daddr);
        } else {
            bpf_core_read(info->local_addr, 16, &sk->__sk_common.skc_v6_rcv_saddr);
            bpf_core_read(info->remote_addr, 16, &sk->__sk_common.skc_v6_daddr);
        }
    } else if (family == SD_AF_UNIX) {
        struct sock *peer = BPF_CORE_READ((struct unix_sock *)sk, peer);
        info->peer = (__u64)peer;
        if (!sd_unix_path(info->unix_path, sk) && peer)
            sd_unix_path(info->unix_path, peer);
    }
    sd_chunk_end(s, d, sizeof(*info));
    return 0;
}

#endif /* SD_SOCKET_INFO_H */
