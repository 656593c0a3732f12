"""The module imports; scenarios and cores come from the one registry; run() returns the
same summary as `recoscope-cli run --json` (checked against the binary itself)."""

import json
import subprocess

import pytest

import recoscope

# Wall-clock figures differ between two runs of the same seed; everything else must not.
WALL_CLOCK = {"wall_s", "events_per_sec", "latency_us", "setup_s", "peak_rss_mb"}


def strip_wall_clock(summary):
    out = {k: v for k, v in summary.items() if k not in WALL_CLOCK}
    # Per-surface latency is wall clock too; the counts beside it must match.
    if "surfaces" in out:
        out["surfaces"] = {name: {k: v for k, v in figures.items() if k != "latency_us"}
                           for name, figures in out["surfaces"].items()}
    return out


def test_scenarios_and_recommenders(cli):
    names = [s["name"] for s in recoscope.scenarios()]
    assert names[0] == "default"
    listed = subprocess.run([cli, "list-recommenders", "--json"], check=True,
                            capture_output=True, text=True).stdout
    reference = json.loads(listed)
    ids = [r["id"] for r in recoscope.recommenders()]
    assert ids == [r["id"] for r in reference]
    linucb = next(r for r in recoscope.recommenders() if r["id"] == "linucb")
    assert linucb["params"], "linucb declares parameters"
    assert {"key", "type", "min", "max", "default", "help"} <= set(linucb["params"][0])


def test_run_matches_cli_json(cli):
    mine = recoscope.run("default", "popularity", seed=3, events=3000)
    out = subprocess.run([cli, "run", "--scenario", "default", "--recommender", "popularity",
                          "--seed", "3", "--events", "3000", "--no-db", "--json"],
                         check=True, capture_output=True, text=True).stdout
    theirs = json.loads(out)
    assert set(mine) == set(theirs)
    assert strip_wall_clock(mine) == strip_wall_clock(theirs)
    assert mine["events"] == 3000


def test_run_params_and_errors():
    a = recoscope.run("default", "egreedy", seed=1, events=1500, params={"epsilon": 0.5})
    assert a["events"] == 1500
    with pytest.raises(ValueError, match="unknown recommender"):
        recoscope.run("default", "no-such-core", events=10)
    with pytest.raises(ValueError, match="epsilon"):
        recoscope.run("default", "egreedy", events=10, params={"epsilon": 7})
    with pytest.raises(recoscope.RunError):
        recoscope.run("no-such-scenario.json", "random", events=10)
