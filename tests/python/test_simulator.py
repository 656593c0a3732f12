"""recoscope.Simulator: the request, zero-copy features, slate checks, common random
numbers, and the step being the engine's own (equal to a run of the same policy as a core).
"""

import numpy as np
import pytest

import recoscope


def first_k(req):
    return req["candidates"][: req["k"]]


def last_k(req):
    return req["candidates"][-req["k"]:][::-1]


def test_request_and_zero_copy_features():
    sim = recoscope.Simulator("default", seed=5)
    req = sim.next_request()
    assert {"user", "time", "day", "surface", "k", "context_item", "exclude", "candidates",
            "recent_events", "items", "session", "session_start"} <= set(req)
    cand = req["candidates"]
    assert cand.dtype == np.uint32 and np.all(np.diff(cand.astype(np.int64)) > 0)
    items = req["items"]
    assert np.all(items["available"][cand] == 1)
    assert not np.isin(cand, req["exclude"]).any()
    assert req["surface"] in recoscope.SURFACES
    price = items["price"]
    assert price.shape == (sim.n_items,) and not price.flags.writeable
    sim.respond(first_k(req))
    req2 = sim.next_request()
    # The same buffer every time: a view of the engine's item table, not a copy.
    assert np.shares_memory(req2["items"]["price"], price)
    assert req2["items"]["price"].ctypes.data == price.ctypes.data


def test_views_outlive_the_simulator():
    sim = recoscope.Simulator("default", seed=5)
    price = sim.items["price"]
    expected = price.copy()
    del sim
    import gc
    gc.collect()
    assert np.array_equal(price, expected)


def test_respond_checks_slates():
    sim = recoscope.Simulator("default", seed=2)
    req = sim.next_request()
    c = req["candidates"]
    with pytest.raises(RuntimeError, match="still waiting"):
        sim.next_request()
    with pytest.raises(ValueError, match="twice|duplicate|more than once"):
        sim.respond([c[0], c[0]])
    with pytest.raises(ValueError, match="outside"):
        sim.respond([sim.n_items])
    unavailable = np.flatnonzero(req["items"]["available"] == 0)
    if len(unavailable):
        with pytest.raises(ValueError, match="not available"):
            sim.respond([unavailable[0]])
    with pytest.raises(ValueError, match="more than|k"):
        sim.respond(c[: req["k"] + 1])
    events = sim.respond(c[: req["k"]])  # the request stayed open for a good answer
    assert events.dtype == recoscope.event_dtype


def run_policy(policy, seed, steps):
    sim = recoscope.Simulator("default", seed=seed)
    requests, events = [], []
    for _ in range(steps):
        req = sim.next_request()
        if req is None:
            break
        requests.append(req)
        events.append(sim.respond(policy(req)))
    return sim, requests, np.concatenate(events)


def first_visits(requests):
    """user -> time of the user's first session start (the candidate visits' common part)."""
    out = {}
    for r in requests:
        if r["session_start"] and r["user"] not in out:
            out[r["user"]] = r["time"]
    return out


def test_same_seed_same_policy_is_identical():
    _, _, a = run_policy(first_k, 11, 1500)
    _, _, b = run_policy(first_k, 11, 1500)
    assert a.tobytes() == b.tobytes()


def test_common_random_numbers_whatever_the_slates():
    # The control at the end is the mutation "the second simulator's dice depend on
    # something else than the seed" (here: seed + 1): its first visits differ, so this
    # comparison can fail. Seen failing before Simulator ended the clock as run() does:
    # test_simulator_step_is_the_engines_step caught sim_days 0.2497 against 0.25.
    _, ra, ea = run_policy(first_k, 21, 3000)
    _, rb, eb = run_policy(last_k, 21, 3000)
    assert ra[0]["user"] == rb[0]["user"] and ra[0]["time"] == rb[0]["time"]
    assert not np.array_equal(ea["item"][:200], eb["item"][:200]), "the slates differed"
    horizon = min(ra[-1]["time"], rb[-1]["time"])
    va = {u: t for u, t in first_visits(ra).items() if t < horizon}
    vb = {u: t for u, t in first_visits(rb).items() if t < horizon}
    assert len(va) > 100
    assert va == vb
    # Control: another seed brings other shoppers, so the comparison above can fail.
    _, rc, _ = run_policy(first_k, 22, 3000)
    vc = {u: t for u, t in first_visits(rc).items() if t < horizon}
    assert vc != va


class FirstK:
    def recommend(self, request):
        return first_k(request)


def test_simulator_step_is_the_engines_step():
    # The same policy, once driving the Simulator and once as a Python core inside an
    # ordinary run, gives the same shop: every counter of the summary agrees.
    days = 0.25
    sim = recoscope.Simulator("default", seed=4, days=days)
    clicks = 0
    while (req := sim.next_request()) is not None:
        ev = sim.respond(first_k(req))
        clicks += int((ev["kind"] == 1).sum())
    mine = sim.metrics()
    ref = recoscope.run("default", FirstK(), seed=4, days=days)
    assert mine["events"] > 1000
    for key in ("events", "requests", "impressions", "clicks", "carts", "purchases",
                "revenue", "sessions", "views", "favourites", "sim_days"):
        assert mine[key] == ref[key], key
    assert clicks == mine["clicks"]
    assert sim.finished and sim.next_request() is None


def test_strategy_per_surface_is_refused(tmp_path):
    # The Simulator asks the Python policy for every surface: a scenario with `surfaces`
    # is refused with a message naming the field and saying why. Mutation seen failing:
    # the check removed from Simulator::Simulator -- the run job's own check answers
    # "$.surfaces.cart: unknown recommender 'itemknn'; known: python-policy", which
    # misleads (itemknn is a core) and does not match.
    path = tmp_path / "per-surface.json"
    path.write_text('{"format": 1, "name": "per-surface", "surfaces": {"cart": "itemknn"}}')
    with pytest.raises(ValueError, match=r"\$\.surfaces gives .* strategy per surface"):
        recoscope.Simulator(str(path), seed=1)
