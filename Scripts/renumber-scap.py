#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Builds a longer capture out of a short one for the memory benchmark: the event blocks of SRC
# written COPIES times, each copy later in time and with the threads born in the capture (children
# of a clone, fork or vfork) renumbered, so each copy's short-lived processes are new ones. Threads
# born in SRC that do not exit in it (other processes' threads caught mid-life) are only in the
# first copy: copied, they would be new threads that never exit.
# usage: renumber-scap.py SRC DST COPIES
import gzip, struct, sys

PID_MAX = 1 << 22                               # the kernel's largest pid_max: copies never collide
EVENT_BLOCKS = {0x204: (False, 2), 0x208: (True, 2), 0x216: (False, 2), 0x217: (True, 2),
                0x221: (False, 4), 0x222: (True, 4)}   # block type: (has flags, bytes per param length)
V2 = {0x216, 0x217, 0x221, 0x222}               # event headers with a parameter count
CLONES = {223, 225, 227, 335}                   # clone, fork, vfork, clone3 exits (res = child tid)
PROCESS_EXITS = CLONES | {293, 331}             # + execve, execveat exits: tid, pid, ptid params
PROCEXITS = {16, 186}                           # procexit events
PID_PARAMS = {3, 4, 5}                          # tid, pid, ptid
CLONE_PID_PARAMS = {0, 3, 4, 5, 18, 19}         # + res, vtid, vpid

def blocks(data):
    off = 0
    while off + 8 <= len(data):
        btype, blen = struct.unpack_from('<II', data, off)
        yield btype, data[off:off + blen]
        off += blen

def layout(btype, blk):
    """(offset of the event header, parameter lengths, offset of the first parameter)"""
    flags, width = EVENT_BLOCKS[btype]
    h = 8 + 2 + (4 if flags else 0)
    etype = struct.unpack_from('<H', blk, h + 20)[0]
    if btype in V2:
        n = struct.unpack_from('<I', blk, h + 22)[0]
        p = h + 26
    else:
        n = 20 if etype in PROCESS_EXITS else 0
        p = h + 22
    fmt = '<%d%s' % (n, 'H' if width == 2 else 'I')
    lens = struct.unpack_from(fmt, blk, p)
    return h, etype, lens, p + n * width

def main():
    src, dst, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = open(src, 'rb').read()
    if data[:2] == b'\x1f\x8b':
        data = gzip.decompress(data)
    head, events = [], []
    for btype, blk in blocks(data):
        if btype in EVENT_BLOCKS:
            events.append((btype, blk))
        elif not events:
            head.append(blk)
    born, exited = set(), set()
    for btype, blk in events:
        h, etype, lens, p = layout(btype, blk)
        if etype in PROCEXITS:
            exited.add(struct.unpack_from('<q', blk, h + 8)[0])
        if etype in CLONES and len(lens) > 3:
            res = struct.unpack_from('<q', blk, p)[0]
            tid = struct.unpack_from('<q', blk, p + sum(lens[:3]))[0]
            if res > 0: born.add(res)
            elif res == 0: born.add(tid)
    lasting = born - exited
    born &= exited
    stamps = [struct.unpack_from('<Q', blk, layout(bt, blk)[0])[0] for bt, blk in events]
    stamps = [t for t in stamps if t]
    span = max(stamps) - min(stamps) + 1000
    written = 0
    with open(dst, 'wb') as out:
        for blk in head:
            out.write(blk)
        for k in range(copies):
            shift = k * PID_MAX
            def moved(v):
                return v + shift if v in born else v
            for btype, blk in events:
                h, etype, lens, p = layout(btype, blk)
                b = bytearray(blk)
                ts, tid = struct.unpack_from('<Qq', b, h)
                if k > 0 and (ts == 0 or tid in lasting):
                    continue
                if k > 0 and etype in CLONES and len(lens) > 3 and struct.unpack_from('<q', b, p)[0] in lasting:
                    continue
                struct.pack_into('<Qq', b, h, ts + k * span if ts else 0, moved(tid))
                if k > 0 and etype in PROCESS_EXITS:
                    which = CLONE_PID_PARAMS if etype in CLONES else PID_PARAMS
                    at = p
                    for i, n in enumerate(lens):
                        if i in which and n == 8:
                            struct.pack_into('<q', b, at, moved(struct.unpack_from('<q', b, at)[0]))
                        at += n
                out.write(b)
                written += 1
    print(written, 'events,', len(born), 'threads born and exited per copy,',
          len(lasting), 'born and lasting (first copy only)')

main()
