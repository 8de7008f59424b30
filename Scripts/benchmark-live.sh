#!/usr/bin/env bash
# Live capture, written to a file:
# 1. steady rates (Scripts/syscall-rate.py, getppid at a paced rate for SECONDS_EACH seconds): the events per
#    second captured and the drops at each rate; the sustained rate is the highest without drops;
# 2. a system-call storm, `dd if=/dev/zero of=/dev/null bs=1 count=BYTES` (two system calls per
#    byte, each an enter and an exit event, about 4 x BYTES events): its slowdown under capture.
#    ROUNDS pairs (dd alone, then under capture, in the same minute); prints each and the median.
# Needs root and BPF. Usage: [SCRATCH_PATH=dir] [BYTES=2000000] [SECONDS_EACH=3] [RATES="..." or none]
#                            [ROUNDS=1] [SWIFTDIG=path] Scripts/benchmark-live.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bytes=${BYTES:-2000000}
scratch=${SCRATCH_PATH:-.build}
if [ -n "${SWIFTDIG:-}" ]; then
    ours=$SWIFTDIG
else
    swift build -c release --scratch-path "$scratch" >/dev/null
    ours=$scratch/release/swiftdig
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

storm() { dd if=/dev/zero of=/dev/null bs=1 count="$bytes"; }

# Runs the storm; prints its wall-clock and cpu (user + system) seconds. The cpu time is what
# the driver adds to the traced task, whatever else the machine runs; the wall time also counts
# waiting for a cpu.
storm_times() {
    python3 -c '
import os, sys, time
start = time.monotonic()
pid = os.spawnv(os.P_NOWAIT, "/bin/dd", ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=" + sys.argv[1], "status=none"])
_, _, usage = os.wait4(pid, 0)
print("%.3f %.3f" % (time.monotonic() - start, usage.ru_utime + usage.ru_stime))
' "$bytes"
}

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
rates=${RATES:-250000 500000 1000000 1500000 2000000}
[ "$rates" = none ] && rates=
for rate in $rates; do
    start_capture
    reached=$(python3 Scripts/syscall-rate.py "$rate" "$seconds_each")
    stop_capture
    printf '%-12s %-12s %-12s %-10s %.4f\n' "$rate" "$reached" "$events" "$drops" \
        "$(echo "100 * $drops / ($events + $drops)" | bc -l)"
done
echo

printf 'storm: dd bs=1 count=%s (about %s events)\n' "$bytes" "$((bytes * 4))"
ratios=()
cpu_ratios=()
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for round in $(seq "${ROUNDS:-1}"); do
    read -r bare bare_cpu < <(storm_times)
    # Capture everything to a file while the storm runs; -v reports the driver's counters at the end.
    start_capture
    read -r captured captured_cpu < <(storm_times)
    stop_capture
    size=$(du -h "$work/live.scap" | cut -f1)
    ratio=$(echo "$captured / $bare" | bc -l)
    ratios+=("$ratio")
    cpu_ratios+=("$(echo "$captured_cpu / $bare_cpu" | bc -l)")
    printf 'round %s (load %s)\n' "$round" "$(cut -d' ' -f1 /proc/loadavg)"
    printf '  %-34s %s s, cpu %s s\n' "storm alone" "$bare" "$bare_cpu"
    printf '  %-34s %s s (%.2fx), cpu %s s (%.2fx)\n' "storm under capture (-w)" "$captured" "$ratio" \
        "$captured_cpu" "${cpu_ratios[-1]}"
    printf '  %-34s %s (file %s)\n' "driver events" "$events" "$size"
    printf '  %-34s %s (%.4f%%)\n' "driver drops" "$drops" "$(echo "100 * $drops / ($events + $drops)" | bc -l)"
    printf '  %-34s %.0f\n' "events per second during the storm" "$(echo "$bytes * 4 / $captured" | bc -l)"
done
printf 'median slowdown of %s rounds: %.2fx wall clock, %.2fx dd cpu\n' "${#ratios[@]}" \
    "$(printf '%s\n' "${ratios[@]}" | median)" "$(printf '%s\n' "${cpu_ratios[@]}" | median)"
