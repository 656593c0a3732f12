"""py:FILE.py:CLASS cores in `replay`, `evaluate` and `ope`, as the built-in cores are
tested there: each command's figures are recounted here, independently, from the answers
the core itself gave (its recording) or from a plain `run` of the same core."""

import json
import math
import random
import subprocess
from collections import defaultdict

import pytest

import recoscope

K = 5


def spec(cores_dir, name):
    return f"py:{cores_dir / 'simple_cores.py'}:{name}"


def run(cli, *args):
    out = subprocess.run([cli, *args], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    return out


def records(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture
def log_db(cli, tmp_path):
    """A small MovieLens-format log (users and items skewed, so popularity learns) imported
    into a store; returns (db, rows in time order as (user, item))."""
    rng = random.Random(11)
    rows = []
    for i in range(900):
        rows.append((rng.randrange(40), min(int(rng.expovariate(0.15)), 59)))
    data = tmp_path / "u.data"
    data.write_text("".join(f"{u}\t{it}\t4\t{1_000_000 + 60 * i}\n"
                            for i, (u, it) in enumerate(rows)))
    db = tmp_path / "logs.db"
    run(cli, "import", "--format", "movielens", "--input", str(data), "--name", "tiny",
        "--db", str(db))
    return db, rows


def test_replay_with_a_python_core(cli, cores_dir, log_db, tmp_path):
    db, rows = log_db
    rec = tmp_path / "replay.jsonl"
    out = run(cli, "replay", "--log", "tiny", "--recommender", spec(cores_dir, "Recorder"),
              "--param", f"log={rec}", "--k", str(K), "--db", str(db), "--json")
    summary = json.loads(out.stdout)
    # Recount: each recommend() is scored against the event observed right after it.
    hits = ndcg = mrr = 0.0
    scored = 0
    pending = None
    for r in records(rec):
        if r["call"] == "recommend":
            assert pending is None
            pending = r["slate"]
        elif pending is not None:
            scored += 1
            if r["item"] in pending[:K]:
                rank = pending.index(r["item"]) + 1
                hits += 1
                ndcg += 1 / math.log2(rank + 1)
                mrr += 1 / rank
            pending = None
    assert scored == summary["scored"] > 100
    assert summary["events"] == len(rows)
    assert summary[f"hit@{K}"] == pytest.approx(hits / scored, abs=1e-9)
    assert summary[f"ndcg@{K}"] == pytest.approx(ndcg / scored, abs=1e-9)
    assert summary[f"mrr@{K}"] == pytest.approx(mrr / scored, abs=1e-9)
    assert hits > 0  # it learnt something: the recount is not of an all-miss run
    # The replay is stored under the py: id like any core's.
    runs = recoscope.Store(db).runs()
    assert [r["recommender"] for r in runs] == [spec(cores_dir, "Recorder")]
    assert runs[0]["params"] == {"log": str(rec)}


def test_evaluate_with_a_python_core(cli, cores_dir, log_db, tmp_path):
    db, rows = log_db
    rec = tmp_path / "evaluate.jsonl"
    out = run(cli, "evaluate", "--log", "tiny", "--recommender", spec(cores_dir, "Recorder"),
              "--param", f"log={rec}", "--split", "temporal:0.8", "--k", str(K),
              "--db", str(db), "--json")
    summary = json.loads(out.stdout)
    if isinstance(summary, list):
        (summary,) = summary
    calls = records(rec)
    observed = [c for c in calls if c["call"] == "observe"]
    asked = [c for c in calls if c["call"] == "recommend"]
    cut = math.floor(0.8 * len(rows))
    assert len(observed) == summary["train_events"] == cut
    assert len(asked) == summary["test_users"] > 0
    # Internal ids from the training events the core saw (row i was observed i-th).
    user_of, item_of = {}, {}
    for (u, it), o in zip(rows[:cut], observed):
        assert user_of.setdefault(u, o["user"]) == o["user"]
        assert item_of.setdefault(it, o["item"]) == o["item"]
    relevant = defaultdict(set)
    for u, it in rows[cut:]:
        if u in user_of:
            relevant[user_of[u]].add(item_of.get(it, ("unseen", it)))
    assert sorted(c["user"] for c in asked) == sorted(relevant)
    seen = defaultdict(set)
    for o in observed:
        seen[o["user"]].add(o["item"])
    hits = 0
    for c in asked:
        assert not seen[c["user"]] & set(c["slate"])  # training items are excluded
        hits += bool(relevant[c["user"]] & set(c["slate"][:K]))
    assert summary[f"hit@{K}"] == pytest.approx(hits / len(asked), abs=1e-9)


def test_ope_with_a_python_core(cli, cores_dir, tmp_path):
    # The truth run of `ope` is the target's own run on the logger's shoppers: the same
    # figures as a plain `run` of the Python core with the same scenario, seed and days.
    core = spec(cores_dir, "PopularFirstK")
    plain = json.loads(run(cli, "run", "--scenario", "default", "--recommender", core,
                           "--seed", "3", "--days", "0.05", "--no-db", "--json").stdout)
    fresh = json.loads(run(cli, "ope", "--scenario", "default", "--logger", "random",
                           "--target", core, "--seed", "3", "--days", "0.05", "--json").stdout)
    db = tmp_path / "logged.db"
    run(cli, "run", "--scenario", "default", "--recommender", "random", "--seed", "3",
        "--days", "0.05", "--db", str(db), "--json")
    stored = json.loads(run(cli, "ope", "--run", "1", "--db", str(db), "--target", core,
                            "--json").stdout)
    for result in (fresh, stored):
        assert result["target"]["id"] == core
        assert result["truth"]["impressions"] == plain["impressions"]
        assert result["truth"]["clicks"] == plain["clicks"]
        assert result["truth"]["ctr"] == pytest.approx(plain["clicks"] / plain["impressions"])
        assert {e["name"] for e in result["estimators"]} == {"ips", "snips", "dm", "dr"}
        assert result["log"]["slates"] > 0
    # A bad parameter for a Python target is a usage error naming it.
    bad = subprocess.run([cli, "ope", "--run", "1", "--db", str(db), "--target",
                          spec(cores_dir, "Configured"), "--param", "offset=-1"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "offset" in bad.stderr
