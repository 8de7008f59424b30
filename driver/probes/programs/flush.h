/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Not attached: userspace runs it on each cpu (BPF_PROG_TEST_RUN with a cpu) when capture stops,
 * so that what the batches hold reaches the ring buffers without waiting for the flush timers.
 * It runs in an interrupt on that cpu; a batch owned by the program it interrupted is left to
 * the timer.
 */

SEC("raw_tp")
int sd_flush(void *ctx)
{
    sd_batch_flush_now();
    return 0;
}
