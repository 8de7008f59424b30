#!/usr/bin/env bash
# Live capture under a system-call storm: how many events per second swiftdig captures and writes
# to a file, how many it drops, and how much the storm slows down under capture.
# Needs root and BPF. Usage: [SCRATCH_PATH=dir] [BYTES=2000000] Scripts/benchmark-live.sh
#
# The storm is `dd if=/dev/zero of=/dev/null bs=1 count=BYTES`: two system calls per byte (read
# and write), each an enter and an exit event, so about 4 x BYTES events.
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

bare=$(seconds storm)
# Capture everything to a file while the storm runs; -v reports the driver's counters at the end.
"$ours" -w "$work/live.scap" -v 2>"$work/stats" &
pid=$!
while [ ! -e "$work/live.scap" ]; do sleep 0.05; done
sleep 0.5
captured=$(seconds storm)
kill -INT "$pid"
wait "$pid"
events=$(sed -n 's/^Driver Events:\([0-9]*\)/\1/p' "$work/stats")
drops=$(sed -n 's/^Driver Drops:\([0-9]*\)/\1/p' "$work/stats")
size=$(du -h "$work/live.scap" | cut -f1)

printf 'storm: dd bs=1 count=%s (about %s events)\n' "$bytes" "$((bytes * 4))"
printf '%-34s %s s\n' "storm alone" "$bare"
printf '%-34s %s s (%.2fx)\n' "storm under capture (-w)" "$captured" "$(echo "$captured / $bare" | bc -l)"
printf '%-34s %s (file %s)\n' "driver events" "$events" "$size"
printf '%-34s %s (%.4f%%)\n' "driver drops" "$drops" "$(echo "100 * $drops / ($events + $drops)" | bc -l)"
printf '%-34s %.0f\n' "events per second during the storm" "$(echo "$bytes * 4 / $captured" | bc -l)"
