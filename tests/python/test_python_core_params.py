"""Parameters of Python cores (docs/python.md#parameters): the constructor's keyword
arguments are the core's schema; --param (CLI) and params= (recoscope.run) are checked
against it and reach the constructor with their types; bad values are usage errors that
name the parameter."""

import json
import subprocess
import sys

import pytest

import recoscope

KEYS = ("events", "clicks", "purchases", "revenue", "impressions", "sessions")


def spec(cores_dir, name):
    return f"py:{cores_dir / 'simple_cores.py'}:{name}"


def cli_run(cli, core, *extra):
    return subprocess.run([cli, "run", "--scenario", "default", "--recommender", core,
                           "--seed", "4", "--events", "2000", "--json", *extra],
                          capture_output=True, text=True)


class Skip3:
    """The reference for offset=3: written here, independent of Configured."""

    def recommend(self, request):
        return request["candidates"][3: 3 + request["k"]]


def test_cli_params_reach_the_constructor(cli, cores_dir, tmp_path):
    log = tmp_path / "args.json"
    db = tmp_path / "p.db"
    out = cli_run(cli, spec(cores_dir, "Configured"), "--param", "offset=3", "--param",
                  "weight=0.25", "--param", "greedy=false", "--param", f"log={log}",
                  "--db", str(db))
    assert out.returncode == 0, out.stderr
    assert json.loads(log.read_text()) == {"offset": [3, "int"], "weight": [0.25, "float"],
                                           "greedy": [False, "bool"], "mode": ["first", "str"]}
    (run,) = recoscope.Store(db).runs()
    assert run["params"]["offset"] == 3 and run["params"]["mode"] == "first"
    # The value changes what the core does, exactly as the hand-written reference does.
    reference = recoscope.run("default", Skip3(), seed=4, events=2000)
    mine = json.loads(out.stdout)
    for key in KEYS:
        assert mine[key] == reference[key], key


def test_cli_defaults_when_no_param(cli, cores_dir, tmp_path):
    log = tmp_path / "args.json"
    out = cli_run(cli, spec(cores_dir, "Configured"), "--param", f"log={log}", "--no-db")
    assert out.returncode == 0, out.stderr
    assert json.loads(log.read_text()) == {"offset": [0, "int"], "weight": [1.5, "float"],
                                           "greedy": [True, "bool"], "mode": ["first", "str"]}


@pytest.mark.parametrize("param, words", [
    ("offset=abc", ["offset", "not a number"]),
    ("offset=51", ["offset", "[0, 50]"]),
    ("offset=2.5", ["offset", "whole number"]),
    ("mode=middle", ["mode", "first, last"]),
    ("greedy=maybe", ["greedy"]),
    ("nope=1", ["nope"]),
])
def test_cli_bad_values_are_usage_errors(cli, cores_dir, param, words):
    out = cli_run(cli, spec(cores_dir, "Configured"), "--param", param, "--no-db")
    assert out.returncode == 2, out.stderr
    for w in words:
        assert w in out.stderr, (w, out.stderr)


@pytest.mark.parametrize("name, words", [
    ("NeedsArgument", ["size", "no default"]),
    ("BadParams", ["PARAMS['nope']", "names no constructor argument"]),
])
def test_cli_bad_schemas_are_usage_errors(cli, cores_dir, name, words):
    out = cli_run(cli, spec(cores_dir, name), "--no-db")
    assert out.returncode == 2, out.stderr
    for w in words:
        assert w in out.stderr, (w, out.stderr)


def test_module_run_with_a_class_and_params(cores_dir, tmp_path):
    sys.path.insert(0, str(cores_dir))
    from simple_cores import Configured
    log = tmp_path / "args.json"
    s = recoscope.run("default", Configured, seed=4, events=2000,
                      params={"offset": 3, "greedy": False, "log": str(log)})
    assert json.loads(log.read_text())["offset"] == [3, "int"]
    assert json.loads(log.read_text())["greedy"] == [False, "bool"]
    reference = recoscope.run("default", Skip3(), seed=4, events=2000)
    for key in KEYS:
        assert s[key] == reference[key], key
    # The same through a py: spec.
    by_spec = recoscope.run("default", spec(cores_dir, "Configured"), seed=4, events=2000,
                            params={"offset": 3})
    for key in KEYS:
        assert by_spec[key] == reference[key], key


def test_module_rejects_bad_params(cores_dir):
    sys.path.insert(0, str(cores_dir))
    from simple_cores import Configured
    with pytest.raises(ValueError, match=r"offset.*\[0, 50\]"):
        recoscope.run("default", Configured, events=100, params={"offset": 99})
    with pytest.raises(ValueError, match="needs the core's class"):
        recoscope.run("default", Configured(), events=100, params={"offset": 1})
    with pytest.raises(ValueError, match="unknown"):
        recoscope.run("default", Configured, events=100, params={"nope": 1})
