#!/usr/bin/env python3
"""Two builds of recoscope-cli on the same run: are the results the same, and which is faster?

    scripts/compare-builds.py [-n PAIRS] [--side-by-side] OLD_CLI NEW_CLI -- RUN_ARGS...

Runs `OLD_CLI run RUN_ARGS --json` and `NEW_CLI run RUN_ARGS --json` PAIRS times (default
7), in turn (old, new, old, new, ...) or, with --side-by-side, both at once (one per core:
a slowdown of the machine then hits both alike). Prints each pair's events per second and
the ratio new / old, then the median ratio with its range. Before any ratio, every pair's
two summaries must be the same field for field except the machine's measurements
(events_per_sec, wall_s, setup_s, peak_rss_mb, every latency_us figure): a speed-up that
changes a result is not one.

Why pairs and a median: the 2-vCPU guests this project is measured on swing by +-30 % from
one run to the next, so a single before/after pair means nothing (docs/performance.md,
"How to compare two builds").

Exit status: 0 same results (ratios printed), 1 results differ (the fields are named),
2 bad arguments or a run that failed (its command and error output are printed).
"""

import argparse
import json
import statistics
import subprocess
import sys

# The summary's measurements of the machine rather than results of the run (wall-clock times
# and the process's peak memory): they differ between any two runs of the same binary.
WALL_CLOCK = ("/events_per_sec", "/wall_s", "/setup_s", "/peak_rss_mb")


def flatten(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from flatten(item, f"{path}/{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from flatten(item, f"{path}/{index}")
    else:
        yield path, value


def wall_clock(path):
    return path in WALL_CLOCK or "latency_us" in path.split("/")


def differing_fields(old, new):
    a, b = dict(flatten(old)), dict(flatten(new))
    return sorted(k for k in set(a) | set(b) if not wall_clock(k) and a.get(k) != b.get(k))


def fail(message):
    sys.stderr.write(f"compare-builds: {message}\n")
    sys.exit(2)


def start(cli, args):
    command = [cli, "run", *args]
    try:
        return command, subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    except OSError as error:
        fail(f"cannot start {cli}: {error.strerror}")


def finish(command, process):
    out, err = process.communicate()
    if process.returncode != 0:
        fail(f"`{' '.join(command)}` exited {process.returncode}:\n{err.rstrip()}")
    try:
        return json.loads(out)
    except json.JSONDecodeError as error:
        fail(f"`{' '.join(command)}` printed no JSON summary ({error})")


def main():
    parser = argparse.ArgumentParser(
        description="Same results and relative speed of two recoscope-cli builds.",
        usage="%(prog)s [-n PAIRS] [--side-by-side] OLD_CLI NEW_CLI -- RUN_ARGS...",
    )
    parser.add_argument("-n", "--pairs", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument(
        "--side-by-side", action="store_true", help="run each pair at once, one per core"
    )
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("run_args", nargs=argparse.REMAINDER)
    options = parser.parse_args()
    args = options.run_args[1:] if options.run_args[:1] == ["--"] else options.run_args
    if options.pairs < 1 or options.pairs > 1000:
        parser.error(f"-n {options.pairs}: give 1 to 1000 pairs")
    if not args:
        parser.error("no run arguments after --, e.g. -- --scenario default --recommender random")
    if "--json" not in args:
        args = [*args, "--json"]

    ratios = []
    print(f"{'pair':>4} {'old events/s':>14} {'new events/s':>14} {'new/old':>8}")
    for pair in range(1, options.pairs + 1):
        if options.side_by_side:
            runs = [start(options.old, args), start(options.new, args)]
            old, new = (finish(*run) for run in runs)
        else:
            old = finish(*start(options.old, args))
            new = finish(*start(options.new, args))
        fields = differing_fields(old, new)
        if fields:
            first = ", ".join(fields[:10])
            print(f"results differ in pair {pair}: {len(fields)} fields, first: {first}")
            return 1
        ratio = new["events_per_sec"] / old["events_per_sec"]
        ratios.append(ratio)
        before, after = old["events_per_sec"], new["events_per_sec"]
        print(f"{pair:>4} {before:>14.0f} {after:>14.0f} {ratio:>8.3f}")
    print(
        f"results the same in all {len(ratios)} pairs (wall-clock fields aside); "
        f"new/old events per second: median {statistics.median(ratios):.3f} "
        f"(min {min(ratios):.3f}, max {max(ratios):.3f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
