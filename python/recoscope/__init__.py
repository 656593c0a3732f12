"""Recoscope from Python: the shopper simulator, the built-in cores, Python cores and the
run store. docs/python.md is the guide.

    PYTHONPATH=build/python /usr/bin/python3 -c "import recoscope; print(recoscope.scenarios())"
"""

import json as _json
import os as _os

import numpy as _np

from ._recoscope import EVENT_KINDS, NO_ITEM, SURFACES, event_dtype
from ._recoscope import _cli, _Simulator, _Store

__all__ = ["scenarios", "recommenders", "run", "Simulator", "Store", "RunError",
           "event_dtype", "EVENT_KINDS", "SURFACES", "NO_ITEM"]


class RunError(RuntimeError):
    """A run that did not finish: `exit_code` is recoscope-cli's (2 usage, 3 bad scenario,
    4 database, 5 the core failed), `summary` the stored summary when there is one."""

    def __init__(self, message, exit_code, summary=None):
        super().__init__(message)
        self.exit_code = exit_code
        self.summary = summary


def _list(command):
    code, out, err = _cli([command, "--json"])
    if code != 0:
        raise RuntimeError(err.strip())
    return _json.loads(out)


def scenarios():
    """The built-in scenarios: [{name, description, ...}] as `list-scenarios --json`."""
    return _list("list-scenarios")


def recommenders():
    """The built-in cores from the one registry, as `list-recommenders --json`: [{id,
    family, description, needs_oracle, params: [{key, type, default, help, min, max,
    choices}]}]."""
    return _list("list-recommenders")


def run(scenario, recommender, seed=None, events=None, days=None, params=None, db=None,
        label=None):
    """Runs `recommender` on `scenario` and returns the summary dict that
    `recoscope-cli run --json` prints (the same code produces both).

    recommender: a built-in id ("itemknn"), a Python core file "py:FILE.py:CLASS", a Python
    core class (built once for the run with `params` as its constructor's keyword
    arguments), or a Python object with recommend(request) and, optionally,
    observe(event) (a Python core, already built: it takes no params). params: the core's
    parameters, checked against its schema (a Python class's: its constructor's keyword
    arguments with defaults). db: a run store file, or None for no store.
    Raises ValueError for bad arguments and RunError when the run fails (a Python core that
    raises stops with its traceback in the message).
    """
    args = ["run", "--scenario", str(scenario), "--json"]
    core = None
    core_id = ""
    if isinstance(recommender, str):
        args += ["--recommender", recommender]
    elif isinstance(recommender, type):
        if not callable(getattr(recommender, "recommend", None)):
            raise ValueError(f"class {recommender.__name__} has no recommend(request) method")
        core = recommender
        core_id = "py:" + recommender.__name__
        args += ["--recommender", core_id]
    else:
        if not callable(getattr(recommender, "recommend", None)):
            raise ValueError("recommender must be a core id, a Python core class or an object "
                             "with recommend(request)")
        if params:
            raise ValueError(f"params= needs the core's class ({type(recommender).__name__}), "
                             "not an instance: an instance is built already; pass the class "
                             "and its constructor gets the params")
        core = recommender
        core_id = "py:" + type(recommender).__name__
        args += ["--recommender", core_id]
    if seed is not None:
        args += ["--seed", str(int(seed))]
    if events is not None:
        args += ["--events", str(int(events))]
    if days is not None:
        args += ["--days", repr(float(days))]
    for key, value in (params or {}).items():
        if isinstance(value, bool):
            value = "true" if value else "false"
        args += ["--param", f"{key}={value}"]
    if db is None:
        args += ["--no-db"]
    else:
        args += ["--db", _os.fspath(db)]
    if label is not None:
        args += ["--label", str(label)]
    code, out, err = _cli(args, core, core_id)
    message = err.strip().replace("recoscope-cli: ", "")
    if code == 2:
        raise ValueError(message)
    if code != 0:
        raise RunError(message or f"run failed with exit code {code}", code)
    return _json.loads(out)


class Simulator(_Simulator):
    """The simulator as a loop a Python policy drives:

        sim = recoscope.Simulator("default", seed=7)
        while (req := sim.next_request()) is not None:
            events = sim.respond(req["candidates"][:req["k"]])

    next_request() -> dict (user, time, day, surface, k, context_item, exclude,
    candidates, recent_events, items) or None at the end; respond(slate, scores=None,
    propensities=None) -> NumPy array of event_dtype; metrics() -> the run summary dict.
    Two simulators with the same scenario and seed face the same shoppers whatever the
    slates (common random numbers).
    """

    def __init__(self, scenario="default", seed=None, days=0.0):
        super().__init__(str(scenario), seed, float(days))

    def metrics(self):
        return _json.loads(self._metrics_json())


def _frame(array):
    try:
        import pandas
    except ImportError:
        return array
    return pandas.DataFrame(array)


class Store:
    """A run store (SQLite file) read through the simulation library's reader.
    Arrays are NumPy; with pandas importable, events() and metrics() return DataFrames
    unless as_numpy=True."""

    def __init__(self, path):
        self._store = _Store(_os.fspath(path))

    def runs(self):
        """Every stored run: dicts with id, scenario, seed, recommender, status, summary..."""
        out = []
        for r in self._store.runs():
            r["params"] = _json.loads(r.pop("params_json") or "{}")
            text = r.pop("summary_json")
            r["summary"] = _json.loads(text) if text else None
            out.append(r)
        return out

    def events(self, run, offset=0, limit=None, as_numpy=False):
        """The run's events (event_dtype), in order; `limit` None for all."""
        a = self._store.events(int(run), int(offset), -1 if limit is None else int(limit))
        return a if as_numpy else _frame(a)

    def metric_names(self, run):
        return self._store.metric_names(int(run))

    def metrics(self, run, as_numpy=False):
        """One row per metric bucket: bucket_end (simulated seconds) and one column per
        stored metric."""
        names = self.metric_names(run)
        ends = None
        columns = []
        for name in names:
            end, value = self._store.metric(int(run), name)
            if ends is None:
                ends = end
            elif len(end) != len(ends) or not _np.array_equal(end, ends):
                # A series with other buckets (rare): aligned on the first one's ends.
                value = _np.interp(ends, end, value) if len(end) else _np.full(len(ends), _np.nan)
            columns.append((name, value))
        n = 0 if ends is None else len(ends)
        dtype = [("bucket_end", "f8")] + [(name, "f8") for name, _ in columns]
        table = _np.zeros(n, dtype=dtype)
        if n:
            table["bucket_end"] = ends
            for name, value in columns:
                table[name] = value
        return table if as_numpy else _frame(table)


from . import gym  # noqa: E402  (registers SlateEnv with gymnasium when it is importable)
