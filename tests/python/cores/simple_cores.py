"""Small Python cores the suites load through py:FILE.py:CLASS and recoscope.run()."""

import numpy as np


class FirstK:
    """The first k candidates: the cheapest possible Python core (the speed target's)."""

    def recommend(self, request):
        return request["candidates"][: request["k"]]


class PopularFirstK:
    """Learns click counts; ranks candidates by them (ties: lower id). Exercises observe()."""

    def __init__(self):
        self.clicks = None
        self.observed = 0

    def observe(self, event):
        self.observed += 1
        if event.kind == "click":
            if self.clicks is None:
                self.clicks = {}
            self.clicks[event.item] = self.clicks.get(event.item, 0) + 1

    def recommend(self, request):
        cand = request["candidates"]
        if not self.clicks:
            return cand[: request["k"]]
        score = np.array([self.clicks.get(int(i), 0) for i in cand[:200]], dtype=np.float32)
        order = np.argsort(-score, kind="stable")[: request["k"]]
        return cand[:200][order], score[order]


class FailsOnFiftieth:
    """Raises inside a helper on its 50th slate: the traceback must reach the run's fault."""

    def __init__(self):
        self.calls = 0

    def recommend(self, request):
        self.calls += 1
        if self.calls == 50:
            self._explode(request)
        return request["candidates"][: request["k"]]

    def _explode(self, request):
        return request["k"] / 0


class ReturnsGarbage:
    def recommend(self, request):
        return "not ids"


class Configured:
    """Takes parameters (docs/python.md#parameters): the first k candidates from `offset`
    on; with `log` set, the constructor writes the arguments it got (value and type name)
    to that file as JSON, so a test can see exactly what --param / params= passed."""

    PARAMS = {"offset": {"min": 0, "max": 50, "help": "candidates skipped"},
              "mode": {"choices": ["first", "last"]}}

    def __init__(self, offset=0, weight=1.5, greedy=True, mode="first", log=""):
        self.offset, self.mode = offset, mode
        if log:
            import json
            with open(log, "w") as f:
                json.dump({k: [v, type(v).__name__] for k, v in
                           dict(offset=offset, weight=weight, greedy=greedy, mode=mode).items()},
                          f)

    def recommend(self, request):
        cand = request["candidates"]
        if self.mode == "last":
            cand = cand[::-1]
        return cand[self.offset: self.offset + request["k"]]


class NeedsArgument:
    def __init__(self, size):
        self.size = size

    def recommend(self, request):
        return request["candidates"][: request["k"]]


class BadParams:
    PARAMS = {"nope": {"min": 0}}

    def __init__(self, alpha=0.5):
        pass

    def recommend(self, request):
        return request["candidates"][: request["k"]]


class Recorder:
    """Ranks the candidates by how often it has observed them (ties: lower id) and, with
    `log` set, writes every call to that file as JSON lines, so that a test can recount a
    command's metrics from the core's own answers (tests/python/test_python_core_cli.py)."""

    def __init__(self, log=""):
        self.counts = {}
        self.out = open(log, "a") if log else None

    def _write(self, record):
        if self.out:
            import json
            self.out.write(json.dumps(record) + "\n")
            self.out.flush()

    def recommend(self, request):
        cand = request["candidates"]
        score = np.array([self.counts.get(int(i), 0) for i in cand], dtype=np.float64)
        slate = cand[np.argsort(-score, kind="stable")[: request["k"]]]
        self._write({"call": "recommend", "user": int(request["user"]),
                     "slate": [int(i) for i in slate]})
        return slate

    def observe(self, event):
        self.counts[event.item] = self.counts.get(event.item, 0) + 1
        self._write({"call": "observe", "user": int(event.user), "item": int(event.item)})
