#!/usr/bin/env bash
# Encoder throughput: builds SwiftdigCapture in release and runs Scripts/encoder-benchmark.swift
# against it (driver records turned into scap events per second, in memory, one thread).
# Usage: [SCRATCH_PATH=dir] Scripts/encoder-benchmark.sh [rounds]   (13 records per round)
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build}
swift build -c release --scratch-path "$scratch" --target SwiftdigCapture >/dev/null
r=$scratch/release
out=$(mktemp -d)/encoder-benchmark
swiftc -O Scripts/encoder-benchmark.swift -I "$r/Modules" \
    -Xcc -fmodule-map-file="$r/SwiftdigDriverABI.build/module.modulemap" \
    -Xcc -fmodule-map-file=Core/Sources/CZlib/module.modulemap \
    "$r"/SwiftdigCapture.build/*.o "$r"/SwiftdigDriverABI.build/abi/*.o \
    -L "$r" -lSwiftdigCore -Xlinker -rpath -Xlinker "$PWD/$r" -o "$out"
"$out" "${1:-500000}"
