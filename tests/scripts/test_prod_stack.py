"""The stack runner's signal handling (the stack itself runs in tests/deploy)."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from scripts import prod_stack
from tests.conftest import ROOT


def test_only_the_first_stop_signal_interrupts_the_runner(monkeypatch):
    # make sends a second SIGTERM right after the first; if that one raised too,
    # it could cut the shutdown short and leave the services running.
    monkeypatch.setattr(prod_stack, "_stopping", False)
    with pytest.raises(KeyboardInterrupt):
        prod_stack.stop_on_signal(signal.SIGTERM, None)
    prod_stack.stop_on_signal(signal.SIGTERM, None)
    prod_stack.stop_on_signal(signal.SIGINT, None)
    assert prod_stack._stopping


RUNNER = """
import argparse, os, sys, time
from pathlib import Path
from scripts import prod_stack
stack = prod_stack.Stack(argparse.Namespace(state=sys.argv[1]))
stack.logs.mkdir(parents=True)
stack.spawn("sleeper", ["sleep", "120"], dict(os.environ))
print(stack.processes["sleeper"].pid, flush=True)
time.sleep(120)
"""


def test_a_killed_runner_takes_its_services_with_it(tmp_path):
    runner = subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(tmp_path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    service = int(runner.stdout.readline())
    runner.kill()  # SIGKILL: the runner cannot stop anything itself
    runner.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and service_is_running(service):
        time.sleep(0.1)
    left_running = service_is_running(service)
    if left_running:
        os.kill(service, signal.SIGKILL)
    assert not left_running


def service_is_running(pid: int) -> bool:
    """Alive and not a zombie waiting for a parent that does not reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"
