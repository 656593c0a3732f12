"""Shared fixtures of the pytest suites (run by ctest: tests/python/CMakeLists.txt sets
PYTHONPATH to build/python and RECOSCOPE_CLI to the built recoscope-cli)."""

import os
import pathlib

import pytest

HERE = pathlib.Path(__file__).resolve().parent
CORES = HERE / "cores"


@pytest.fixture
def cli():
    path = os.environ.get("RECOSCOPE_CLI")
    if not path:
        pytest.fail("RECOSCOPE_CLI is not set (run the suites through ctest)")
    return path


@pytest.fixture
def cores_dir():
    return CORES
