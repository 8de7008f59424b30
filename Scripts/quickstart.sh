#!/usr/bin/env bash
# Installs what swiftdig needs, builds it, and prints the first events of a sample capture.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
if ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends zlib1g-dev >/dev/null
fi
swift build -c release
sample=../shared/captures/curl_google.scap
if [ ! -f "$sample" ]; then
    echo "swiftdig is built (.build/release/swiftdig); no sample capture at $sample" >&2
    exit 0
fi
# head stops reading after 40 lines and swiftdig ends on SIGPIPE: the status is head's.
set +o pipefail
TZ=UTC .build/release/swiftdig -r "$sample" | head -n 40
