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
