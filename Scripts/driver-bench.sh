#!/usr/bin/env bash
# Measures the eBPF driver (root, BTF): `dd if=/dev/zero of=/dev/null bs=1 count=N` bare, then under
# capture with every program attached and a consumer appending records to a file, once with
# arguments only and once with read/write buffers collected. Prints the slowdown, records/s, drops.
# Usage: [SCRATCH_PATH=dir] Scripts/driver-bench.sh [count]   (default 2000000 bytes: 4 M syscalls)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
SWIFTDIG_DRIVER_BENCH=1 SWIFTDIG_DRIVER_BENCH_COUNT=${1:-2000000} \
    swift test -c release --scratch-path "$scratch" --filter DriverBenchmark 2>&1 |
    grep -E '^(dd |arguments only|read/write buffers)|error'
