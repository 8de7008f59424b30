#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the libFuzzer targets of Fuzz/ (with the address sanitizer) and runs each for a set number
# of executions from a seed corpus made from the project's own sample capture and tests.
#
#   Scripts/fuzz.sh [EXECUTIONS] [TARGET...]     (default: 1000000 executions, every target)
#   FUZZ_SECONDS=N Scripts/fuzz.sh ...            (stop each target after N seconds at most)
#
# Not part of the package build or CI: the core's sources are compiled once more, instrumented,
# into .build-fuzz-lf/ (FUZZ_DIR to change it). A finding stops the script with a non-zero status;
# the input that crashed is in .build-fuzz-lf/findings/. The corpus each target grew is kept in
# .build-fuzz-lf/corpus/ and used again by the next run. See docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
executions=${1:-1000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(capture block event filter format partials)
out=${FUZZ_DIR:-$root/.build-fuzz-lf}
swiftc=${SWIFTC:-swiftc}
export TZ=UTC
mkdir -p "$out/lib" "$out/bin" "$out/findings" "$out/logs" "$out/corpus"

flags=(-sanitize=fuzzer,address -O -enforce-exclusivity=unchecked -parse-as-library -I "$root/Core/Sources/CZlib")
# ld.gold warns about every sanitizer helper symbol; the warnings say nothing about our code.
quiet_link() { grep -v "Cannot export local symbol" || true; }

# The core and the chisel protocol library, instrumented, as static libraries (each rebuilt when one
# of its sources is newer).
build_library() {
    local name=$1 library=$out/lib/lib$1.a
    if [ ! -f "$library" ] || [ -n "$(find "Core/Sources/$name" -name '*.swift' -newer "$library" | head -1)" ]; then
        echo "building the instrumented $name (a few minutes)"
        "$swiftc" "${flags[@]}" -emit-library -static -emit-module -module-name "$name" -enable-testing -wmo \
            -num-threads 2 $(find "Core/Sources/$name" -name '*.swift' | sort) -o "$library" \
            -emit-module-path "$out/lib/$name.swiftmodule" 2>&1 | quiet_link
        [ -f "$library" ] || { echo "fuzz.sh: $name did not build" >&2; exit 1; }
    fi
}
build_library SwiftdigCore
build_library SwiftdigChisel
library=$out/lib/libSwiftdigCore.a

# The seeds are made again when their recipe or the sample changed (several runs of this script,
# one target each, can share the folder once it is made).
if [ ! -f "$out/seeds/replay.scap" ] || [ Fuzz/make-seeds.py -nt "$out/seeds/replay.scap" ] \
    || [ Tests/Fixtures/sample.scap.gz -nt "$out/seeds/replay.scap" ]; then
    echo "making the seed corpus"
    rm -rf "$out/seeds"
    python3 Fuzz/make-seeds.py "$root" "$out/seeds"
fi
export SWIFTDIG_FUZZ_REPLAY=$out/seeds/replay.scap

max_len() {
    case $1 in
        capture) echo 16384 ;;
        partials) echo 4096 ;;
        block) echo 20480 ;;
        event) echo 8192 ;;
        *) echo 1024 ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    binary=$out/bin/$target
    if [ ! -x "$binary" ] || [ -n "$(find Fuzz Sources/ChiselHost/Partials "$out/lib" -newer "$binary" | head -1)" ]; then
        echo "building target $target"
        # The partial-result reader lives in ChiselHost: its file is compiled into the target.
        extra=()
        [ "$target" != partials ] || extra=(Sources/ChiselHost/Partials/PartialResult.swift)
        "$swiftc" "${flags[@]}" -I "$out/lib" Fuzz/Support/*.swift "Fuzz/Targets/$target.swift" "${extra[@]}" \
            -L "$out/lib" -lSwiftdigCore -lSwiftdigChisel -lz -o "$binary" 2>&1 | quiet_link
        [ -x "$binary" ] || { echo "fuzz.sh: target $target did not build" >&2; exit 1; }
    fi
    mkdir -p "$out/corpus/$target"
    log=$out/logs/$target.log
    echo "running $target for $executions executions (log: $log)"
    start=$(date +%s)
    set +e
    # FUZZ_SECONDS caps each target's time (libFuzzer's -max_total_time; 0: no cap).
    ASAN_OPTIONS=detect_leaks=0 "$binary" -runs="$executions" -max_total_time="${FUZZ_SECONDS:-0}" -max_len="$(max_len "$target")" -timeout=10 \
        -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$out/findings/$target-" \
        "$out/corpus/$target" "$out/seeds/$target" > "$log" 2>&1
    code=$?
    set -e
    seconds=$(( $(date +%s) - start ))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    peak=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
    if [ $code -eq 0 ]; then
        echo "$target: ${runs:-?} executions in ${seconds}s, peak RSS ${peak:-?} MB, no finding"
    else
        echo "$target: FINDING after ${runs:-?} executions (exit $code), see $log and $out/findings/" >&2
        grep -m5 -E "ERROR|Fatal error|SUMMARY|Test unit written" "$log" >&2 || true
        status=1
    fi
done
exit $status
