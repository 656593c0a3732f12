"""Speed of the Python side (issue 15's targets), one command:

    PYTHONPATH=build/python /usr/bin/python3 tests/bench/python_speed.py [--events N]

1. A trivial Python core (the first k candidates) run end to end on `default` through
   recoscope.run(): target >= 50,000 events/s.
2. The simulator driven from Python by a NumPy policy (Simulator.next_request/respond):
   target >= 100,000 events/s.
3. For scale: the built-in `random` core through the same run() path.
Wall-clock figures: run on a quiet machine, compare side by side in one session.
"""

import argparse
import time

import recoscope


class FirstK:
    def recommend(self, request):
        return request["candidates"][: request["k"]]


def python_core(events, seed):
    s = recoscope.run("default", FirstK(), seed=seed, events=events)
    return s["events"] / s["wall_s"]


def builtin(events, seed):
    s = recoscope.run("default", "random", seed=seed, events=events)
    return s["events"] / s["wall_s"]


def simulator(events, seed):
    sim = recoscope.Simulator("default", seed=seed)
    started = time.perf_counter()
    while sim.events < events:
        req = sim.next_request()
        if req is None:
            break
        sim.respond(req["candidates"][: req["k"]])
    return sim.events / (time.perf_counter() - started)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--events", type=int, default=200000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--callgrind-loop", type=int, metavar="N",
                   help="only drive the Simulator for N events (for valgrind's instruction "
                        "counts, docs/performance.md)")
    a = p.parse_args()
    if a.callgrind_loop is not None:
        simulator(a.callgrind_loop, a.seed)
        return
    rows = [("python core FirstK, run() end to end", python_core, 50000),
            ("Simulator + NumPy policy", simulator, 100000),
            ("built-in random, run() (for scale)", builtin, None)]
    print(f"default, seed {a.seed}, {a.events} events, best of {a.repeat}")
    for name, fn, target in rows:
        best = max(fn(a.events, a.seed) for _ in range(a.repeat))
        verdict = "" if target is None else (" meets" if best >= target else " MISSES") + \
            f" the target {target:,} events/s"
        print(f"{name:40} {best:12,.0f} events/s{verdict}")


if __name__ == "__main__":
    main()
