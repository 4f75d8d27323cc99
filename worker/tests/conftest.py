"""The tiny models, built once and kept under worker/.cache (they are rebuilt when missing), and the device
the suite runs on: the CPU, or CUDA in bf16 under `make gpu-smoke` (TIMMY_WORKER_TEST_DEVICE=cuda)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from timmy_worker import tiny
from timmy_worker.device import choose
from timmy_worker.models import ModelStore

CACHE = Path(os.environ.get("TIMMY_TINY_MODELS", Path(__file__).resolve().parent.parent / ".cache" / "tiny-models"))
TIMINGS: list[tuple[str, float]] = []


@pytest.fixture(scope="session")
def tiny_models() -> dict[str, str]:
    return {family: str(path) for family, path in tiny.write_all(CACHE).items()}


@pytest.fixture(scope="session")
def device():
    return choose(os.environ.get("TIMMY_WORKER_TEST_DEVICE", "cpu"))


@pytest.fixture
def store(device):
    return ModelStore(device, budget_bytes=1 << 34)


@pytest.fixture(autouse=True)
def _timed(request):
    started = time.monotonic()
    yield
    TIMINGS.append((request.node.name, time.monotonic() - started))


def pytest_terminal_summary(terminalreporter):
    if os.environ.get("TIMMY_WORKER_TIMINGS"):
        terminalreporter.section("timings")
        for name, seconds in TIMINGS:
            terminalreporter.write_line(f"{seconds:8.2f} s  {name}")
