"""Start the real action server and Rasa server (REST channel) for these tests."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest
import requests

from tests.conftest import ROOT

BIN = Path(sys.executable).parent
STARTUP_SECONDS = 180


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited with {process.returncode}")
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            time.sleep(1)
    raise TimeoutError(url)


def start_actions(tmp: Path):
    port = free_port()
    process = subprocess.Popen(
        [str(BIN / "rasa"), "run", "actions", "--actions", "actions"]
        + ["--port", str(port)],
        cwd=ROOT,
        stdout=open(tmp / "actions.log", "w"),
        stderr=subprocess.STDOUT,
    )
    return port, process


def start_rasa(
    model: Path,
    actions_url: str,
    tmp: Path,
    log_name: str,
    extra_env=None,
    extra_args=(),
):
    port = free_port()
    env = {
        **os.environ,
        "ACTION_ENDPOINT_URL": actions_url,
        "TRACKER_DB": str(tmp / f"{port}.db"),
        **(extra_env or {}),
    }
    log = open(tmp / log_name, "w")
    process = subprocess.Popen(
        [
            str(BIN / "rasa"),
            "run",
            "--model",
            str(model),
            "--endpoints",
            "endpoints.yml",
            "--credentials",
            "credentials.yml",
            "--port",
            str(port),
            "--enable-api",
            *extra_args,
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    return port, process


@pytest.fixture(scope="session")
def servers(model_path, tmp_path_factory) -> Iterator[dict]:
    """A bot with a live action server, and a second one whose action server is dead."""
    tmp = tmp_path_factory.mktemp("servers")
    actions_port, actions = start_actions(tmp)
    live_port, live = start_rasa(
        model_path, f"http://127.0.0.1:{actions_port}/webhook", tmp, "rasa.log"
    )
    dead_port, dead = start_rasa(
        model_path, f"http://127.0.0.1:{free_port()}/webhook", tmp, "rasa-dead.log"
    )
    try:
        wait_for(f"http://127.0.0.1:{actions_port}/health", actions)
        wait_for(f"http://127.0.0.1:{live_port}/status", live)
        wait_for(f"http://127.0.0.1:{dead_port}/status", dead)
        yield {
            "live": f"http://127.0.0.1:{live_port}",
            "dead": f"http://127.0.0.1:{dead_port}",
        }
    finally:
        for process in (live, dead, actions):
            process.terminate()
        for process in (live, dead, actions):
            process.wait(timeout=30)
