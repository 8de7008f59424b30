#!/usr/bin/env bash
# Live capture, written to a file:
# 1. steady rates (Scripts/syscall-rate.py, getppid at a paced rate for SECONDS_EACH seconds): the events per
#    second captured and the drops at each rate; the sustained rate is the highest without drops;
# 2. a system-call storm, `dd if=/dev/zero of=/dev/null bs=1 count=BYTES` (two system calls per
#    byte, each an enter and an exit event, about 4 x BYTES events): its slowdown under capture.
# Needs root and BPF. Usage: [SCRATCH_PATH=dir] [BYTES=2000000] [SECONDS_EACH=3] [RATES="..."] Scripts/benchmark-live.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bytes=${BYTES:-2000000}
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" >/dev/null
ours=$scratch/release/swiftdig
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints the wall-clock seconds of a command.
seconds() {
    local s e
    s=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    e=$(date +%s.%N)
    echo "$e - $s" | bc
}

storm() { dd if=/dev/zero of=/dev/null bs=1 count="$bytes"; }

# Starts capturing to $work/live.scap (waiting until the driver runs); stop with stop_capture.
start_capture() {
    rm -f "$work/live.scap"
    "$ours" -w "$work/live.scap" -v 2>"$work/stats" &
    pid=$!
    while [ ! -e "$work/live.scap" ]; do sleep 0.05; done
    sleep 0.5
}
stop_capture() {
    kill -INT "$pid"
    wait "$pid"
    events=$(sed -n 's/^Driver Events:\([0-9]*\)/\1/p' "$work/stats")
    drops=$(sed -n 's/^Driver Drops:\([0-9]*\)/\1/p' "$work/stats")
}

seconds_each=${SECONDS_EACH:-3}
printf '%-12s %-12s %-12s %-10s %s\n' "asked ev/s" "reached ev/s" "captured" "drops" "drop %"
for rate in ${RATES:-250000 500000 1000000 1500000 2000000}; do
    start_capture
    reached=$(python3 Scripts/syscall-rate.py "$rate" "$seconds_each")
    stop_capture
    printf '%-12s %-12s %-12s %-10s %.4f\n' "$rate" "$reached" "$events" "$drops" \
        "$(echo "100 * $drops / ($events + $drops)" | bc -l)"
done
echo

bare=$(seconds storm)
# Capture everything to a file while the storm runs; -v reports the driver's counters at the end.
start_capture
captured=$(seconds storm)
stop_capture
size=$(du -h "$work/live.scap" | cut -f1)

printf 'storm: dd bs=1 count=%s (about %s events)\n' "$bytes" "$((bytes * 4))"
printf '%-34s %s s\n' "storm alone" "$bare"
printf '%-34s %s s (%.2fx)\n' "storm under capture (-w)" "$captured" "$(echo "$captured / $bare" | bc -l)"
printf '%-34s %s (file %s)\n' "driver events" "$events" "$size"
printf '%-34s %s (%.4f%%)\n' "driver drops" "$drops" "$(echo "100 * $drops / ($events + $drops)" | bc -l)"
printf '%-34s %.0f\n' "events per second during the storm" "$(echo "$bytes * 4 / $captured" | bc -l)"
