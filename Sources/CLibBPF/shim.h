// SPDX-License-Identifier: Apache-2.0
// libbpf (Debian's libbpf-dev) for the driver's loader.
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
