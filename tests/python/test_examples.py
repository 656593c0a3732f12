"""The examples run (short): the NumPy linear bandit learns (beats `random` on the same
shoppers) and stands beside the built-in `linucb`; the torch example skips without torch."""

import pathlib
import subprocess
import sys

import pytest

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples" / "python"
sys.path.insert(0, str(EXAMPLES))


def test_numpy_linear_bandit_learns():
    from linear_bandit import compare
    rows = {name: ctr for name, ctr, *_ in compare(events=20000, seed=7)}
    assert rows["NumpyLinUCB (Python)"] > 1.2 * rows["random"], rows
    assert rows["linucb (built-in)"] > rows["random"], rows


def test_numpy_linear_bandit_script():
    out = subprocess.run([sys.executable, str(EXAMPLES / "linear_bandit.py"), "--events", "3000"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "linucb (built-in)" in out.stdout and "NumpyLinUCB" in out.stdout


def test_torch_two_tower():
    out = subprocess.run([sys.executable, str(EXAMPLES / "two_tower_torch.py"), "--events",
                          "3000"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    try:
        import torch  # noqa: F401
    except ImportError:
        assert "skipping" in out.stdout
        pytest.skip("torch is not installed: the two-tower example said so and exited 0")
    assert "TwoTower" in out.stdout
