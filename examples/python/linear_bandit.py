"""A linear UCB bandit in plain NumPy, run as a Recoscope core and compared with the
built-in `linucb` (and `random`, `popularity`) on the `default` scenario.

    PYTHONPATH=build/python /usr/bin/python3 examples/python/linear_bandit.py --events 50000

Also usable from the command line and the workbench:
    build/bin/recoscope-cli run --scenario default --recommender py:examples/python/linear_bandit.py:NumpyLinUCB

Features of a (user, item) pair (one shared ridge regression, as Li et al. 2010's
"disjoint" model with one arm set): bias, one-hot top category, discount, log(1 + the
item's clicks so far), and the user's share of recent events in the item's top category.
One NumPy pass over the candidates per slate; the model is re-solved every `refresh`
slates. Reward: 1 for a click on the slate entry, 0 for an entry shown and not clicked.
"""

import argparse

import numpy as np


class NumpyLinUCB:
    def __init__(self, alpha=0.2, ridge=1.0, refresh=16):
        self.alpha = alpha
        self.ridge = ridge
        self.refresh = refresh
        self.clicks = None
        self.A = None
        self.slates = 0
        self.last_x = None  # features of the slate just returned, by position

    def _setup(self, items):
        self.top = items["top_category"]
        self.n_top = int(self.top.max()) + 1
        self.dim = 3 + self.n_top + 1
        self.clicks = np.zeros(len(self.top), dtype=np.float64)
        self.A = self.ridge * np.eye(self.dim)
        self.b = np.zeros(self.dim)
        self._solve()

    def _solve(self):
        self.A_inv = np.linalg.inv(self.A)
        self.theta = self.A_inv @ self.b

    def _features(self, request, cand):
        items = request["items"]
        n = len(cand)
        top = self.top[cand]
        x = np.zeros((n, self.dim))
        x[:, 0] = 1.0
        x[:, 1] = items["discount"][cand]
        x[:, 2] = np.log1p(self.clicks[cand])
        recent = request["recent_events"]
        if len(recent):
            seen = recent["item"][recent["item"] < len(self.top)]
            share = np.bincount(self.top[seen], minlength=self.n_top) / max(len(seen), 1)
            x[:, 3] = share[top]
        x[np.arange(n), 4 + top] = 1.0
        return x

    def recommend(self, request):
        if self.clicks is None:
            self._setup(request["items"])
        cand = request["candidates"]
        x = self._features(request, cand)
        mean = x @ self.theta
        bonus = np.sqrt(np.einsum("ij,jk,ik->i", x, self.A_inv, x))
        score = mean + self.alpha * bonus
        k = min(request["k"], len(cand))
        top = np.argpartition(-score, k - 1)[:k] if k < len(cand) else np.arange(len(cand))
        top = top[np.lexsort((cand[top], -score[top]))]
        self.last_x = x[top]
        return cand[top], score[top].astype(np.float32)

    def observe_slate(self, items, clicked):
        if self.last_x is None or len(items) == 0:
            return
        # Entries up to the click were examined (cascade assumption); all when no click.
        seen = len(items) if clicked < 0 else clicked + 1
        x = self.last_x[:seen]
        r = np.zeros(seen)
        if clicked >= 0:
            r[clicked] = 1.0
        self.A += x.T @ x
        self.b += x.T @ r
        self.slates += 1
        if self.slates % self.refresh == 0:
            self._solve()

    def observe(self, event):
        if event.kind == "click" and self.clicks is not None:
            self.clicks[event.item] += 1.0


def compare(events, seed):
    import recoscope
    rows = []
    for name, core in (("NumpyLinUCB (Python)", NumpyLinUCB()), ("linucb (built-in)", "linucb"),
                       ("popularity", "popularity"), ("random", "random")):
        s = recoscope.run("default", core, seed=seed, events=events)
        rows.append((name, s["ctr"], s["cvr"], s["revenue"], s["latency_us"]["p50"],
                     s["events_per_sec"]))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(f"default scenario, seed {args.seed}, {args.events} events")
    print(f"{'core':24} {'CTR':>7} {'CVR':>7} {'revenue':>10} {'p50 µs':>8} {'events/s':>9}")
    for name, ctr, cvr, revenue, p50, eps in compare(args.events, args.seed):
        print(f"{name:24} {ctr:7.4f} {cvr:7.4f} {revenue:10.1f} {p50:8.1f} {eps:9.0f}")


if __name__ == "__main__":
    main()
