#!/usr/bin/env bash
# Peak memory of `swiftdig -r` over a capture of many short-lived processes, at length L and 10 x L:
# the thread and fd tables drop what exited (as sysdig's do), so the two peaks should be within 10%.
#
# The base capture is a live capture of Scripts/process-storm.c (PROCESSES children, each with two
# threads, an open and a close; every tenth execs /bin/true), taken with swiftdig's own driver
# (root and BPF), or BASE_CAPTURE when given. Scripts/renumber-scap.py makes the long captures: the
# base's events COPIES and 10 x COPIES times, each copy's new threads renumbered, so each copy's
# processes are new ones that are born and exit. sysdig 0.29.3 is measured on the same files.
# Usage: [SCRATCH_PATH=dir] [BASE_CAPTURE=file] [PROCESSES=2000] [COPIES=1] Scripts/benchmark-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
processes=${PROCESSES:-2000}
copies=${COPIES:-1}
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --product swiftdig >/dev/null
ours=$scratch/release/swiftdig
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC

base=${BASE_CAPTURE:-}
if [ -z "$base" ]; then
    cc -O2 -pthread -o "$work/process-storm" Scripts/process-storm.c
    base=$work/base.scap
    # Only the storm's events, plus what changes the state (swiftdig writes fat files).
    "$ours" -w "$base" "proc.name=process-storm or proc.name=true" 2>"$work/live.err" &
    capture=$!
    while [ ! -e "$base" ]; do sleep 0.05; done
    sleep 1
    "$work/process-storm" "$processes" 2
    sleep 1
    kill -INT "$capture"
    wait "$capture" || { cat "$work/live.err" >&2; exit 1; }
fi

short=$work/short.scap
long=$work/long.scap
python3 Scripts/renumber-scap.py "$base" "$short" "$copies"
python3 Scripts/renumber-scap.py "$base" "$long" $((copies * 10))

# Prints the peak resident set of a command, in KiB.
peak() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p'
}

threads=$("$ours" -r "$short" -q -S | awk '$2 == "procexit" {print $3}')
printf '%-10s %12s %12s %14s %14s\n' capture events procexit "swiftdig KiB" "sysdig KiB"
for f in "$short" "$long"; do
    events=$("$ours" -r "$f" -q -S | awk 'NR>3 {n+=$NF} END {print n}')
    exits=$("$ours" -r "$f" -q -S | awk '$2 == "procexit" {print $3}')
    ours_kib=$(peak "$ours" -r "$f" -q)
    sysdig_kib=$(peak sysdig -r "$f" -q)
    printf '%-10s %12s %12s %14s %14s\n' "$(basename "$f" .scap)" "$events" "$exits" "$ours_kib" "$sysdig_kib"
    eval "kib_$(basename "$f" .scap)=$ours_kib"
done
# Also a full text run (the default format): the output path must not grow either.
text_short=$(peak "$ours" -r "$short")
text_long=$(peak "$ours" -r "$long")
printf '%-10s %12s %12s %14s\n' "text short" "" "" "$text_short"
printf '%-10s %12s %12s %14s\n' "text long" "" "" "$text_long"
ratio=$(echo "scale=3; $kib_long / $kib_short" | bc)
echo "long/short peak (-q): $ratio (threads exiting per copy: $threads)"
if [ "$(echo "$ratio > 1.10" | bc)" = 1 ]; then
    echo "FAIL: peak memory grew by more than 10%" >&2
    exit 1
fi
