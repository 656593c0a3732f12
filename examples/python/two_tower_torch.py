"""A tiny two-tower model in PyTorch, trained online on clicks, as a Recoscope core.

    PYTHONPATH=build/python /usr/bin/python3 examples/python/two_tower_torch.py --events 20000

Needs torch (not a Debian package Recoscope depends on): without it the script says so
and exits 0, so the example's test skips rather than fails.

User tower: an embedding of the user id plus the mean embedding of the user's recent
items; item tower: an item-id embedding plus a top-category embedding. Score = dot
product; one SGD step (BPR-style: the clicked item against a shown, unclicked one) per
clicked slate. One forward pass over the candidates per slate.
"""

import argparse
import sys

try:
    import torch
except ImportError:
    torch = None


class TwoTower:
    def __init__(self, dim=16, lr=0.05, seed=0):
        if torch is None:
            raise RuntimeError("TwoTower needs torch")
        torch.manual_seed(seed)
        self.dim, self.lr = dim, lr
        self.ready = False
        self.last = None

    def _setup(self, request):
        items = request["items"]
        n_items = len(items["category"])
        n_top = int(items["top_category"].max()) + 1
        self.top = torch.as_tensor(items["top_category"].astype("int64"))
        self.item_emb = torch.nn.Embedding(n_items, self.dim)
        self.top_emb = torch.nn.Embedding(n_top, self.dim)
        self.user_emb = torch.nn.Embedding(200000, self.dim)
        for e in (self.item_emb, self.top_emb, self.user_emb):
            torch.nn.init.normal_(e.weight, std=0.05)
        params = [*self.item_emb.parameters(), *self.top_emb.parameters(),
                  *self.user_emb.parameters()]
        self.opt = torch.optim.SGD(params, lr=self.lr)
        self.ready = True

    def _user(self, user, recent):
        u = self.user_emb(torch.tensor([user]))[0]
        if len(recent):
            ids = torch.as_tensor(recent.astype("int64"))
            u = u + self.item_emb(ids).mean(0)
        return u

    def _items(self, ids):
        return self.item_emb(ids) + self.top_emb(self.top[ids])

    def recommend(self, request):
        if not self.ready:
            self._setup(request)
        recent = request["recent_events"]["item"]
        recent = recent[recent < len(self.top)]
        cand = torch.as_tensor(request["candidates"].astype("int64"))
        with torch.no_grad():
            scores = self._items(cand) @ self._user(request["user"], recent)
        k = min(request["k"], len(cand))
        top = torch.topk(scores, k).indices
        self.last = (request["user"], recent.copy(), cand[top])
        return cand[top].numpy(), scores[top].numpy()

    def observe_slate(self, items, clicked):
        if clicked < 0 or self.last is None or len(items) < 2:
            return
        user, recent, shown = self.last
        neg = (clicked + 1) % len(shown)
        u = self._user(user, recent)
        v = self._items(shown[[clicked, neg]])
        loss = -torch.nn.functional.logsigmoid((v[0] - v[1]) @ u)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if torch is None:
        print("two_tower_torch: torch is not installed; skipping (the example needs PyTorch)")
        return 0
    import recoscope
    for name, core in (("TwoTower (torch)", TwoTower()), ("random", "random")):
        s = recoscope.run("default", core, seed=args.seed, events=args.events)
        print(f"{name:20} CTR {s['ctr']:.4f}  revenue {s['revenue']:.1f}  "
              f"p50 {s['latency_us']['p50']:.0f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
