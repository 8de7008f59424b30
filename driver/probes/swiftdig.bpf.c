/* SPDX-License-Identifier: Apache-2.0 */
/*
 * swiftdig's eBPF driver: one object, swiftdig.bpf.o, built from this one translation unit.
 * The programs live one concern per file under programs/ and the shared helpers in the headers
 * beside this file; including them here (instead of linking several objects with `bpftool gen
 * object`) keeps one copy of every static helper and map and lets the build be a single clang
 * call (Plugins/BuildDriver).
 *
 * Records and plans: ../include/swiftdig_record.h. Kernel types: ../vmlinux/vmlinux.h (CO-RE).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_endian.h>
#include "swiftdig_record.h"

#include "maps.h"
#include "batch.h"
#include "record.h"
#include "user_read.h"
#include "file_info.h"
#include "socket_info.h"
#include "path_walk.h"
#include "process_info.h"
#include "plan.h"
#include "pending.h"

#include "programs/syscalls.h"
#include "programs/sched_switch.h"
#include "programs/process.h"
#include "programs/signal.h"
#include "programs/page_fault.h"
#include "programs/flush.h"

/* GPL-compatible because the helpers that read user and kernel memory are GPL-only; the kernel
 * refuses them to programs under other licenses. */
char LICENSE[] SEC("license") = "Dual BSD/GPL";
