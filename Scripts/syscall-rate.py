#!/usr/bin/env python3
"""Makes system calls at a steady rate, for the live-capture benchmark.

Usage: syscall-rate.py EVENTS_PER_SECOND SECONDS
Each getppid() call is two events (enter and exit). Calls go in bursts of 500, paced against the
clock; prints the rate reached (events per second) on standard output.
"""
import os
import sys
import time

rate = float(sys.argv[1])
seconds = float(sys.argv[2])
calls_per_second = rate / 2
burst = 500
start = time.monotonic()
done = 0
getppid = os.getppid
while True:
    now = time.monotonic() - start
    if now >= seconds:
        break
    due = int(now * calls_per_second)
    if done >= due:
        time.sleep(min(0.0005, (done - due + burst) / calls_per_second))
        continue
    for _ in range(burst):
        getppid()
    done += burst
elapsed = time.monotonic() - start
print(int(done * 2 / elapsed))
