#!/usr/bin/env bash
# Counts instructions per event, swiftdig against sysdig 0.29.3, with valgrind's callgrind: a measure
# that a shared or wandering machine does not change, to read next to Scripts/benchmark.sh's times.
# Each job runs on a capture of N copies of curl_google and on one copy; the difference divided by
# the events of N-1 copies leaves start-up out. Start-up itself is printed on its own line per job.
# Usage: [SCRATCH_PATH=dir] Scripts/benchmark-instructions.sh [copies]   (default 100; takes minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-100}
shared=../shared
one=$shared/captures/curl_google.scap
many=/tmp/swiftdig-instructions-curl-$copies.scap
if [ ! -f "$many" ]; then
    python3 "$shared/tools/replicate-scap.py" "$one" "$many" "$copies" >/dev/null
fi
command -v valgrind >/dev/null || apt-get install -y -qq --no-install-recommends valgrind >/dev/null
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" >/dev/null
ours=$scratch/release/swiftdig
export TZ=UTC
per_copy=$("$ours" -r "$one" -q -S | awk 'NR>3 {n+=$NF} END {print n}')
events=$((per_copy * (copies - 1)))

# Prints the instructions callgrind counts for one run of a command (its output thrown away).
instructions() {
    local out
    out=$(mktemp)
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>"$out" >/dev/null || true
    awk '/refs:/ {gsub(",", "", $NF); print $NF}' "$out"
    rm -f "$out"
}

echo "captures: $copies copies and 1 copy of curl_google ($per_copy events each); per event over $events events"
printf '%-28s %12s %12s %8s %16s\n' job sysdig swiftdig ratio "start-up (ours)"
run() {
    local name=$1; shift
    local s1 sn o1 on
    s1=$(instructions sysdig -r "$one" "$@")
    sn=$(instructions sysdig -r "$many" "$@")
    o1=$(instructions "$ours" -r "$one" "$@")
    on=$(instructions "$ours" -r "$many" "$@")
    local s=$(((sn - s1) / events)) o=$(((on - o1) / events))
    printf '%-28s %12s %12s %7.2fx %15sM\n' "$name" "$s" "$o" "$(echo "$s / $o" | bc -l)" \
        "$(((o1 - per_copy * o) / 1000000))"
}
run "selective filter" "proc.name=curl and evt.type=read"
run "count only, -q -S" -q -S
run "chisel topprocs_cpu" -c topprocs_cpu
run "chisel topfiles_bytes" -c topfiles_bytes
