#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Run a mergeable swiftdig chisel over many captures on a Dask cluster, then merge.

One Dask task per capture runs, on some worker,

    swiftdig -r FILE [-j] [-pc] -c CHISEL [ARGS] --partial-out PART [FILTER]

and hands back the partial result (its bytes, or its path when --partials-dir names shared
storage). The client then runs `swiftdig merge` over the partials in the order the captures were
given, which prints what one run over all of them prints (docs/batch.md, "On a cluster").

    # two local worker processes on loopback (tests, one big machine)
    Scripts/dask-batch.py --local 2 -c topscalls /data/*.scap
    # a running cluster, captures on storage every worker mounts at the same path
    Scripts/dask-batch.py --scheduler tcp://10.0.0.5:8786 --partials-dir /shared/parts \
        -c fdbytes_by --chisel-args fd.name /shared/captures/*.scap.gz

A capture whose task fails is listed on standard error at the end and the exit status is 1; the
others are still merged. Needs `dask[distributed]` (PyPI) on the client and the workers, and
swiftdig (with its chisels) on every worker.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import uuid


def run_partial(swiftdig, capture, chisel, chisel_args, filt, options, partials_dir):
    """The task: one capture through the chisel, its partial as bytes or as a path in partials_dir.

    Returns (capture, ok, bytes-or-path-or-error). Runs on a worker: everything it needs comes in
    its arguments, and it imports only the standard library."""
    import os, subprocess, tempfile, uuid  # noqa: E401 (a worker imports on its own)

    if partials_dir:
        out = os.path.join(partials_dir, "%s.part" % uuid.uuid4().hex)
    else:
        fd, out = tempfile.mkstemp(suffix=".part")
        os.close(fd)
    command = [swiftdig, "-r", capture] + list(options) + ["-c", chisel]
    if chisel_args:
        command.append(chisel_args)
    command += ["--partial-out", out]
    if filt:
        command.append(filt)
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        if os.path.exists(out):
            os.unlink(out)
        message = done.stderr.decode("utf-8", "replace").strip() or "exit status %d" % done.returncode
        return capture, False, message
    if partials_dir:
        return capture, True, out
    with open(out, "rb") as f:
        data = f.read()
    os.unlink(out)
    return capture, True, data


def parse_arguments(argv):
    p = argparse.ArgumentParser(
        description="Run a mergeable swiftdig chisel over captures on a Dask cluster and merge the partial results.")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://HOST:8786)")
    where.add_argument("--local", type=int, metavar="N", default=2,
                       help="without --scheduler: start a LocalCluster of N single-threaded worker processes on 127.0.0.1 (default 2)")
    p.add_argument("--swiftdig", default=os.environ.get("SWIFTDIG", "swiftdig"),
                   help="the swiftdig executable on the workers and here (default: $SWIFTDIG, else swiftdig on PATH)")
    p.add_argument("-c", "--chisel", required=True, help="the chisel (it must be mergeable)")
    p.add_argument("--chisel-args", default="", help="the chisel's arguments, one word as after -c NAME")
    p.add_argument("--filter", default="", help="a filter, as swiftdig takes it after its options")
    p.add_argument("-j", "--json", action="store_true", help="print the chisel's JSON form (swiftdig -j)")
    p.add_argument("--pc", action="store_true", help="container columns (swiftdig -pc)")
    p.add_argument("--partials-dir",
                   help="shared storage every worker and this client see at the same path: partials are written there "
                        "instead of coming back through the scheduler")
    p.add_argument("--partial-out", metavar="PART", help="write the merged partial result instead of printing")
    p.add_argument("captures", nargs="+", help="capture files, as the workers see them")
    return p.parse_args(argv)


def main(argv):
    args = parse_arguments(argv)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        sys.stderr.write("dask-batch: dask.distributed is not installed: pip install 'dask[distributed]'\n")
        return 2

    options = (["-j"] if args.json else []) + (["-pc"] if args.pc else [])
    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        # Processes, not threads: each task is a child process anyway, and this is what a real
        # cluster looks like. No dashboard: it needs a free port and bokeh.
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    work = tempfile.mkdtemp(prefix="dask-batch-")
    try:
        # One task per capture; pure=False: the same capture twice is two runs.
        futures = [client.submit(run_partial, args.swiftdig, capture, args.chisel, args.chisel_args, args.filter,
                                 options, args.partials_dir, pure=False)
                   for capture in args.captures]
        results = client.gather(futures)
        parts, failures = [], []
        for i, (capture, ok, value) in enumerate(results):
            if not ok:
                failures.append((capture, value))
            elif args.partials_dir:
                parts.append(value)
            else:
                path = os.path.join(work, "%06d.part" % i)
                with open(path, "wb") as f:
                    f.write(value)
                parts.append(path)
        status = 0
        if parts:
            merge = [args.swiftdig, "merge"] + (["-j"] if args.json else [])
            if args.partial_out:
                merge += ["--partial-out", args.partial_out]
            sys.stdout.flush()
            status = subprocess.run(merge + parts).returncode
        if args.partials_dir:
            for path in parts:
                os.unlink(path)
        for capture, message in failures:
            sys.stderr.write("dask-batch: %s: %s\n" % (capture, message))
        if failures:
            sys.stderr.write("dask-batch: %d of %d captures failed\n" % (len(failures), len(args.captures)))
            return 1
        return status
    finally:
        shutil.rmtree(work, ignore_errors=True)
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
