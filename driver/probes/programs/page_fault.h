/* SPDX-License-Identifier: Apache-2.0 */
/* exceptions:page_fault_user, attached only when page faults are asked for (--page-faults). */

SEC("tp_btf/page_fault_user")
int BPF_PROG(sd_page_fault_user, unsigned long address, struct pt_regs *regs, unsigned long error_code)
{
    /* Attached only when asked for; the setting also gates it for a running probe. */
    const struct sd_settings *set = sd_settings();
    if (!set || !set->page_faults)
        return 0;
    struct sd_batch *b;
    struct sd_record *r = sd_begin_fixed(&b, SD_RECORD_PAGE_FAULT);
    if (!r)
        return 0;
    r->args[0] = address;
    r->args[1] = BPF_CORE_READ(regs, ip);
    r->args[2] = error_code;
    sd_out_end(b, r);
    return 0;
}
