"""Shared test options: --runslow runs the full-size tests marked slow."""

import pytest


def pytest_addoption(parser):
    parser.addoption("--runslow", action="store_true", default=False,
                     help="run tests marked slow (full-size runs)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="full-size run: give --runslow to include it")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
