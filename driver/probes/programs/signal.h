/* SPDX-License-Identifier: Apache-2.0 */
/* signal_deliver: the current task is about to handle a signal. */

#define SD_SI_USER 0
#define SD_SI_QUEUE (-1)
#define SD_SI_TKILL (-6)

SEC("tp_btf/signal_deliver")
int BPF_PROG(sd_signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
    struct sd_batch *b;
    struct sd_record *r = sd_begin_fixed(&b, SD_RECORD_SIGNAL_DELIVER);
    if (!r)
        return 0;
    /* The sender is known for signals sent by a process (kill, sigqueue, tkill) and for
     * SIGCHLD, whose siginfo names the child at the same place. */
    int code = BPF_CORE_READ(info, si_code);
    if (info && (code == SD_SI_USER || code == SD_SI_QUEUE || code == SD_SI_TKILL || sig == SD_SIGCHLD))
        r->args[0] = BPF_CORE_READ(info, _sifields._kill._pid);
    r->args[1] = sig;
    sd_out_end(b, r);
    return 0;
}
