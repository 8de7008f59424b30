#!/usr/bin/env bash
# Makes the bundled sample capture (Tests/Fixtures/sample.scap.gz) with swiftdig's own live capture:
# a small web server and a client on loopback, a few file reads and writes, a fork and exec, and a
# failed open, all run by a script named sample.sh, whose events the capture filter keeps.
# Needs root and BPF. Usage: Scripts/make-sample.sh [swiftdig executable] [output]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-.build/debug/swiftdig}
out=${2:-Tests/Fixtures/sample.scap.gz}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python=$(PATH=/usr/bin:/bin command -v python3)
cp "$python" "$work/webserver"
cp "$python" "$work/webclient"
mkdir "$work/site"
echo "<html><body>hello from swiftdig</body></html>" > "$work/site/index.html"
cat > "$work/sample.sh" <<SCRIPT
#!/bin/sh
cd "$work/site"
"$work/webserver" -m http.server 18080 --bind 127.0.0.1 >/dev/null 2>&1 &
server=\$!
sleep 0.5
"$work/webclient" -c 'import urllib.request; print(urllib.request.urlopen("http://127.0.0.1:18080/index.html").read().decode())'
cat /etc/hostname > "$work/copy.txt"
ls "$work" > /dev/null
cat /nonexistent/file 2>/dev/null || true
kill \$server
wait \$server 2>/dev/null || true
SCRIPT
chmod +x "$work/sample.sh"
rm -f "$out"
"$exe" -w "$out" -z -s 256 "proc.name=sample.sh or proc.aname=sample.sh" &
capture=$!
while [ ! -e "$out" ]; do sleep 0.05; done
sleep 1
"$work/sample.sh"
sleep 0.5
kill -INT "$capture"
wait "$capture"
ls -l "$out"
