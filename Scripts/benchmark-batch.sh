#!/usr/bin/env bash
# Batch processing on one machine (docs/batch.md): a folder of many captures read with --jobs 2
# against --jobs 1, and the peak memory of the parent process with 10 and with 100 files.
# Usage: [SCRATCH_PATH=dir] Scripts/benchmark-batch.sh [files] [copies per file]
#   (default 40 files of 250 copies of curl_google each: about 384 000 events, 22 MB, a file)
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-40}
copies=${2:-250}
shared=../shared
scratch=${SCRATCH_PATH:-.build}   # SCRATCH_PATH=.build-x to share the machine with other builds
for product in swiftdig table_generator topscalls; do
    swift build -c release --scratch-path "$scratch" --product "$product" >/dev/null
done
ours=$scratch/release/swiftdig
export TZ=UTC
work=${BENCH_DIR:-/tmp/swiftdig-bench-batch}

# A folder of `count` captures of `n` copies each (one replicated capture, copied).
make_folder() {
    local dir=$1 count=$2 n=$3
    [ -f "$dir/done-$count-$n" ] && return
    rm -rf "$dir"
    mkdir -p "$dir"
    python3 "$shared/tools/replicate-scap.py" "$shared/captures/curl_google.scap" "$dir/base.tmp" "$n" >/dev/null
    for i in $(seq -w 1 "$count"); do cp "$dir/base.tmp" "$dir/capture-$i.scap"; done
    rm "$dir/base.tmp"
    touch "$dir/done-$count-$n"
}

# The best of three wall-clock times of a command, in seconds, and the processor time (user and
# system, children included) of that run.
best() {
    local best="" cpu="" line
    for _ in 1 2 3; do
        line=$(/usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1)
        local t c
        t=$(echo "$line" | awk '{print $1}')
        c=$(echo "$line" | awk '{print $2 + $3}')
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; cpu=$c; fi
    done
    echo "$best $cpu"
}

make_folder "$work/many" "$files" "$copies"
cat "$work"/many/*.scap >/dev/null   # into the page cache
events=$("$ours" -r "$work/many/capture-$(seq -w 1 "$files" | head -1).scap" -q -S | awk 'NR>3 {n+=$NF} END {print n}')
echo "folder: $files captures of $events events each ($(du -sh "$work/many" | cut -f1)), $(nproc) processors, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-30s %10s %10s %8s %12s %12s\n' job "--jobs 1" "--jobs 2" speedup "cpu, jobs 1" "cpu, jobs 2"
run() {
    local name=$1; shift
    local a b
    a=($(best "$ours" -r "$work/many" --jobs 1 "$@"))
    b=($(best "$ours" -r "$work/many" --jobs 2 "$@"))
    printf '%-30s %9.2fs %9.2fs %7.2fx %11.2fs %11.2fs\n' "$name" "${a[0]}" "${b[0]}" "$(echo "${a[0]} / ${b[0]}" | bc -l)" "${a[1]}" "${b[1]}"
}
run "default text output"
run "selective filter" "proc.name=curl and evt.type=read"
run "count only, -q -S" -q -S
run "JSON, -j" -j
run "chisel topscalls (merged)" -c topscalls

# Peak memory: the parent alone (its VmHWM, read while it runs) and the largest process of the
# run (/usr/bin/time -v counts the children too), with 10 and with 100 small files.
make_folder "$work/hundred" 100 5
mkdir -p "$work/ten"
for f in $(ls "$work"/hundred/*.scap | head -10); do ln -sf "$f" "$work/ten/"; done
peak() {
    local dir=$1 pid hwm=0 line
    "$ours" -r "$dir" --jobs 2 >/dev/null 2>&1 &
    pid=$!
    while line=$(grep VmHWM "/proc/$pid/status" 2>/dev/null); do
        hwm=$(echo "$line" | awk '{print $2}')
        sleep 0.02
    done
    wait "$pid" || true
    local all
    all=$(/usr/bin/time -v "$ours" -r "$dir" --jobs 2 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')
    printf '%-30s %10s kB %16s kB\n' "$(ls "$dir" | grep -c scap) files" "$hwm" "$all"
}
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-30s %13s %19s\n' "peak RSS, --jobs 2" "parent" "largest process"
peak "$work/ten"
peak "$work/hundred"
