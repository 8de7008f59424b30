#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the test suite with a sanitizer and runs it (or the tests FILTER selects).
#
#   Scripts/sanitize.sh [address|thread|both] [FILTER]
#
# Not in CI: each sanitizer compiles everything once more (.build-sanitize-address,
# .build-sanitize-thread) and the runs are several times slower, too slow for a 2-core CI machine.
# See docs/reliability.md for what ran and what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-both}
filter=${2:-}
sanitizers=(address thread)
[ "$which" = both ] || sanitizers=("$which")
export TZ=UTC
# The leak checker reports the runtime's caches that live as long as the process: not leaks of ours.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
# The runner's tests give swiftdig 30 s per run; instrumented, on a busy machine, it needs more.
export SWIFTDIG_TEST_TIMEOUT=${SWIFTDIG_TEST_TIMEOUT:-600}
status=0
for sanitizer in "${sanitizers[@]}"; do
    scratch=.build-sanitize-$sanitizer
    echo "building the tests with the $sanitizer sanitizer in $scratch"
    swift build --scratch-path "$scratch" --build-tests --sanitize="$sanitizer"
    echo "running the tests${filter:+ matching $filter} with the $sanitizer sanitizer"
    if ! swift test --scratch-path "$scratch" --skip-build --sanitize="$sanitizer" ${filter:+--filter "$filter"}; then
        echo "sanitize.sh: the $sanitizer sanitizer run failed" >&2
        status=1
    fi
done
exit $status
