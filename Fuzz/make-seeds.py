#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Makes the fuzz targets' seed corpora from the project's own sample capture and tests.

usage: make-seeds.py PACKAGE_ROOT OUT_DIR

OUT_DIR gets one folder per target (capture, block, event, filter, format) and replay.scap, the
small capture the filter and format targets run over. Nothing here is committed: it is made anew
from Tests/Fixtures/sample.scap.gz each run.
"""
import gzip
import os
import re
import struct
import sys

root, out = sys.argv[1], sys.argv[2]
sample = gzip.open(os.path.join(root, "Tests/Fixtures/sample.scap.gz")).read()

# The blocks of the sample: (type, bytes).
blocks = []
offset = 0
while offset < len(sample):
    kind, length = struct.unpack_from("<II", sample, offset)
    blocks.append((kind, sample[offset:offset + length]))
    offset += length
EVENT_TYPES = {0x204, 0x8010ABCD, 0x208, 0x216, 0x217, 0x221, 0x222}
header = blocks[0][1]
state = [b for k, b in blocks[1:] if k not in EVENT_TYPES]
machine = [b for k, b in blocks[1:] if k == 0x201]
events = [(k, b) for k, b in blocks if k in EVENT_TYPES]


def event_code(block):
    """The event code of an event block (after the cpu, and the flags of an EVF block)."""
    return struct.unpack_from("<H", block, event_start(block) + 20)[0]


def event_start(block):
    """Where the event starts in an event block: after the block header, the cpu and (EVF) the flags."""
    return 14 if block[0:4] == struct.pack("<I", 0x217) else 10


def write(folder, name, data):
    os.makedirs(os.path.join(out, folder), exist_ok=True)
    with open(os.path.join(out, folder, name), "wb") as f:
        f.write(data)


# One event block of each code, in order of first appearance, then the events around them.
firsts, seen = [], set()
for index, (_, block) in enumerate(events):
    code = event_code(block)
    if code not in seen:
        seen.add(code)
        firsts.append(index)

# replay.scap: the state blocks and an event of each code with the 3 events before it (so that
# exits meet their enters and fds were opened), at most 400 events.
os.makedirs(out, exist_ok=True)
chosen = sorted({i for f in firsts for i in range(max(0, f - 3), f + 1)})[:400]
with open(os.path.join(out, "replay.scap"), "wb") as f:
    f.write(header + b"".join(state) + b"".join(events[i][1] for i in chosen))

# capture: the start of the sample with its state, and slices of events after a machine block.
write("capture", "head", header + b"".join(state) + b"".join(b for _, b in events[:40]))
write("capture", "head.gz", gzip.compress(header + b"".join(state) + b"".join(b for _, b in events[:10])))
for start in range(0, len(events), len(events) // 12):
    write("capture", "slice-%d" % start, header + b"".join(machine) + b"".join(b for _, b in events[start:start + 40]))
for f in firsts[::4]:
    write("capture", "around-%d" % f, header + b"".join(machine) + b"".join(b for _, b in events[max(0, f - 5):f + 5]))

# block: a selector (the index in Fuzz/Targets/block.swift's list) and the body of a block.
SELECTORS = [0x0A0D0D0A, 0x201, 0x8002ABCD, 0x203, 0x8001ABCD, 0x218, 0x205, 0x8011ABCD, 0x219, 0x206,
             0x8012ABCD, 0x220, 0x202, 0x8000ABCD, 0x207, 0x8013ABCD, 0x209, 0x8014ABCD, 0x210, 0x211, 0x212,
             0x213, 0x214, 0x215, 0x204, 0x8010ABCD, 0x208, 0x216, 0x217, 0x221, 0x222, 0x7777]
kinds_done = {}
for kind, block in blocks:
    if kinds_done.get(kind, 0) >= 6:
        continue
    kinds_done[kind] = kinds_done.get(kind, 0) + 1
    write("block", "%x-%d" % (kind, kinds_done[kind]), struct.pack("<H", SELECTORS.index(kind)) + block[8:-4])
for f in firsts:
    kind, block = events[f]
    write("block", "event-%d" % event_code(block), struct.pack("<H", SELECTORS.index(kind)) + block[8:-4])


# event: chunks | u16 size | tid u8 | type u16 | nparams u8 | lengths and values |.
def chunk(block, tid):
    body = block[event_start(block):-4]
    length, code, nparams = struct.unpack_from("<IHI", body, 16)
    data = bytes([tid]) + struct.pack("<HB", code, min(nparams, 255)) + body[26:length]
    return struct.pack("<H", len(data)) + data


for f in firsts:
    write("event", "code-%d" % event_code(events[f][1]),
          b"".join(chunk(events[i][1], n % 4) for n, i in enumerate(range(max(0, f - 3), f + 1))))
write("event", "first-60", b"".join(chunk(b, n % 4) for n, (_, b) in enumerate(events[:60])))

# filter and format: the string literals of the tests that look like filters or formats.
FILTER = re.compile(r"^(not |\(|[a-z]+\.[a-zA-Z_.\[\]0-9]+ *(=|!=|<|>|contains|icontains|in |exists|startswith|"
                    r"endswith|glob|pmatch|bcontains|bstartswith|intersects))")
LITERAL = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
filters, formats = set(), set()
for folder, _, files in os.walk(os.path.join(root, "Tests")):
    for name in files:
        if not name.endswith(".swift"):
            continue
        for text in LITERAL.findall(open(os.path.join(folder, name), encoding="utf-8").read()):
            if "\\(" in text:
                continue
            text = text.replace('\\"', '"').replace("\\\\", "\\")
            if "%" in text and re.search(r"%[a-z*]", text):
                formats.add(text)
            elif FILTER.match(text):
                filters.add(text)
for index, text in enumerate(sorted(filters)):
    write("filter", "%04d" % index, text.encode())
for index, text in enumerate(sorted(formats)):
    write("format", "%04d" % index, text.encode())
print("seeds: %d events in replay.scap, %s" % (len(chosen), ", ".join(
    "%s %d" % (t, len(os.listdir(os.path.join(out, t)))) for t in ("capture", "block", "event", "filter", "format"))))


# partials: the body of a partial result (between its version and its checksum), as
# Sources/ChiselHost/Partials/PartialResult.swift writes it: varints, strings after their length.
def varint(value):
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    return bytes(out + bytes([value]))


def string(text):
    data = text.encode()
    return varint(len(data)) + data


def partial(chisel, arguments, rows, inputs):
    body = varint(0x10006) + string(chisel) + varint(len(arguments)) + b"".join(string(a) for a in arguments)
    body += string(chisel) + varint(len(arguments)) + b"".join(string(a) for a in arguments) + b"\x00\x00"
    body += varint(len(inputs)) + b"".join(
        string(name) + string(filt) + varint(n) + varint(n) + varint(10**18) + varint(10**18 + 5) for name, filt, n in inputs)
    payload = varint(len(rows)) + b"".join(string(k) + struct.pack("<d", v) for k, v in rows)
    return body + varint(len(payload)) + payload


write("partials", "topprocs", partial("topprocs_cpu", [], [("curl", 12.5), ("bash", 3.0)], [("a.scap", "", 100)]))
write("partials", "topfiles", partial("topfiles_bytes", ["10"], [("/etc/passwd", 4096.0)], [("a.scap", "proc.name=cat", 7), ("b.scap", "", 9)]))
write("partials", "empty", partial("echo_fds", [], [], []))
