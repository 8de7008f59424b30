#!/usr/bin/env bash
# Installs what swiftdig needs, builds it, and prints the first events of the bundled sample capture.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
for pkg in zlib1g-dev libbpf-dev libelf-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
swift build -c release
# A capture swiftdig itself made live (Scripts/make-sample.sh): a web server and its client on
# loopback, some file I/O, a fork and exec.
sample=Tests/Fixtures/sample.scap.gz
# head stops reading after 40 lines and swiftdig ends on SIGPIPE: the status is head's.
set +o pipefail
TZ=UTC .build/release/swiftdig -r "$sample" | head -n 40
