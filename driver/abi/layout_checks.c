// SPDX-License-Identifier: Apache-2.0
// The record layouts are an ABI between the eBPF program and userspace: pin their sizes here so a
// change that moves a field breaks the build instead of the decoding.
#include "swiftdig_record.h"

_Static_assert(sizeof(struct sd_record) == 96, "sd_record is 96 bytes");
_Static_assert(sizeof(struct sd_chunk) == 8, "sd_chunk is 8 bytes");
_Static_assert(sizeof(struct sd_capture_step) == 8, "sd_capture_step is 8 bytes");
_Static_assert(sizeof(struct sd_syscall_plan) == 56, "sd_syscall_plan is 56 bytes");
_Static_assert(sizeof(struct sd_socket_info) % 8 == 0, "sd_socket_info is padded to 8 bytes");
_Static_assert(sizeof(struct sd_process_info) % 8 == 0, "sd_process_info is padded to 8 bytes");
_Static_assert(sizeof(struct sd_backlog_info) == 8, "sd_backlog_info is 8 bytes");
