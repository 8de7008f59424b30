#!/usr/bin/env bash
# Measures swiftdig against sysdig 0.29.3 on the same multi-million-event capture, in one run.
# Usage: [SCRATCH_PATH=dir] [BENCH_CAPTURE=file] Scripts/benchmark.sh [copies]
#   (default 1500 copies of curl_google: about 2.3 million events)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-1500}
shared=../shared
big=${BENCH_CAPTURE:-/tmp/swiftdig-bench-curl-$copies.scap}
if [ ! -f "$big" ]; then
    python3 "$shared/tools/replicate-scap.py" "$shared/captures/curl_google.scap" "$big" "$copies" >/dev/null
fi
scratch=${SCRATCH_PATH:-.build}   # SCRATCH_PATH=.build-x to share the machine with other builds
swift build -c release --scratch-path "$scratch" >/dev/null
ours=$scratch/release/swiftdig
export TZ=UTC
cat "$big" >/dev/null   # into the page cache

# Prints the best of three wall-clock times of a command, in seconds.
best() {
    local best=""
    for _ in 1 2 3; do
        local s e t
        s=$(date +%s.%N)
        "$@" >/dev/null 2>&1
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

events=$("$ours" -r "$big" -q -S | awk 'NR>3 {n+=$NF} END {print n}')
echo "capture: $big ($events events counted by -S, $(du -h "$big" | cut -f1))"
printf '%-28s %10s %10s %8s\n' job sysdig swiftdig speedup
run() {
    local name=$1; shift
    local a b
    a=$(best taskset -c 0 sysdig -r "$big" "$@")
    b=$(best taskset -c 0 "$ours" -r "$big" "$@")
    printf '%-28s %9.2fs %9.2fs %7.1fx\n' "$name" "$a" "$b" "$(echo "$a / $b" | bc -l)"
}
run "default text output"
run "text output, -v" -v
run "text output, -A" -A
run "count only, -q -S" -q -S
run "selective filter" "proc.name=curl and evt.type=read"
run "JSON, -j" -j
run "format, -p" -p "%evt.num %proc.name %fd.name %evt.rawres"
# Bundled table chisels (issue 6): one on the state (procinfo events), one on file I/O.
run "chisel topprocs_cpu" -c topprocs_cpu
run "chisel topfiles_bytes" -c topfiles_bytes

# The chisel boundary: every event handed to a chisel that does nothing, against the same run
# without a chisel (-q reads, parses and drops every event). The difference is the boundary's cost.
"$ours" -r "$shared/captures/curl_google.scap" -c Scripts/empty_chisel.swift >/dev/null   # compile once
plain=$(best taskset -c 0 "$ours" -r "$big" -q)
chisel=$(best taskset -c 0 "$ours" -r "$big" -c Scripts/empty_chisel.swift)
filtered=$(best taskset -c 0 "$ours" -r "$big" -q "evt.num>0")
echo
echo "chisel boundary over $events events:"
printf '%-28s %9.2fs %8.2f M events/s\n' "no chisel, -q" "$plain" "$(echo "$events / $plain / 1000000" | bc -l)"
printf '%-28s %9.2fs %8.2f M events/s\n' "filter evt.num>0, -q" "$filtered" "$(echo "$events / $filtered / 1000000" | bc -l)"
printf '%-28s %9.2fs %8.2f M events/s\n' "empty chisel" "$chisel" "$(echo "$events / $chisel / 1000000" | bc -l)"
printf '%-28s %9.1f ns per event\n' "boundary cost" "$(echo "($chisel - $plain) * 1000000000 / $events" | bc -l)"
